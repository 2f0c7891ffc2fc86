import { AppError } from '../../domain/errors.js';
import { actionsCard } from '../cards/actions.js';
import type { CommandSpec } from './command-context.js';
import { ANY_CONVERSATION } from './command-spec.js';

export const actionsCommand: CommandSpec = {
  name: 'actions',
  usage: '/actions',
  description: 'What you need to do next, oldest deadline first',
  example: '/actions',
  inCommandList: true,
  scopes: ANY_CONVERSATION,
  async run(ctx) {
    if (ctx.args)
      throw new AppError(
        'invalid-input',
        '/actions takes no arguments',
        { example: '/actions' },
        { key: 'errors.command.no-arguments', params: { command: 'actions' } },
      );
    return actionsCard(ctx, 0);
  },
};
