import { resolveResolution } from '../../../app/resolutions.js';
import type { ActionSpec } from '../action-spec.js';
import { cardReply, optionalText, parse, target } from './common.js';

const schema = target.extend({ outcome: optionalText(2000) });

/** `resolution.resolve`: the IRO closes it with an outcome. */
export const resolutionResolve: ActionSpec = {
  verb: 'resolution.resolve',
  async run(ctx) {
    const d = parse(schema, ctx);
    return cardReply(ctx, await resolveResolution(ctx.deps, ctx.actor, d.ref, d.id, d.outcome, d.stage), { updateForAll: true });
  },
};
