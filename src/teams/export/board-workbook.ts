// The Corporate Parenting Board export as an .xlsx workbook (issue 15; docs/DESIGN.md "Board export"), made
// with exceljs. Case references only, never names. Every word from the catalogue (the reader's language).
//
// The chart: exceljs writes no native chart parts, so the "By month" sheet draws its bars with Excel's own
// data bars (conditional formatting) on the compliance column, scaled 0–100, beside a target column. Chosen
// over a picture of a chart because the bars are drawn by Excel from the numbers in the cells: they print,
// scale and stay true if a figure is corrected, a screen reader reads the numbers, and no image library or
// font rendering is needed on the server.
import ExcelJS from 'exceljs';
import type { ComplianceReportResult } from '../../app/compliance-report.js';
import { compliancePercent } from '../../domain/compliance.js';
import { formatDate, formatMonth } from '../../domain/dates-format.js';
import { label } from '../presenters/labels.js';
import { itemLabel } from '../cards/board.js';
import { dateLocale, type Language, type Translate } from '../i18n/translate.js';

/** "IRO-board-report-2026-10-01-to-2027-03-31.xlsx": no names, no spaces (OneDrive keeps it as is). */
export function boardFileName(r: ComplianceReportResult): string {
  return `IRO-board-report-${r.period.from}-to-${r.period.to}.xlsx`;
}

const pct = (s: string | null): number | null => (s === null ? null : Number(s));

function header(ws: ExcelJS.Worksheet, titles: string[]): void {
  const row = ws.addRow(titles);
  row.font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: row.number }];
}

function fitColumns(ws: ExcelJS.Worksheet, widths: number[]): void {
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

export async function boardWorkbook(
  r: ComplianceReportResult,
  t: Translate,
  language: Language,
  created: Date,
): Promise<Buffer> {
  const locale = dateLocale(language);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'IRO Bot';
  wb.created = created;
  wb.modified = created;
  const b = r.board;

  // Summary: the headline figures, each as a measure and a value.
  const summary = wb.addWorksheet(t('export.sheet.summary'));
  summary.addRow([t('export.title')]).font = { bold: true, size: 14 };
  summary.addRow([t('export.period'), r.period.label]);
  summary.addRow([t('export.as-at'), formatDate(r.today, locale)]);
  summary.addRow([]);
  header(summary, [t('export.measure'), t('export.value')]);
  const totals = r.report.totals;
  const ifst = r.ifst.totals;
  const rows: [string, string | number | null][] = [
    [t('export.due'), totals.due],
    [t('export.within'), totals.within],
    [t('export.outside'), totals.outside],
    [t('export.compliance'), pct(totals.compliance)],
    [t('export.target'), r.report.target],
    [`${t('export.ifst')}: ${t('export.due')}`, ifst.due],
    [`${t('export.ifst')}: ${t('export.compliance')}`, pct(ifst.compliance)],
    [`${t('board.records.heading')}: %`, pct(b.recordsTotal.percent)],
    [t('export.undistributed'), r.records.outstanding],
    [t('export.undistributed-overdue'), r.records.overdue],
    [`${t('board.participation.complete')} %`, pct(b.participation.completePercent)],
    [`${t('board.continuity')} %`, pct(b.continuity.percent)],
    [t('board.continuity'), b.continuity.sameIro],
    [`${t('board.external.reviews')} %`, pct(b.external.percent)],
    [t('board.external.reviews'), b.external.chairedExternally],
    [t('board.external.children'), b.external.childrenWithExternalIro],
  ];
  for (const [label, value] of rows) summary.addRow([label, value ?? t('board.none')]);
  fitColumns(summary, [58, 22]);

  // By month, with the chart (data bars on the compliance column).
  const months = wb.addWorksheet(t('export.sheet.months'));
  header(months, [
    t('board.col.month'),
    t('export.due'),
    t('export.within'),
    t('export.outside'),
    t('export.compliance'),
    t('export.target'),
    t('export.chart'),
  ]);
  for (const m of r.report.months) {
    const p = pct(m.compliance);
    months.addRow([m.label, m.due, m.within, m.outside, p, r.report.target, p]);
  }
  const last = months.rowCount;
  if (last >= 2) {
    months.addConditionalFormatting({
      ref: `G2:G${last}`,
      rules: [
        {
          type: 'dataBar',
          priority: 1,
          gradient: false,
          showValue: true,
          minLength: 0,
          maxLength: 100,
          cfvo: [
            { type: 'num', value: 0 },
            { type: 'num', value: 100 },
          ],
        },
      ],
    });
  }
  fitColumns(months, [14, 8, 16, 16, 14, 10, 40]);

  // Written records within 14 days, by month held (BM1).
  const records = wb.addWorksheet(t('export.sheet.records'));
  header(records, [
    t('board.col.month'),
    t('board.col.held'),
    t('board.col.within'),
    t('board.col.late'),
    t('board.col.pending'),
    t('export.compliance'),
  ]);
  for (const m of b.records) {
    records.addRow([formatMonth(m.month, 'short', locale), m.held, m.within, m.late, m.notYetDue, pct(m.percent)]);
  }
  const rt = b.recordsTotal;
  records.addRow([t('board.total'), rt.held, rt.within, rt.late, rt.notYetDue, pct(rt.percent)]).font = { bold: true };
  fitColumns(records, [14, 8, 12, 8, 12, 14]);

  // Participation checklist answers for the reviews held (PC4).
  const part = wb.addWorksheet(t('export.sheet.participation'));
  header(part, [
    t('export.item'),
    t('export.status.done'),
    t('export.status.not-applicable'),
    t('export.status.not-done'),
    t('export.status.not-recorded'),
    `${t('export.status.done')} %`,
  ]);
  for (const i of b.participation.items) {
    const held = b.participation.held;
    part.addRow([
      itemLabel(t, i.item),
      i.done,
      i.notApplicable,
      i.notDone,
      i.notRecorded,
      pct(compliancePercent(i.done, held)),
    ]);
  }
  part.addRow([t('export.reviews-held'), b.participation.held]).font = { bold: true };
  fitColumns(part, [58, 10, 16, 12, 14, 10]);

  // Late reviews: case references only.
  const late = wb.addWorksheet(t('export.sheet.late'));
  header(late, [t('export.ref'), t('export.reason'), t('export.due-by'), t('export.held-on'), t('export.days-late')]);
  for (const l of r.report.late) {
    late.addRow([
      l.ref,
      label(l.reason, '—', t),
      formatDate(l.dueBy, locale),
      l.heldOn ? formatDate(l.heldOn, locale) : t('board.none'),
      l.daysLate,
    ]);
  }
  fitColumns(late, [16, 36, 18, 18, 10]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
