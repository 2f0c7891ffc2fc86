import { z } from 'zod';
import { respondToResolution } from '../../../app/resolutions.js';
import { AppError } from '../../../domain/errors.js';
import type { AgreedAction } from '../../../domain/resolutions/index.js';
import { defineAction } from '../action-spec.js';
import { cardReply, optionalText, parse, onCard } from './common.js';

const date = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/));
const schema = onCard.extend({
  responseText: optionalText(4000),
  action1: optionalText(500), action1By: date,
  action2: optionalText(500), action2By: date,
  action3: optionalText(500), action3By: date,
});

/** `resolution.respond`: response text and agreed actions with dates; the IRO gets it in 1:1. */
export const resolutionRespond = defineAction({
  verb: 'resolution.respond',
  subject: 'resolution',
  async run(ctx, { ref, resolution }) {
    const d = parse(schema, ctx);
    const actions: AgreedAction[] = [];
    for (const [text, by] of [[d.action1, d.action1By], [d.action2, d.action2By], [d.action3, d.action3By]]) {
      if (!text.trim() && !by) continue;
      if (!text.trim()) throw new AppError('invalid-input', 'an agreed action has a date but no text', { example: 'Describe each agreed action' });
      actions.push({ text: text.trim(), by });
    }
    return cardReply(ctx, await respondToResolution(ctx.deps, ctx.actor, ref, resolution.id, { stageOnCard: d.stage, text: d.responseText, actions }), { updateForAll: true });
  },
});
