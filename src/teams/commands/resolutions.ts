import { listResolutions, stagesOf } from '../../app/resolutions.js';
import { AppError } from '../../domain/errors.js';
import { renderCard } from '../cards.js';
import { resolutionsCardData } from '../cards/resolutions.js';
import type { CommandSpec } from './command-context.js';
import { isCaseRef } from '../../domain/case-ref.js';
import { ANY_CONVERSATION } from './command-spec.js';

const EXAMPLE = '/resolutions open C1001';

export const resolutionsCommand: CommandSpec = {
  name: 'resolutions',
  usage: '/resolutions [open | all] [REF]',
  description: 'Resolutions with their stage, age in working days and next deadline',
  example: EXAMPLE,
  inCommandList: false,
  scopes: ANY_CONVERSATION,
  async run(ctx) {
    let all = false;
    let ref: string | undefined;
    for (const word of ctx.args.split(/\s+/).filter(Boolean)) {
      const w = word.toLowerCase();
      if (w === 'open') all = false;
      else if (w === 'all') all = true;
      else if (!ref && isCaseRef(word)) ref = word;
      else
        throw new AppError(
          'invalid-input',
          `I can't read "${word.slice(0, 40)}" here: /resolutions takes a case reference, "open" (the default) or "all"`,
          { example: EXAMPLE },
          { key: 'errors.resolutions.unreadable', params: { text: word.slice(0, 40) } },
        );
    }
    const { rows } = await listResolutions(ctx.deps, ctx.actor, { all, ref });
    return renderCard(
      'resolutions',
      resolutionsCardData(rows, { all, ref }, ctx.showChildNames, stagesOf(ctx.deps), ctx.t),
    );
  },
};
