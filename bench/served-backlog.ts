// The approve invoke with a backlog, for the served bench: before the served bot starts, pending
// reschedule requests are made through the same use case the card uses, and messages with nowhere to go
// (a social work channel no team has set up) are queued in children, as a council's data would hold them.
// Issue 12's target: approve p95 < 50 ms at 100k children with 1,000 parked messages.
import { requestReschedule, rescheduleOptions } from '../src/app/booking/reschedule.js';
import { loadConfig } from '../src/config.js';
import { londonDateTime } from '../src/domain/slots.js';
import { startIroBot } from '../src/index.js';
import { createLogger } from '../src/logger.js';
import type { PendingMessage } from '../src/store/documents.js';
import { messageActivity, type Sender } from '../test/helpers/activities.js';

export interface ApprovalRequest {
  ref: string;
  requestId: string;
}

/** Makes `requests` pending reschedule requests and parks `parked` messages; the store is closed again. */
export async function prepareBacklog(
  dataDir: string,
  opts: { iroCount: number; requests: number; parked: number },
): Promise<ApprovalRequest[]> {
  const bot = await startIroBot(
    loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    createLogger('silent'),
    { jobs: false },
  );
  try {
    const out: ApprovalRequest[] = [];
    for (let i = 1; i <= opts.iroCount && out.length < opts.requests; i++) {
      const iro = await bot.deps.staff.get(`iro-${i}`);
      if (!iro) continue;
      const daysUsed = new Set<string>();
      for (const c of await bot.deps.children.listByIro(iro._id)) {
        if (daysUsed.size >= 4 || out.length >= opts.requests) break;
        const options = await rescheduleOptions(bot.deps, iro, c.ref).catch(() => null);
        if (!options || options.pending) continue;
        const slot = options.slots.find(
          (s) => !daysUsed.has(s.date) && s.date !== londonDateTime(options.booking.start).date,
        );
        if (!slot) continue;
        daysUsed.add(slot.date);
        const r = await requestReschedule(bot.deps, iro, {
          ref: c.ref,
          reason: 'sw-unavailable',
          text: 'bench',
          slot: slot.start,
        });
        out.push({ ref: c.ref, requestId: r.request.id });
      }
    }
    const all = await bot.deps.children.listAll();
    for (let i = 0; i < opts.parked; i++) {
      const child = all[(i * 7) % all.length]!;
      const m: PendingMessage = {
        key: `bench:parked:${i}`,
        to: { kind: 'channel', purpose: 'social-work-channel', team: `Bench team nobody set up ${i % 20}` },
        message: { type: 'child-notice', data: { title: 'Bench' } },
      };
      await bot.deps.children.queuePending(child.ref, [m]);
    }
    return out;
  } finally {
    await bot.stop();
  }
}

/** The manager's Approve click as Teams sends it. */
export function approveActivity(connectorUrl: string, manager: Sender, r: ApprovalRequest): object {
  return {
    ...messageActivity(connectorUrl, manager, ''),
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    value: {
      action: { type: 'Action.Execute', verb: 'review.reschedule.approve', data: { ...r, comment: '' } },
      trigger: 'manual',
    },
  };
}
