import { notifySeniorOfficerOf } from '../../../app/resolutions.js';
import { defineAction } from '../action-spec.js';
import { cardReply, optionalText, parse, onCard } from './common.js';

const schema = onCard.extend({ note: optionalText(2000) });

/** `resolution.notify-officer`: the notice to the nominated senior officer that must precede a Cafcass referral. */
export const resolutionNotifyOfficer = defineAction({
  verb: 'resolution.notify-officer',
  subject: 'resolution',
  async run(ctx, { ref, resolution }) {
    const d = parse(schema, ctx);
    return cardReply(ctx, await notifySeniorOfficerOf(ctx.deps, ctx.actor, ref, resolution.id, d.note), {
      updateForAll: true,
      headline: ctx.t('resolution.headline.officer-notified'),
    });
  },
});
