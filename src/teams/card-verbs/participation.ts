// `participation.record` (issue 15): the child's IRO saves the pre-review participation checklist from its
// card (docs/DOMAIN.md "Participation", PC1–PC2). Subject: the booking the card names, through the loader.
import { recordParticipation } from '../../app/participation.js';
import { PARTICIPATION_ITEMS } from '../../domain/participation.js';
import { participationCard } from '../cards/participation.js';
import { translator } from '../i18n/translate.js';
import { staffNames } from '../presenters/common.js';
import { defineAction } from './action-spec.js';

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
    return {
      kind: 'card',
      card: participationCard({
        view: saved,
        showNames: ctx.showChildNames,
        names: await staffNames(ctx.deps),
        tzName: ctx.deps.tzName,
        now: ctx.deps.clock(),
        t,
        language,
        message: t('participation.saved', { count: saved.changed }),
      }),
    };
  },
});
