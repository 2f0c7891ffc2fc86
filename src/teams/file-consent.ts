// Teams' file consent flow in personal chat (issue 15; docs/DESIGN.md "Board export"): the bot offers a file
// with a FileConsentCard attachment; the person's Allow / Decline comes back as a `fileConsent/invoke`.
// Allow: the upload verb (card-verbs/report-export.ts) runs through the same guest gate and access-checked
// loader as every card verb, PUTs the file to Teams' upload URL and the bot answers with a FileInfoCard.
// Decline: a polite notice, nothing kept. Either way the invoke itself is answered 200.
import { ActivityTypes, type Attachment, type TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { auditExport } from '../app/board-export.js';
import type { AppDeps } from '../app/deps.js';
import type { Config } from '../config.js';
import { AppError } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import type { FileUploadTarget } from './card-verbs/action-spec.js';
import type { FileOffer } from './file-offer.js';
import { findAction } from './card-verbs/registry.js';
import { REPORT_EXPORT_VERB } from './card-verbs/report-export.js';
import { cardAttachment, renderCard } from './cards.js';
import { noticeCardData } from './cards/notice.js';
import { conversationKind } from './conversation-kind.js';
import { errorNotice } from './error-replies.js';
import { languageFor } from './i18n/choose-language.js';
import { translator } from './i18n/translate.js';
import { identifySender, type SenderLookup } from './identity.js';

export const FILE_CONSENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_TYPE = 'application/vnd.microsoft.teams.card.file.info';

export function fileConsentAttachment(offer: FileOffer): Attachment {
  return {
    contentType: FILE_CONSENT_TYPE,
    name: offer.name,
    content: {
      description: offer.description,
      sizeInBytes: offer.sizeInBytes,
      acceptContext: offer.context,
      declineContext: offer.context,
    },
  };
}

export function fileInfoAttachment(file: FileUploadTarget): Attachment {
  return {
    contentType: FILE_INFO_TYPE,
    contentUrl: file.contentUrl,
    name: file.name,
    content: { uniqueId: file.uniqueId, fileType: file.fileType },
  };
}

interface ConsentValue {
  action?: unknown;
  context?: unknown;
  uploadInfo?: Partial<Record<keyof FileUploadTarget, unknown>>;
}

function uploadTarget(v: ConsentValue['uploadInfo']): FileUploadTarget | null {
  if (!v || typeof v !== 'object') return null;
  const keys = ['uploadUrl', 'contentUrl', 'name', 'uniqueId', 'fileType'] as const;
  if (!keys.every((k) => typeof v[k] === 'string' && (v[k] as string).length <= 4000)) return null;
  return Object.fromEntries(keys.map((k) => [k, v[k]])) as unknown as FileUploadTarget;
}

export async function answerFileConsent(
  ctx: TurnContext,
  config: Config,
  deps: AppDeps,
  logger: Logger,
  senders: SenderLookup,
): Promise<void> {
  const value = (ctx.activity.value ?? {}) as ConsentValue;
  const log = logger.child({ activityId: ctx.activity.id, conversationId: ctx.activity.conversation.id });
  const ok = () => ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
  const actor = await identifySender(ctx, deps.staff, senders);
  if (!actor) {
    log.info({ outcome: 'not-registered' }, 'file consent from unregistered sender');
    return void (await ok());
  }
  const language = languageFor(actor, ctx.activity.locale, config.defaultLanguage);
  const t = translator(language);
  const notice = (tone: 'info' | 'success' | 'warning', title: string, text: string) =>
    ctx.sendActivity({ attachments: [cardAttachment(renderCard('notice', noticeCardData(tone, title, text)))] });
  const context = value.context && typeof value.context === 'object' ? (value.context as Record<string, unknown>) : {};
  const period = typeof context.period === 'string' ? context.period.slice(0, 60) : undefined;

  if (value.action === 'decline') {
    await auditExport(deps, actor, 'declined', { period });
    log.info({ staffId: actor._id, outcome: 'declined' }, 'file declined');
    await notice('info', t('export.declined.title'), t('export.declined.text'));
    return void (await ok());
  }
  const target = uploadTarget(value.uploadInfo);
  const spec = findAction(REPORT_EXPORT_VERB)!;
  try {
    if (value.action !== 'accept' || !target)
      throw new AppError(
        'invalid-input',
        'this card is out of date or not mine; nothing was sent',
        { example: '/report export' },
        { key: 'errors.card.out-of-date-file' },
      );
    if (conversationKind(ctx) !== 'personal')
      throw new AppError(
        'forbidden',
        'files are sent only in a personal chat with me',
        { example: '/report export' },
        { key: 'errors.file.personal-only' },
      );
    const reply = await spec.answer({
      deps,
      actor,
      verb: REPORT_EXPORT_VERB,
      data: value.context,
      conversationType: 'personal',
      conversationId: ctx.activity.conversation.id,
      showChildNames: false,
      isRefresh: false,
      language,
      t,
      fileUpload: target,
    });
    if (reply.kind === 'file') {
      log.info({ staffId: actor._id, outcome: 'uploaded', bytes: reply.bytes }, 'file uploaded');
      await ctx.sendActivity({ attachments: [fileInfoAttachment(reply.file)] });
    } else {
      log.warn({ staffId: actor._id, outcome: 'upload-failed' }, 'file upload failed');
      await notice(
        'warning',
        t('export.failed.title'),
        reply.kind === 'message' ? reply.text : t('export.failed.text'),
      );
    }
  } catch (err) {
    const known = err instanceof AppError;
    log[known ? 'info' : 'error']({ staffId: actor._id, outcome: known ? err.code : 'error' }, 'file consent refused');
    await ctx.sendActivity({
      attachments: [cardAttachment(renderCard('notice', errorNotice(err, ctx.activity.id ?? randomUUID(), t)))],
    });
  }
  await ok();
}
