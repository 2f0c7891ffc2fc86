// The /case entry to the plan between reviews (docs/DOMAIN.md PT5, PT6): one button whose title summarises it
// ("Plan: 2 outstanding, 1 overdue, 1 done, 1 alert"), opening the plan card, where progress is paged and staff
// alert the IRO. One button, because the case card is near Teams' 80 KB.
import { carriedInto, planCounts, type PlanRecord } from '../../domain/plan-tracking.js';
import type { IsoDate } from '../../domain/types.js';
import type { Reader } from './reader-language.js';

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
 * PT6/PT7: the plan a review takes up, as facts for the held form and the held card: outstanding actions of
 * other reviews and the alerts raised since the review before; [] when neither.
 */
export function reviewPlanFacts(
  child: { ref: string; plan?: PlanRecord },
  o: { asAt: IsoDate; since: IsoDate | null; reviewId?: string },
  rd: Reader,
): { title: string; value: string }[] {
  const c = carriedInto(child.plan, o);
  const facts: { title: string; value: string }[] = [];
  if (c.outstanding)
    facts.push({
      title: rd.t('plan.carried.title'),
      value: rd.t('plan.carried.value', { outstanding: c.outstanding, overdue: c.overdue, ref: child.ref }),
    });
  if (c.alerts)
    facts.push({
      title: rd.t('practice.held.alerts.title'),
      value: rd.t('practice.held.alerts.value', { count: c.alerts, ref: child.ref }),
    });
  return facts;
}

/** The held date of the latest review held before `before` (all when absent); null when none. */
export function lastHeldOn(reviews: readonly { heldOn: IsoDate }[], before?: IsoDate): IsoDate | null {
  return reviews.reduce<IsoDate | null>(
    (last, r) => ((before === undefined || r.heldOn < before) && (last === null || r.heldOn > last) ? r.heldOn : last),
    null,
  );
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
