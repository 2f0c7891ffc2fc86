import { AppError } from '../../domain/errors.js';
import { caseloadCard } from '../cards/caseload.js';
import type { CommandSpec } from './command-context.js';
import { takeScope } from './scope-args.js';
import { REVIEWING_ROLES } from '../../domain/access.js';
import { ANY_CONVERSATION } from './command-spec.js';

const EXAMPLE = '/caseload';

export const caseloadCommand: CommandSpec = {
  name: 'caseload',
  usage: '/caseload [@person | team]',
  description:
    'Children per IRO by track and legal status, reviews in the next 30 days, and load per FTE against 70–120',
  example: EXAMPLE,
  roles: REVIEWING_ROLES,
  inCommandList: true,
  scopes: ANY_CONVERSATION,
  async run(ctx) {
    // "/caseload @Megan" and "/caseload for megan@council.example" both name a person.
    const args = ctx.args && !/^(for|team)\b/i.test(ctx.args) ? `for ${ctx.args}` : ctx.args;
    const { rest, scope } = await takeScope(args, ctx, EXAMPLE);
    if (rest) {
      throw new AppError(
        'invalid-input',
        `I can't read "${rest.slice(0, 60)}" here: /caseload takes nothing (your own), "team" (the whole service), ` +
          'or a person (an @mention, an e-mail address or a staff id)',
        { example: '/caseload team' },
        { key: 'errors.caseload.unreadable', params: { text: rest.slice(0, 60) } },
      );
    }
    return caseloadCard(ctx, scope, 0);
  },
};
