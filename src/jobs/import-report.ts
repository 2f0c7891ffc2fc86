// The admins' report of each sync run (issue 14): one or more import-report cards (counts, refusals, each
// conflict with its two buttons) queued in the outbox for every admin's 1:1 chat, so the audience gate
// checks them like every other message. Refs and ids only, never names (`about.names: false`).
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../app/deps.js';
import type { SyncReport } from '../app/import/sync-import.js';
import type { Logger } from '../logger.js';
import type { NewOutboxMessage } from '../store/repositories/outbox-repository.js';
import { cardAttachment, renderCard } from '../teams/cards.js';
import { CONFLICTS_PER_CARD, importReportCardData } from '../teams/cards/import-report.js';
import type { LanguageCode } from '../domain/types.js';
import { personalChat } from './addresses.js';
import { IMPORT_REPORT_KIND } from './outbox-kinds.js';

/** A report is worth delivering for a few days (the conflicts stay open until settled). */
const GIVE_UP_MS = 3 * 24 * 3600_000;

/** The messages of one report to one conversation (several cards when there are many conflicts). */
export function importReportMessages(
  r: SyncReport,
  conversationId: string,
  keyPrefix: string,
  enqueuedAt: Date,
  tz: string,
  language: LanguageCode = 'en',
): NewOutboxMessage[] {
  const conflicts = r.outcome === 'imported' ? r.conflicts : [];
  const parts = Math.max(1, Math.ceil(conflicts.length / CONFLICTS_PER_CARD));
  const out: NewOutboxMessage[] = [];
  for (let part = 1; part <= parts; part++) {
    const share = conflicts.slice((part - 1) * CONFLICTS_PER_CARD, part * CONFLICTS_PER_CARD);
    const data = importReportCardData(r, share, part, parts, tz, language);
    out.push({
      _id: `${keyPrefix}:${part}`,
      kind: IMPORT_REPORT_KIND,
      about: { refs: [...new Set(share.map((c) => c.ref))], names: false },
      target: { conversationId },
      activity: {
        type: 'message',
        summary: data.title,
        attachments: [cardAttachment(renderCard('import-report', data))],
      },
      enqueuedAt,
      giveUpAt: new Date(enqueuedAt.getTime() + GIVE_UP_MS),
    });
  }
  return out;
}

export interface ImportReporterOptions {
  deps: Pick<AppDeps, 'staff' | 'conversations' | 'outbox' | 'tzName'>;
  /** Wall clock for the outbox timestamps. */
  clock: () => Date;
  /** The outbox sender's kick. */
  onEnqueued: () => void;
  /** DEFAULT_LANGUAGE: the report's language for an admin who has not chosen one (issue 13). */
  defaultLanguage?: LanguageCode;
  logger: Logger;
}

/** `report` for app/import/sync-import.ts: every admin with a 1:1 chat with the bot gets the run's cards. */
export function createImportReporter(opts: ImportReporterOptions): (r: SyncReport) => Promise<void> {
  return async (r) => {
    const reportId = randomUUID();
    const now = opts.clock();
    let queued = 0;
    const noChat: string[] = [];
    for (const admin of await opts.deps.staff.listByRole('admin')) {
      const chat = await personalChat(opts.deps.conversations, admin._id, admin);
      if (!chat) {
        noChat.push(admin._id);
        continue;
      }
      for (const msg of importReportMessages(
        r,
        chat._id,
        `import-report:${reportId}:${admin._id}`,
        now,
        opts.deps.tzName,
        // An admin's chosen language, else the council's (a job has no Teams locale to go by).
        admin.language ?? opts.defaultLanguage ?? 'en',
      )) {
        if ((await opts.deps.outbox.enqueue(msg)).enqueued) queued++;
      }
    }
    if (noChat.length)
      opts.logger.warn({ admins: noChat }, 'sync report: these admins have no 1:1 chat with the bot yet');
    if (queued) opts.onEnqueued();
  };
}
