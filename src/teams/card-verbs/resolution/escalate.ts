import { z } from 'zod';
import { escalateResolution } from '../../../app/resolutions.js';
import { LAST_STAGE } from '../../../domain/resolutions/index.js';
import { defineAction } from '../action-spec.js';
import { cardReply, optionalText, parse, onCard } from './common.js';

const schema = onCard.extend({
  toStage: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.coerce.number().int().min(1).max(LAST_STAGE).optional(),
  ),
  skipReason: optionalText(1000),
});

/** `resolution.escalate`: the IRO's choice (one click to the next rung, or a later one with a reason). */
export const resolutionEscalate = defineAction({
  verb: 'resolution.escalate',
  subject: 'resolution',
  async run(ctx, { ref, resolution }) {
    const d = parse(schema, ctx);
    const view = await escalateResolution(ctx.deps, ctx.actor, ref, resolution.id, {
      stageOnCard: d.stage,
      toStage: d.toStage,
      skipReason: d.skipReason,
    });
    return cardReply(ctx, view, { updateForAll: true, headline: ctx.t('resolution.headline.escalated') });
  },
});
