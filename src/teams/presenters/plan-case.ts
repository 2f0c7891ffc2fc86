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
