import { acknowledgeResolution } from '../../../app/resolutions.js';
import type { ActionSpec } from '../action-spec.js';
import { cardReply, parse, target } from './common.js';

/** `resolution.acknowledge`: the addressee (or their manager); the card updates for everyone. */
export const resolutionAcknowledge: ActionSpec = {
  verb: 'resolution.acknowledge',
  async run(ctx) {
    const t = parse(target, ctx);
    return cardReply(ctx, await acknowledgeResolution(ctx.deps, ctx.actor, t.ref, t.id, t.stage), { updateForAll: true });
  },
};
