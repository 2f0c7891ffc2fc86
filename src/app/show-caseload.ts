import { hasRole, hasServiceWideView } from '../domain/access.js';
import { addDays } from '../domain/calendar.js';
import {
  caseloadFigures,
  caseloadLoad,
  currentCaseload,
  isCurrentlyOpen,
  type CaseloadFigures,
  type CaseloadLoad,
} from '../domain/caseload.js';
import { AppError } from '../domain/errors.js';
import { coverNotOver } from '../domain/cover.js';
import { dueWithinDays } from '../domain/review-status.js';
import type { StaffDoc } from '../store/documents.js';
import { today, type AppDeps } from './deps.js';
import { nextReviewFingerprint } from './next-review-fields.js';
import { reviewStatuses } from './review-statuses.js';
import type { ScopeRequest } from './scope.js';

export const CASELOAD_LOOKAHEAD_DAYS = 30;

/** One IRO's row in the team view: the load and the reviews due soon. */
export interface IroLoad {
  iro: StaffDoc;
  figures: CaseloadLoad;
  dueNext30Days: number;
  /** Cover in force today or later (issue 14): reviews this IRO covers for others; their own children others cover. */
  cover: { covering: number; coveredByOthers: number };
}

/** One IRO's own view: the load broken down by track and legal status too. */
export interface IroCaseload extends IroLoad {
  figures: CaseloadFigures;
}

export type CaseloadResult =
  { view: 'iro'; today: string; caseload: IroCaseload } | { view: 'team'; today: string; iros: IroLoad[] };

/** `/caseload`: an IRO sees their own; managers (and business support, admin) anyone's or the service's. */
export async function showCaseload(deps: AppDeps, actor: StaffDoc, request: ScopeRequest): Promise<CaseloadResult> {
  const t = today(deps);
  const wide = hasServiceWideView(actor);
  if (request.kind === 'person' && request.person._id !== actor._id && !wide) {
    throw new AppError(
      'forbidden',
      "only managers can see another IRO's caseload",
      { example: '/caseload' },
      { key: 'errors.caseload.others' },
    );
  }
  const single = request.kind === 'person' ? request.person : request.kind === 'default' && !wide ? actor : null;
  if (single) {
    if (!hasRole(single, 'iro')) {
      throw new AppError(
        'invalid-input',
        `${single.name} is not an IRO, so has no caseload`,
        {
          example: '/caseload team',
        },
        { key: 'errors.caseload.not-iro', params: { name: single.name } },
      );
    }
    return { view: 'iro', today: t, caseload: await iroCaseload(deps, single, t) };
  }
  if (request.kind === 'team' && !wide) {
    throw new AppError(
      'forbidden',
      "only managers can see the whole service's caseload",
      { example: '/caseload' },
      { key: 'errors.caseload.service' },
    );
  }
  const iros = await deps.staff.listByRole('iro');
  // Counted from the stored caseload standing while every stored next review is current; else each IRO's children read.
  const current = (await deps.children.countWithStaleNextReview(nextReviewFingerprint(deps))) === 0;
  const loads = current ? await teamLoads(deps, iros, t) : await teamLoadsFromChildren(deps, iros, t);
  return { view: 'team', today: t, iros: loads };
}

/**
 * The team view's rows as index counts (issue 12): per IRO, the children open once every recorded event has
 * happened and those of them with a review due in the next 30 days, corrected for the few children with an
 * event still to come (their standing today is worked out from their history, rule CL1).
 */
export async function teamLoads(deps: AppDeps, iros: StaffDoc[], t: string): Promise<IroLoad[]> {
  const soon = { $gte: t, $lte: addDays(t, CASELOAD_LOOKAHEAD_DAYS - 1) };
  const dueSoon = (dueBy: string | null | undefined) => !!dueBy && dueBy >= soon.$gte && dueBy <= soon.$lte;
  const correction = new Map<string, { open: number; due: number }>();
  for (const c of await deps.children.listWithEventsAfter(t)) {
    const stored = c.nextReview?.open === true ? 1 : 0;
    const now = isCurrentlyOpen(c, t) ? 1 : 0;
    const soonOne = dueSoon(c.nextReview?.dueBy) ? 1 : 0;
    const k = correction.get(c.iroId) ?? { open: 0, due: 0 };
    correction.set(c.iroId, { open: k.open + now - stored, due: k.due + (now - stored) * soonOne });
  }
  const covering = new Map<string, number>();
  const coveredByOthers = new Map<string, number>();
  for (const c of await deps.children.listWithCoverNotOver(t)) {
    covering.set(c.cover!.iroId, (covering.get(c.cover!.iroId) ?? 0) + 1);
    if (isCurrentlyOpen(c, t)) coveredByOthers.set(c.iroId, (coveredByOthers.get(c.iroId) ?? 0) + 1);
  }
  return Promise.all(
    iros.map(async (iro) => {
      const [open, due] = await Promise.all([
        deps.children.countOpenByIro(iro._id),
        deps.children.countOpenDueByIro(iro._id, soon),
      ]);
      const k = correction.get(iro._id) ?? { open: 0, due: 0 };
      return {
        iro,
        figures: caseloadLoad(open + k.open, iro.fte),
        dueNext30Days: due + k.due,
        cover: { covering: covering.get(iro._id) ?? 0, coveredByOthers: coveredByOthers.get(iro._id) ?? 0 },
      };
    }),
  );
}

/** The same rows from every IRO's children (each child's next review computed where not current). */
export function teamLoadsFromChildren(deps: AppDeps, iros: StaffDoc[], t: string): Promise<IroLoad[]> {
  return Promise.all(iros.map((iro) => iroCaseload(deps, iro, t)));
}

async function iroCaseload(deps: AppDeps, iro: StaffDoc, t: string): Promise<IroCaseload> {
  // Children who have left care stay assigned to their last IRO (history), but are not workload (rule CL1).
  const children = currentCaseload(await deps.children.listByIro(iro._id), t);
  const { statuses } = reviewStatuses(children, deps);
  return {
    iro,
    figures: caseloadFigures(children, iro.fte),
    dueNext30Days: dueWithinDays(statuses, t, CASELOAD_LOOKAHEAD_DAYS),
    cover: {
      covering: (await deps.children.listCoveredBy(iro._id, t)).length,
      coveredByOthers: children.filter((c) => coverNotOver(c.cover, t)).length,
    },
  };
}
