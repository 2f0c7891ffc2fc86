import { viewResolution } from '../../../app/resolutions.js';
import type { ActionSpec } from '../action-spec.js';
import { cardReply, parse, referralReply, target } from './common.js';

/** `resolution.view`: the card's refresh (each viewer's own buttons) and "Open" in /resolutions. */
export const resolutionView: ActionSpec = {
  verb: 'resolution.view',
  async run(ctx) {
    const t = parse(target, ctx);
    const view = await viewResolution(ctx.deps, ctx.actor, t.ref, t.id);
    if (view.resolution.status === 'referred' && !ctx.isRefresh) return { ...referralReply(ctx, view), updateForAll: false };
    return cardReply(ctx, view);
  },
};
