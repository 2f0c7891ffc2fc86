// The Corporate Parenting Board export (issue 15; docs/DESIGN.md "Board export"): who may take the figures
// out of Teams as a file, and the audit of each offer, upload and refusal. The file itself is built in teams/
// (its words are the reader's language) and holds case references only, never names (PC/BM decisions).
import { hasRole, isManager } from '../domain/access.js';
import { AppError } from '../domain/errors.js';
import type { StaffDoc } from '../store/documents.js';
import { runComplianceReport, type ComplianceReportResult } from './compliance-report.js';
import type { AppDeps } from './deps.js';

/** The largest file offered or uploaded: far above a year's report (tens of KB), far below Teams' limits. */
export const MAX_EXPORT_BYTES = 4 * 1024 * 1024;

/** Decision: managers (reviewing team managers and the ladder) and admins; business support reads /report only. */
export function mayExportBoardReport(actor: StaffDoc): boolean {
  return isManager(actor) || hasRole(actor, 'admin');
}

/** The report's figures for the export, refused (with a specific answer) for anyone else. */
export async function boardExportFigures(
  deps: AppDeps,
  actor: StaffDoc,
  periodText: string,
): Promise<ComplianceReportResult> {
  if (!mayExportBoardReport(actor))
    throw new AppError(
      'forbidden',
      'the board export is for reviewing team managers, senior managers and admins; /report shows the same figures',
      { example: '/report' },
      { key: 'errors.more.board-export' },
    );
  return runComplianceReport(deps, actor, periodText);
}

export type ExportEvent = 'offered' | 'uploaded' | 'declined' | 'upload-failed';

/** One audit entry per step: the period and size only, never the file's content. */
export async function auditExport(
  deps: AppDeps,
  actor: StaffDoc,
  event: ExportEvent,
  details: { period?: string; bytes?: number; status?: number },
): Promise<void> {
  await deps.audit.record({
    at: deps.clock(),
    actor: { id: actor._id, name: actor.name, kind: 'staff' },
    action: `report.export.${event}`,
    subject: 'board',
    details,
  });
}
