import { AppError } from '../../domain/errors.js';
import { renderCard } from '../cards.js';
import { helpCardData } from '../cards/help.js';
import type { CommandSpec } from './command-context.js';
import { mayRunAsGuest } from '../guest-gate.js';
import { ANY_CONVERSATION } from './command-spec.js';

export const helpCommand: CommandSpec = {
  name: 'help',
  usage: '/help',
  description: 'What I can do, and which timescale policy is in force',
  example: '/help',
  inCommandList: true,
  scopes: ANY_CONVERSATION,
  guestSafe: true,
  async run(ctx) {
    if (ctx.args)
      throw new AppError(
        'invalid-input',
        '/help takes no arguments',
        { example: '/help' },
        { key: 'errors.command.no-arguments', params: { command: 'help' } },
      );
    const visible = ctx.commands
      .filter((c) => !c.roles || ctx.actor.roles.some((r) => c.roles?.includes(r)))
      .filter((c) => mayRunAsGuest(ctx.actor, c.name));
    return renderCard('help', helpCardData(visible, ctx.deps.policy, ctx.t));
  },
};
