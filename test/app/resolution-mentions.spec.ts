import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mentionsFor } from '../../src/app/resolutions.js';
import type { StaffDoc } from '../../src/store/documents.js';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { ConversationRepository } from '../../src/store/repositories/conversation-repository.js';
import { saveActivity } from '../helpers/save-activity.js';

// Who a resolution card @mentions, and by which id (src/app/resolutions.ts mentionsFor, README
// "Resolution cards"): the user id of the person's saved 1:1 chat ('29:…') when the bot has one, else
// their AAD object id; someone with neither, or not in the directory, is not mentioned.
const person = (id: string, name: string, aadObjectId?: string): StaffDoc => ({
  _id: id,
  id,
  name,
  roles: ['social-worker'],
  ...(aadObjectId ? { aadObjectId } : {}),
});
const personal = (userId: string, aad: string | undefined, conversationId: string) => ({
  type: 'message',
  serviceUrl: 'https://smba.example/',
  channelId: 'msteams',
  from: { id: userId, ...(aad ? { aadObjectId: aad } : {}) },
  recipient: { id: '28:bot' },
  conversation: { id: conversationId, conversationType: 'personal', tenantId: 't1' },
});

describe('resolution card mentions (real store)', () => {
  let dir: string;
  let store: EmbeddedStore;
  let conversations: ConversationRepository;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'iro-mentions-'));
    store = await openEmbeddedStore(dir);
    conversations = new ConversationRepository(store);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("uses the saved 1:1 chat's user id, else the AAD object id, and leaves out whoever has neither", async () => {
    const people = new Map([
      ['sw-1', person('sw-1', 'Dafydd Thomas', 'aad-d')], // has a 1:1 chat saved under their staff id
      ['sw-2', person('sw-2', 'Elin Hughes', 'aad-e')], // chat saved before they were linked: found by AAD id
      ['tm-1', person('tm-1', 'Owen Jenkins', 'aad-o')], // no chat: their AAD object id
      ['sw-3', person('sw-3', 'Nia Price')], // neither: not mentioned
    ]);
    const now = new Date('2026-11-25T09:00:00Z');
    await saveActivity(conversations, personal('29:dafydd', 'aad-d', 'a:dafydd'), { now, staffId: 'sw-1' });
    await saveActivity(conversations, personal('29:elin', 'aad-e', 'a:elin'), { now });
    // A channel conversation someone spoke in is not a 1:1 chat: its ids are never used for a mention.
    await saveActivity(
      conversations,
      {
        ...personal('29:owen-in-channel', 'aad-o', '19:chan@thread.tacv2;messageid=1'),
        conversation: { id: '19:chan@thread.tacv2;messageid=1', conversationType: 'channel', tenantId: 't1' },
        channelData: { team: { id: '19:team' }, channel: { id: '19:chan@thread.tacv2' }, tenant: { id: 't1' } },
      },
      { now, staffId: 'tm-1' },
    );

    const mentions = await mentionsFor({ conversations }, ['sw-1', 'sw-2', 'tm-1', 'sw-3', 'nobody'], people);
    assert.deepEqual(mentions, [
      { id: '29:dafydd', name: 'Dafydd Thomas' },
      { id: '29:elin', name: 'Elin Hughes' },
      { id: 'aad-o', name: 'Owen Jenkins' },
    ]);
    assert.deepEqual(await mentionsFor({ conversations }, [], people), []);
  });
});
