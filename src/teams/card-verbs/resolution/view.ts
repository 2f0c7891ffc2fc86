import { viewResolution } from '../../../app/resolutions.js';
import { defineAction } from '../action-spec.js';
import { cardReply, referralReply } from './common.js';

/** `resolution.view`: the card's refresh (each viewer's own buttons) and "Open" in /resolutions. */
export const resolutionView = defineAction({
  verb: 'resolution.view',
  subject: 'resolution',
  async run(ctx, { ref, resolution }) {
    const view = await viewResolution(ctx.deps, ctx.actor, ref, resolution.id);
    if (view.resolution.status === 'referred' && !ctx.isRefresh)
      return { ...referralReply(ctx, view), updateForAll: false };
    return cardReply(ctx, view);
  },
});
