import { auditExport, boardExportFigures, MAX_EXPORT_BYTES } from '../../app/board-export.js';
import { runComplianceReport } from '../../app/compliance-report.js';
import { AppError } from '../../domain/errors.js';
import { periodLabel, REPORT_PERIOD_EXAMPLE } from '../../domain/report-period.js';
import { renderCard } from '../cards.js';
import { boardCardData, boardHeadlineFacts } from '../cards/board.js';
import { noticeCardData } from '../cards/notice.js';
import { reportCardData } from '../cards/report.js';
import { boardFileName, boardWorkbook } from '../export/board-workbook.js';
import { dateLocale } from '../i18n/translate.js';
import type { CommandContext, CommandSpec } from './command-context.js';
import { REVIEWING_ROLES } from '../../domain/access.js';
import { assertRunsHere } from './run-scope.js';

const EXPORT_EXAMPLE = '/report export last half-year';
/** The words after /report that pick the board card or the export (English and Welsh). */
const BOARD_WORDS = ['board', 'bwrdd'];
const EXPORT_WORDS = ['export', 'allforio'];
/** The file consent card carries the period back; longer text is not a period anyway. */
const MAX_PERIOD_TEXT = 60;

/**
 * `/report export [period]` (issue 15): the board workbook offered through Teams' file consent flow, in a
 * personal chat only (the Teams bot file API works there alone). Built now to state its size; built again
 * from the records when the person accepts (docs/DESIGN.md "Board export").
 */
async function offerExport(ctx: CommandContext, periodText: string) {
  assertRunsHere({ name: 'report export', scopes: ['personal'], example: EXPORT_EXAMPLE }, ctx.conversationType);
  if (periodText.length > MAX_PERIOD_TEXT || !ctx.offerFile)
    throw new AppError(
      'invalid-input',
      'that is not a period I can read',
      { example: EXPORT_EXAMPLE },
      { key: 'errors.report.period' },
    );
  const result = await boardExportFigures(ctx.deps, ctx.actor, periodText);
  const file = await boardWorkbook(result, ctx.t, ctx.language, ctx.deps.clock());
  if (file.length > MAX_EXPORT_BYTES)
    throw new AppError('invalid-input', ctx.t('export.too-large', { limit: MAX_EXPORT_BYTES }), {
      example: EXPORT_EXAMPLE,
    });
  const name = boardFileName(result);
  await ctx.offerFile({
    name,
    sizeInBytes: file.length,
    description: ctx.t('export.consent.description', { period: periodLabel(result.period, dateLocale(ctx.language)) }),
    context: { report: 'board', period: periodText, lang: ctx.language },
  });
  await auditExport(ctx.deps, ctx.actor, 'offered', { period: periodText, bytes: file.length });
  return renderCard(
    'notice',
    noticeCardData('info', ctx.t('export.offered.title'), ctx.t('export.offered.text', { name, size: file.length })),
  );
}

// No child names on these cards (late reviews are listed by case ref), so they may be asked in a channel;
// they are still not guest-safe, as refs are about children.
export const reportCommand: CommandSpec = {
  name: 'report',
  usage: '/report [board | export] [last half-year | Apr 2026 to Sep 2026 | 2026-04-01 to 2026-09-30]',
  description:
    'Compliance by month vs target, late reasons, caseload; "board": the board\'s measures; "export": the .xlsx (personal chat)',
  example: REPORT_PERIOD_EXAMPLE,
  // The use case refuses IROs and other team managers with a specific message; roles outside the
  // reviewing service get the registry's refusal and never see it in /help.
  roles: REVIEWING_ROLES,
  inCommandList: true,
  scopes: ['personal', 'team'],
  async run(ctx) {
    const [first = '', ...rest] = ctx.args.trim().split(/\s+/);
    const word = first.toLowerCase();
    if (EXPORT_WORDS.includes(word)) return offerExport(ctx, rest.join(' '));
    if (BOARD_WORDS.includes(word)) {
      const result = await runComplianceReport(ctx.deps, ctx.actor, rest.join(' '));
      return renderCard('board', boardCardData(result, ctx.t, ctx.language));
    }
    const result = await runComplianceReport(ctx.deps, ctx.actor, ctx.args);
    return renderCard(
      'report',
      reportCardData(result, ctx.t, {
        boardFacts: boardHeadlineFacts(result.board, ctx.t),
        boardHeading: ctx.t('board.heading'),
        boardMore: ctx.t('board.more'),
      }),
    );
  },
};
