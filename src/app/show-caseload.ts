import { hasRole, hasServiceWideView } from '../domain/access.js';
import { caseloadFigures, currentCaseload, type CaseloadFigures } from '../domain/caseload.js';
import { AppError } from '../domain/errors.js';
import { dueWithinDays } from '../domain/review-status.js';
import type { StaffDoc } from '../store/documents.js';
import { today, type AppDeps } from './deps.js';
import { reviewStatuses } from './review-statuses.js';
import type { ScopeRequest } from './scope.js';

export const CASELOAD_LOOKAHEAD_DAYS = 30;

export interface IroCaseload {
  iro: StaffDoc;
  figures: CaseloadFigures;
  dueNext30Days: number;
}

export type CaseloadResult =
  { view: 'iro'; today: string; caseload: IroCaseload } | { view: 'team'; today: string; iros: IroCaseload[] };

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
  return { view: 'team', today: t, iros: await Promise.all(iros.map((iro) => iroCaseload(deps, iro, t))) };
}

async function iroCaseload(deps: AppDeps, iro: StaffDoc, t: string): Promise<IroCaseload> {
  // Children who have left care stay assigned to their last IRO (history), but are not workload (rule CL1).
  const children = currentCaseload(await deps.children.listByIro(iro._id), t);
  const { statuses } = reviewStatuses(children, deps);
  return {
    iro,
    figures: caseloadFigures(children, iro.fte),
    dueNext30Days: dueWithinDays(statuses, t, CASELOAD_LOOKAHEAD_DAYS),
  };
}
