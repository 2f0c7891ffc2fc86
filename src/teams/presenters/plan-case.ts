// The /case entry to the plan between reviews (docs/DOMAIN.md PT5, PT6): one button whose title summarises it
// ("Plan: 2 outstanding, 1 overdue, 1 done, 1 alert"), opening the plan card, where progress is paged and staff
// alert the IRO. One button, because the case card is near Teams' 80 KB.
import { planCounts, type PlanRecord } from '../../domain/plan-tracking.js';
import type { IsoDate } from '../../domain/types.js';
import type { Reader } from './meeting-text.js';

/** '' when nothing is recorded (the button is hidden). */
export function casePlanButton(plan: PlanRecord | undefined, today: IsoDate, rd: Reader): string {
  if (!plan || (!plan.actions.length && !plan.alerts.length && !plan.decisions.length)) return '';
  const c = planCounts(plan, today);
  return rd.t('plan.case.summary', {
    outstanding: c.outstanding,
    overdue: c.overdue,
    done: c.done,
    alerts: plan.alerts.length,
  });
}

/**
 * PT6: the outstanding actions carried into the next review, as one fact for the held form and the held card
 * (null when there are none), so the IRO reviews them at the meeting.
 */
export function carriedActionsFact(
  child: { ref: string; plan?: PlanRecord },
  today: IsoDate,
  rd: Reader,
): { title: string; value: string } | null {
  const c = child.plan ? planCounts(child.plan, today) : null;
  if (!c?.outstanding) return null;
  return {
    title: rd.t('plan.carried.title'),
    value: rd.t('plan.carried.value', { outstanding: c.outstanding, overdue: c.overdue, ref: child.ref }),
  };
}

/** The /actions line of a plan item (null for the other kinds): the action itself, or what the IRO is to do. */
export function planTaskText(
  rd: Reader,
  a: { kind: string; subject: string },
  child: { plan?: PlanRecord } | undefined,
): string | null {
  if (a.kind === 'plan-action') {
    const action = child?.plan?.actions.find((x) => x.id === a.subject);
    const who =
      action?.owner.kind === 'other'
        ? rd.t('plan.reminder.for-other', { name: action.owner.name, text: action.text })
        : action?.text;
    return rd.t('plan.task.action.text', { text: who ?? a.subject, review: action?.reviewId ?? '' });
  }
  if (a.kind === 'plan-record') return rd.t('plan.task.record.text', { review: a.subject });
  if (a.kind === 'plan-midway') return rd.t('plan.task.midway.text', { review: a.subject });
  return null;
}
