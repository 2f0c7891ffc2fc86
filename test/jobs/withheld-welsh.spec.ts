// Issue 13: when the audience gate withholds a message, the IRO (or an admin) is told in their own language.
import assert from 'node:assert/strict';
import { createAudienceGate } from '../../src/jobs/audience-gate.js';
import type { ConversationDoc, OutboxDoc } from '../../src/store/delivery-documents.js';
import type { ChildDoc, StaffDoc } from '../../src/store/documents.js';
import type { NewOutboxMessage } from '../../src/store/repositories/outbox-repository.js';
import { createLogger } from '../../src/logger.js';

const chat = (id: string, staffId: string): ConversationDoc =>
  ({ _id: id, kind: 'personal', staffId, purposes: [], address: {} }) as unknown as ConversationDoc;
const channel = {
  _id: '19:iro@thread',
  kind: 'channel',
  purposes: [{ purpose: 'iro-channel', setAt: new Date() }],
  address: {},
} as unknown as ConversationDoc;

function gate(people: StaffDoc[], children: ChildDoc[]) {
  const queued: NewOutboxMessage[] = [];
  const byId = new Map(people.map((p) => [p._id, p]));
  const g = createAudienceGate({
    deps: {
      staff: {
        get: (id: string) => Promise.resolve(byId.get(id) ?? null),
        listByRole: (role: string) => Promise.resolve(people.filter((p) => p.roles.includes(role as never))),
      },
      children: { get: (ref: string) => Promise.resolve(children.find((c) => c.ref === ref) ?? null) },
      conversations: {
        personalChatOf: ({ staffId }: { staffId: string }) => Promise.resolve(chat(`a:${staffId}`, staffId)),
      },
      outbox: {
        enqueue: (m: NewOutboxMessage) => {
          queued.push(m);
          return Promise.resolve({ enqueued: true });
        },
        markWithheld: () => Promise.resolve(),
      },
      audit: { record: () => Promise.resolve() },
      clock: () => new Date('2026-12-02T10:00:00Z'),
    } as never,
    councilTenantId: 'tenant-1',
    logger: createLogger('silent'),
  });
  return { g, queued };
}

const doc = (kind: string, refs: string[]) =>
  ({ _id: `k:${kind}`, kind, about: { refs, names: false }, target: { conversationId: channel._id } }) as OutboxDoc;
const text = (m: NewOutboxMessage) => JSON.stringify(m.activity);

describe('a withheld message is explained in the reader’s language (issue 13)', () => {
  const iro = { _id: 'iro-1', name: 'Alex Wilber', roles: ['iro'], language: 'cy' } as unknown as StaffDoc;
  const admin = { _id: 'admin-1', name: 'Tomos', roles: ['admin'], language: 'cy' } as unknown as StaffDoc;
  const child = { ref: 'C101', givenName: 'Dewi', familyName: 'Evans', iroId: 'iro-1' } as unknown as ChildDoc;

  it("to the child's IRO, in Welsh", async () => {
    const { g, queued } = gate([iro, admin], [child]);
    await g.withhold(doc('review-reminder', ['C101']), channel, { unexpected: 1, reason: 'withheld: x' }, new Date());
    assert.equal(queued.length, 1);
    const said = text(queued[0]!);
    assert.match(said, /Heb ei phostio · /);
    assert.match(
      said,
      /Wnes i ddim postio nodyn atgoffa am adolygiad am y plentyn hwn yn Sianel yr IRO: mae rhywun yno yn westai nad yw'n Warcheidwad y plentyn hwn/,
    );
    assert.doesNotMatch(said, /did not post|Not posted|guest who/);
  });

  it('to the admins, in Welsh, naming no child; English for an admin who reads English', async () => {
    const english = { ...admin, _id: 'admin-2', language: 'en' } as unknown as StaffDoc;
    const { g, queued } = gate([admin, english], []);
    await g.withhold(doc('service-digest', []), channel, { unexpected: 1, reason: 'withheld: x' }, new Date());
    const [cy, en] = queued.map(text);
    assert.match(cy!, /Heb ei phostio: mae gwestai yn bresennol/);
    assert.match(cy!, /Wnes i ddim postio crynodeb wythnosol y gwasanaeth \(am 0 o blant\) yn Sianel yr IRO/);
    assert.match(
      en!,
      /I did not post the weekly service digest \(about 0 children\) in the IRO channel: someone there is a guest/,
    );
  });
});
