import { acknowledgeResolution } from '../../../app/resolutions.js';
import { defineAction } from '../action-spec.js';
import { cardReply, parse, onCard } from './common.js';

/** `resolution.acknowledge`: the addressee (or their manager); the card updates for everyone. */
export const resolutionAcknowledge = defineAction({
  verb: 'resolution.acknowledge',
  subject: 'resolution',
  async run(ctx, { ref, resolution }) {
    const t = parse(onCard, ctx);
    return cardReply(ctx, await acknowledgeResolution(ctx.deps, ctx.actor, ref, resolution.id, t.stage), {
      updateForAll: true,
    });
  },
});
