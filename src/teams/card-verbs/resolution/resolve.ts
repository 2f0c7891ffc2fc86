import { resolveResolution } from '../../../app/resolutions.js';
import { defineAction } from '../action-spec.js';
import { cardReply, optionalText, parse, onCard } from './common.js';

const schema = onCard.extend({ outcome: optionalText(2000) });

/** `resolution.resolve`: the IRO closes it with an outcome. */
export const resolutionResolve = defineAction({
  verb: 'resolution.resolve',
  subject: 'resolution',
  async run(ctx, { ref, resolution }) {
    const d = parse(schema, ctx);
    return cardReply(ctx, await resolveResolution(ctx.deps, ctx.actor, ref, resolution.id, d.outcome, d.stage), {
      updateForAll: true,
    });
  },
});
