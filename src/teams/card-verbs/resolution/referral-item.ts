import { z } from 'zod';
import { gatherReferral } from '../../../app/resolutions.js';
import { defineAction } from '../action-spec.js';
import { parse, referralReply, onCard } from './common.js';

const schema = onCard.extend({ item: z.string().regex(/^[a-z-]{1,40}$/) });

/** `resolution.referral-item`: one item of the referral pack gathered (who and when recorded). */
export const resolutionReferralItem = defineAction({
  verb: 'resolution.referral-item',
  subject: 'resolution',
  async run(ctx, { ref, resolution }) {
    const d = parse(schema, ctx);
    return referralReply(ctx, await gatherReferral(ctx.deps, ctx.actor, ref, resolution.id, d.item));
  },
});
