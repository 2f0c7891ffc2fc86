import { mkdtemp, rm } from 'node:fs/promises';
import { saveActivity } from '../../helpers/save-activity.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import { loadConfig } from '../../../src/config.js';
import { createAudienceGate } from '../../../src/jobs/audience-gate.js';
import { createOutboxSender, type OutboxSender, type OutboxSenderOptions } from '../../../src/jobs/outbox-sender.js';
import { createLogger, type Logger } from '../../../src/logger.js';
import type { Store } from '../../../src/store/doc-collection.js';
import type { OutboxTarget } from '../../../src/store/delivery-documents.js';
import { openEmbeddedStore } from '../../../src/store/embedded/embedded-store.js';
import { AuditLog } from '../../../src/store/repositories/audit-log.js';
import { ChildrenRepository } from '../../../src/store/repositories/children-repository.js';
import { ConversationRepository } from '../../../src/store/repositories/conversation-repository.js';
import { StaffRepository } from '../../../src/store/repositories/staff-repository.js';
import { OutboxRepository } from '../../../src/store/repositories/outbox-repository.js';
import { createMemberCache } from '../../../src/teams/members.js';
import type { DeliveryPort, MemberDirectory } from '../../../src/app/delivery-port.js';
import { createNotifier } from '../../../src/teams/notifier.js';

// An outbox on an embedded store in a temp dir, a real (local-mode) TeamsAdapter and the notifier,
// pointed at a fake connector on loopback. Used by the specs and by the kill -9 child process.

export interface OutboxEnv {
  dir: string;
  store: Store;
  outbox: OutboxRepository;
  conversations: ConversationRepository;
  adapter: CloudAdapter;
  notifier: DeliveryPort & MemberDirectory;
  logger: Logger;
  /** Saves a channel conversation (as if the bot had been installed there). */
  addChannel(id: string): Promise<void>;
  /** Enqueues a message whose activity text is its key. */
  enqueue(key: string, target: OutboxTarget | string, at?: Date, giveUpAt?: Date): Promise<boolean>;
  sender(opts?: Partial<OutboxSenderOptions>): OutboxSender;
  close(opts?: { keepDir?: boolean }): Promise<void>;
}

export interface OutboxEnvOptions {
  dir?: string;
  /** 'teams' (default): the app's own adapter (createAdapter, local mode). 'plain': a bare
   *  CloudAdapter without app id — the kill -9 child uses it to start ~1 s faster. */
  adapter?: 'teams' | 'plain';
}

export async function openOutboxEnv(connectorUrl: string, opts: OutboxEnvOptions = {}): Promise<OutboxEnv> {
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'iro-outbox-')));
  const store = await openEmbeddedStore(dir);
  const outbox = new OutboxRepository(store);
  const conversations = new ConversationRepository(store);
  await outbox.ensureIndexes();
  await conversations.ensureIndexes();
  const logger = createLogger('silent');
  const adapter =
    opts.adapter === 'plain'
      ? new CloudAdapter(
          new ConfigurationBotFrameworkAuthentication(
            {},
            new ConfigurationServiceClientCredentialFactory({
              MicrosoftAppId: '',
              MicrosoftAppPassword: '',
              MicrosoftAppType: 'MultiTenant',
              MicrosoftAppTenantId: '',
            }),
          ),
        )
      : (await import('../../../src/teams/bot.js')).createAdapter(
          loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }),
          logger,
        );
  const notifier = createNotifier(adapter, { timeoutMs: 5_000, logger });
  let last = 0;
  return {
    dir,
    store,
    outbox,
    conversations,
    adapter,
    notifier,
    logger,
    async addChannel(id) {
      await saveActivity(
        conversations,
        {
          serviceUrl: connectorUrl,
          channelId: 'msteams',
          from: { id: '29:someone', aadObjectId: 'aad-someone' },
          recipient: { id: '28:iro-bot', name: 'IRO Bot' },
          conversation: { id, conversationType: 'channel', tenantId: 'tenant-1', isGroup: true },
          channelData: { team: { id: '19:team@thread.tacv2' }, channel: { id }, tenant: { id: 'tenant-1' } },
        },
        { now: new Date() },
      );
    },
    async enqueue(key, target, at, giveUpAt) {
      // Distinct enqueue times keep the intended order regardless of key spelling; they may run a
      // few ms ahead of the clock, so the message is made due now explicitly.
      const now = Date.now();
      last = Math.max(now, last + 1);
      const enqueuedAt = at ?? new Date(last);
      const t = typeof target === 'string' ? { conversationId: target } : target;
      const r = await outbox.enqueue({
        _id: key,
        target: t,
        kind: 'child-notice',
        about: { refs: [], names: false },
        activity: { type: 'message', text: key },
        enqueuedAt,
        giveUpAt,
        nextAttemptAt: at ?? new Date(now),
      });
      return r.enqueued;
    },
    sender(extra = {}) {
      // The real audience gate, reading rosters from the fake connector (none set: no guests), cached as in production.
      const members = createMemberCache();
      const audience = createAudienceGate({
        deps: {
          staff: new StaffRepository(store),
          children: new ChildrenRepository(store),
          conversations,
          outbox,
          audit: new AuditLog(store),
          clock: () => new Date(),
        },
        listMembers: (conv) => members.get(conv._id, () => notifier.listMembers(conv.address)),
        councilTenantId: 'tenant-1',
        logger,
      });
      return createOutboxSender({
        outbox,
        conversations,
        notifier,
        audience,
        clock: () => new Date(),
        logger,
        ...extra,
      });
    },
    async close({ keepDir = false } = {}) {
      await store.close();
      if (!keepDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Channel-level key for rate checks: a thread counts against its channel (stricter than Teams). */
export const channelOf = (conversationId: string): string => conversationId.split(';messageid=')[0]!;

/** The largest number of timestamps in any half-open window [t, t + windowMs). */
export function maxInWindow(times: number[], windowMs: number): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  let j = 0;
  for (let i = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** Polls until `cond` holds (real time). */
export async function until(cond: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
