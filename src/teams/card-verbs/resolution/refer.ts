import { referResolution } from '../../../app/resolutions.js';
import { defineAction } from '../action-spec.js';
import { optionalText, parse, referralReply, onCard } from './common.js';

const schema = onCard.extend({ cutShortReason: optionalText(2000) });

/** `resolution.refer`: record the Cafcass referral (after the senior officer notice) and show the pack checklist. */
export const resolutionRefer = defineAction({
  verb: 'resolution.refer',
  subject: 'resolution',
  async run(ctx, { ref, resolution }) {
    const d = parse(schema, ctx);
    return referralReply(ctx, await referResolution(ctx.deps, ctx.actor, ref, resolution.id, d.cutShortReason || null));
  },
});
