import { z } from 'zod';
import { gatherReferral } from '../../../app/resolutions.js';
import type { ActionSpec } from '../action-spec.js';
import { parse, referralReply, target } from './common.js';

const schema = target.extend({ item: z.string().regex(/^[a-z-]{1,40}$/) });

/** `resolution.referral-item`: one item of the referral pack gathered (who and when recorded). */
export const resolutionReferralItem: ActionSpec = {
  verb: 'resolution.referral-item',
  async run(ctx) {
    const d = parse(schema, ctx);
    return referralReply(ctx, await gatherReferral(ctx.deps, ctx.actor, d.ref, d.id, d.item));
  },
};
