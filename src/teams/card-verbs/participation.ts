// `participation.record` (issue 15): the child's IRO saves the pre-review participation checklist from its
// card (docs/DOMAIN.md "Participation", PC1–PC2). Subject: the booking the card names, through the loader.
import { participationView, recordParticipation, type ParticipationView } from '../../app/participation.js';
import { PARTICIPATION_ITEMS } from '../../domain/participation.js';
import { participationCard } from '../cards/participation.js';
import { translator, type Language } from '../i18n/translate.js';
import { staffNames } from '../presenters/common.js';
import { defineAction, type ActionContext, type ActionReply } from './action-spec.js';

export const participationRecordAction = defineAction({
  verb: 'participation.record',
  subject: 'booking',
  async run(ctx, subject) {
    // The inputs are untrusted: the domain checks each status and reason (domain/participation.ts applyAnswers).
    const answers = PARTICIPATION_ITEMS.map((item) => ({
      item,
      status: ctx.data[`status_${item}`],
      reason: ctx.data[`reason_${item}`],
    }));
    const saved = await recordParticipation(ctx.deps, ctx.actor, {
      ref: subject.ref,
      bookingId: subject.booking.id,
      answers,
    });
    const language = ctx.actor.language ?? 'en';
    const t = translator(language);
    return checklistReply(ctx, saved, language, t('participation.saved', { count: saved.changed }));
  },
});

/**
 * `participation.view` (PC5): the checklist card of the child's booked review, from the button on an
 * /actions item, the booking card or /case; the same card and access as `/participation REF`.
 */
export const participationViewAction = defineAction({
  verb: 'participation.view',
  subject: 'child',
  async run(ctx, { ref }) {
    return checklistReply(ctx, await participationView(ctx.deps, ctx.actor, ref), ctx.language);
  },
});

async function checklistReply(
  ctx: ActionContext,
  view: ParticipationView,
  language: Language,
  message?: string,
): Promise<ActionReply> {
  return {
    kind: 'card',
    card: participationCard({
      view,
      showNames: ctx.showChildNames,
      names: await staffNames(ctx.deps),
      tzName: ctx.deps.tzName,
      now: ctx.deps.clock(),
      t: translator(language),
      language,
      ...(message === undefined ? {} : { message }),
    }),
  };
}
