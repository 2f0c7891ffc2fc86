import { z } from 'zod';
import { respondToResolution } from '../../../app/resolutions.js';
import { agreedActionsFrom } from '../../../domain/agreed-actions.js';
import { defineAction } from '../action-spec.js';
import { cardReply, optionalText, parse, onCard } from './common.js';

const date = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/));
const schema = onCard.extend({
  responseText: optionalText(4000),
  action1: optionalText(500),
  action1By: date,
  action2: optionalText(500),
  action2By: date,
  action3: optionalText(500),
  action3By: date,
});

/** `resolution.respond`: response text and agreed actions with dates; the IRO gets it in 1:1. */
export const resolutionRespond = defineAction({
  verb: 'resolution.respond',
  subject: 'resolution',
  async run(ctx, { ref, resolution }) {
    const d = parse(schema, ctx);
    const actions = agreedActionsFrom([
      { text: d.action1, by: d.action1By },
      { text: d.action2, by: d.action2By },
      { text: d.action3, by: d.action3By },
    ]);
    return cardReply(
      ctx,
      await respondToResolution(ctx.deps, ctx.actor, ref, resolution.id, {
        stageOnCard: d.stage,
        text: d.responseText,
        actions,
      }),
      { updateForAll: true },
    );
  },
});
