// The board export's upload (issue 15; docs/DESIGN.md "Board export"): runs when the person accepted the
// file consent card (teams/file-consent.ts). Its subject is the report the card's context names, loaded
// through the one access-checked loader (managers and admins only), like every verb. Through an
// Action.Execute it does nothing: only the fileConsent route hands it Teams' upload target.
import { auditExport, boardExportFigures, MAX_EXPORT_BYTES } from '../../app/board-export.js';
import { AppError } from '../../domain/errors.js';
import { boardWorkbook } from '../export/board-workbook.js';
import { isLanguage, translator } from '../i18n/translate.js';
import { putFile } from '../export/upload.js';
import { defineAction } from './action-spec.js';

export const REPORT_EXPORT_VERB = 'report.export.upload';

export const reportExportAction = defineAction({
  verb: REPORT_EXPORT_VERB,
  subject: 'report',
  async run(ctx, subject) {
    const target = ctx.fileUpload;
    if (!target)
      throw new AppError(
        'invalid-input',
        'this card is out of date or not mine; nothing was sent',
        { example: '/report export' },
        { key: 'errors.card.out-of-date-file' },
      );
    const language = isLanguage(ctx.data.lang) ? ctx.data.lang : (ctx.actor.language ?? 'en');
    const t = translator(language);
    const result = await boardExportFigures(ctx.deps, ctx.actor, subject.period);
    const file = await boardWorkbook(result, t, language, ctx.deps.clock());
    if (file.length > MAX_EXPORT_BYTES)
      throw new AppError('invalid-input', t('export.too-large', { limit: MAX_EXPORT_BYTES }), {
        example: '/report export last half-year',
      });
    const status = await putFile(target.uploadUrl, file);
    if (status === null || status >= 300) {
      await auditExport(ctx.deps, ctx.actor, 'upload-failed', { period: subject.period, status: status ?? 0 });
      return { kind: 'message', text: t('export.failed.text') };
    }
    await auditExport(ctx.deps, ctx.actor, 'uploaded', { period: subject.period, bytes: file.length });
    return { kind: 'file', file: target, bytes: file.length };
  },
});
