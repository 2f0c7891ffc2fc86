import { z } from 'zod';
import { raiseResolution, viewResolution } from '../../../app/resolutions.js';
import { defineAction } from '../action-spec.js';
import { AppError } from '../../../domain/errors.js';
import { renderCard } from '../../cards.js';
import { resolutionViewCardData } from '../../cards/resolution.js';
import { optionalText, parse } from './common.js';

const schema = z.object({
  theme: optionalText(40),
  stage: z.preprocess((v) => (v === '' || v === undefined ? '1' : v), z.coerce.number().int()),
  summary: optionalText(2000),
  ask: optionalText(1000),
  askBy: optionalText(10),
});

/** `resolution.raise`: the /raise form submitted; the form is replaced by the new resolution's card. */
export const resolutionRaise = defineAction({
  verb: 'resolution.raise',
  subject: 'child',
  async run(ctx, { ref }) {
    if (ctx.conversationType !== 'personal') {
      throw new AppError(
        'forbidden',
        'resolutions are raised in a personal chat with me',
        { example: '/raise C1001' },
        { key: 'errors.resolution.personal-only' },
      );
    }
    const d = parse(schema, ctx);
    const { resolution } = await raiseResolution(ctx.deps, ctx.actor, ref, {
      theme: d.theme,
      stage: d.stage,
      summary: d.summary,
      ask: d.ask,
      askBy: d.askBy || null,
    });
    const view = await viewResolution(ctx.deps, ctx.actor, ref, resolution.id);
    const headline = ctx.t(
      resolution.stages[0].stage === 0 ? 'resolution.headline.informal' : 'resolution.headline.raised',
    );
    return {
      kind: 'card',
      card: renderCard(
        'resolution',
        resolutionViewCardData(view, ctx.showChildNames, ctx.deps.tzName, headline, ctx.t),
      ),
      updateForAll: true,
    };
  },
});
