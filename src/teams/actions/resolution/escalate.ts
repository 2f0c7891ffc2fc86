import { z } from 'zod';
import { escalateResolution } from '../../../app/resolutions.js';
import type { ActionSpec } from '../action-spec.js';
import { cardReply, optionalText, parse, target } from './common.js';

const schema = target.extend({
  toStage: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().min(1).max(5).optional()),
  skipReason: optionalText(1000),
});

/** `resolution.escalate`: the IRO's choice (one click to the next rung, or a later one with a reason). */
export const resolutionEscalate: ActionSpec = {
  verb: 'resolution.escalate',
  async run(ctx) {
    const d = parse(schema, ctx);
    const view = await escalateResolution(ctx.deps, ctx.actor, d.ref, d.id, { stageOnCard: d.stage, toStage: d.toStage, skipReason: d.skipReason });
    return cardReply(ctx, view, { updateForAll: true, headline: 'Escalated: the card has gone to the next addressee' });
  },
};
