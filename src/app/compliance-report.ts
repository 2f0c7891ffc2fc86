// `/report [period]`: the half-yearly monitoring report (docs/DOMAIN.md "Compliance report") for managers,
// business support and admin. Reads every child once and computes all figures from the records.
import { hasRole, hasServiceWideView } from '../domain/access.js';
import { caseloadFigures, currentCaseload, type CaseloadFigures } from '../domain/caseload.js';
import {
  CLA_TABLE_TRACKS,
  complianceReport,
  IFST_TABLE_TRACKS,
  undistributedRecords,
  type UndistributedRecords,
  DEFAULT_COMPLIANCE_TARGET,
  type ComplianceCounts,
  type ComplianceReport,
  type ReportPeriod,
} from '../domain/compliance.js';
import { AppError } from '../domain/errors.js';
import {
  comparatorHalfYears,
  parseReportPeriod,
  periodLabel,
  type NamedReportPeriod,
} from '../domain/report-period.js';
import { resolutionFigures, type ResolutionFigures } from '../domain/resolutions/index.js';
import type { IsoDate } from '../domain/types.js';
import type { StaffDoc } from '../store/documents.js';
import { today, type AppDeps } from './deps.js';
import { boardReport, type BoardReport } from './board-report.js';

export { DEFAULT_COMPLIANCE_TARGET };

export interface Comparator {
  period: ReportPeriod;
  label: string;
  totals: ComplianceCounts;
}

export interface IroLoad {
  iro: StaffDoc;
  figures: CaseloadFigures;
}

export interface ComplianceReportResult {
  today: IsoDate;
  period: NamedReportPeriod;
  /** "CLA Reviews Held Within Timescales": looked-after children only (rule RP1). */
  report: ComplianceReport;
  /** IFST family plan reviews over the same period, reported separately (rule RP1). */
  ifst: ComplianceReport;
  /** Undistributed written records as at today, every track (rule RP2). */
  records: UndistributedRecords;
  /** The two half-years before the one the period starts in, most recent first. */
  comparators: Comparator[];
  /** Current caseloads (as at today, not over the period; open children only, rule CL1): the service's IROs. */
  caseload: IroLoad[];
  resolutions: ResolutionFigures;
  /** The Corporate Parenting Board's measures over the period (BM1–BM3, PC4). */
  board: BoardReport;
  /** Admins may see which children were left out (by ref); others only how many. */
  mayListExcluded: boolean;
}

/** Managers (reviewing team managers and the ladder), business support and admin. */
export function mayViewReport(actor: StaffDoc): boolean {
  return hasServiceWideView(actor);
}

export async function runComplianceReport(
  deps: AppDeps,
  actor: StaffDoc,
  periodText: string,
): Promise<ComplianceReportResult> {
  if (!mayViewReport(actor)) {
    throw new AppError(
      'forbidden',
      'the compliance report is for reviewing team managers, senior managers, business support and admin. ' +
        'For your own figures, try /caseload',
      { example: '/caseload' },
      { key: 'errors.report.not-for-you' },
    );
  }
  const t = today(deps);
  const period = parseReportPeriod(periodText, t);
  const target = deps.complianceTarget ?? DEFAULT_COMPLIANCE_TARGET;
  const children = await deps.children.listAll();
  const run = (p: ReportPeriod, tracks = CLA_TABLE_TRACKS) =>
    complianceReport(children, p, deps.policy, deps.calendar, { today: t, target, tracks });
  const report = run(period);
  const ifst = run(period, IFST_TABLE_TRACKS);
  const comparators = comparatorHalfYears(period).map((p) => ({
    period: p,
    label: periodLabel(p),
    totals: run(p).totals,
  }));

  const iros = await deps.staff.listByRole('iro');
  const byIro = new Map<string, typeof children>();
  const current = currentCaseload(children, t);
  for (const c of current) {
    if (!c.iroId) continue;
    const list = byIro.get(c.iroId);
    if (list) list.push(c);
    else byIro.set(c.iroId, [c]);
  }
  const caseload = iros.map((iro) => ({ iro, figures: caseloadFigures(byIro.get(iro._id) ?? [], iro.fte) }));

  const resolutions = resolutionFigures(children, period, deps.calendar);

  await deps.audit.record({
    at: deps.clock(),
    actor: { id: actor._id, name: actor.name, kind: 'staff' },
    action: 'report.view',
    subject: 'compliance',
    details: { from: period.from, to: period.to, kind: period.kind },
  });
  return {
    today: t,
    period,
    report,
    ifst,
    records: undistributedRecords(children, t),
    comparators,
    caseload,
    resolutions,
    board: boardReport(children, current, await deps.staff.list(), period, t, deps.tzName),
    mayListExcluded: hasRole(actor, 'admin'),
  };
}
