import { referResolution } from '../../../app/resolutions.js';
import type { ActionSpec } from '../action-spec.js';
import { optionalText, parse, referralReply, target } from './common.js';

const schema = target.extend({ cutShortReason: optionalText(2000) });

/** `resolution.refer`: record the Cafcass referral (after the senior officer notice) and show the pack checklist. */
export const resolutionRefer: ActionSpec = {
  verb: 'resolution.refer',
  async run(ctx) {
    const d = parse(schema, ctx);
    return referralReply(ctx, await referResolution(ctx.deps, ctx.actor, d.ref, d.id, d.cutShortReason || null));
  },
};
