import { notifySeniorOfficerOf } from '../../../app/resolutions.js';
import type { ActionSpec } from '../action-spec.js';
import { cardReply, optionalText, parse, target } from './common.js';

const schema = target.extend({ note: optionalText(2000) });

/** `resolution.notify-officer`: the notice to the nominated senior officer that must precede a Cafcass referral. */
export const resolutionNotifyOfficer: ActionSpec = {
  verb: 'resolution.notify-officer',
  async run(ctx) {
    const d = parse(schema, ctx);
    return cardReply(ctx, await notifySeniorOfficerOf(ctx.deps, ctx.actor, d.ref, d.id, d.note), { updateForAll: true, headline: 'Senior officer notified' });
  },
};
