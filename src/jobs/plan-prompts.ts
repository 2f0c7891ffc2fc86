// The plan tracked between reviews (docs/DOMAIN.md PT3, PT4), computed by the sweeper and queued in the child's
// document like any message about the child; the pending drainer moves them to the outbox, where the audience
// gate checks them. Each has its idempotency key: once queued or in the outbox it is never queued again.
// PT3: an action's owner is reminded before its date and on it (a named other: the child's social worker, who
// keeps in touch with them, else the IRO). PT4: the IRO is prompted for the midway check.
import type { AppDeps } from '../app/deps.js';
import { planOf, planSettings, reviewPeriod } from '../app/plan-tracking.js';
import { actionReminders, midwayPromptDue, planKeys } from '../domain/plan-tracking.js';
import type { IsoDate } from '../domain/types.js';
import type { ChildDoc, PendingMessage } from '../store/documents.js';
import type { OutboxRepository } from '../store/repositories/outbox-repository.js';
import { stepper } from './event-loop.js';

export type PlanSweepDeps = Pick<AppDeps, 'children' | 'calendar' | 'plan' | 'staff'>;

/** Queues the reminders and midway prompts due today; returns the keys queued. */
export async function queuePlanPrompts(
  deps: PlanSweepDeps,
  outbox: Pick<OutboxRepository, 'get'>,
  children: readonly ChildDoc[],
  today: IsoDate,
): Promise<string[]> {
  const settings = planSettings(deps);
  const queued: string[] = [];
  let languages: Map<string, string | null> | null = null;
  // The reader's language, looked up once per sweep and only when something is due.
  const languageOf = async (id: string) => {
    languages ??= new Map((await deps.staff.list()).map((s) => [s._id, s.language ?? null]));
    return languages.get(id) ?? null;
  };
  // Every child: requests go in between (event-loop.ts).
  const step = stepper();
  for (const child of children) {
    await step();
    const plan = planOf(child);
    const period = reviewPeriod(child);
    const midway = !!period && midwayPromptDue(plan, period, today, settings);
    if (!plan.actions.length && !midway) continue;
    const seen = async (key: string) => (child.pending ?? []).some((p) => p.key === key) || !!(await outbox.get(key));
    const messages: PendingMessage[] = [];
    for (const r of actionReminders(child.ref, plan, today, deps.calendar, settings)) {
      const owner = r.action.owner;
      const to = owner.kind === 'staff' ? owner.staffId : (child.socialWorkerId ?? child.iroId);
      if (!to || (await seen(r.key))) continue;
      messages.push({
        key: r.key,
        to: { kind: 'personal', staffId: to },
        message: {
          type: 'plan-reminder',
          data: { actionId: r.action.id, when: r.when, language: await languageOf(to) },
        },
      });
    }
    if (midway && period) {
      const key = planKeys.midway(child.ref, period.reviewId);
      if (!(await seen(key))) {
        messages.push({
          key,
          to: { kind: 'personal', staffId: child.iroId },
          message: {
            type: 'plan-midway',
            data: { reviewId: period.reviewId, language: await languageOf(child.iroId) },
          },
        });
      }
    }
    if (!messages.length) continue;
    await deps.children.queuePending(child.ref, messages);
    queued.push(...messages.map((m) => m.key));
  }
  return queued;
}
