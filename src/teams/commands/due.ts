import { todayIn } from '../../domain/calendar.js';
import { parseDueWindow } from '../../domain/due-window.js';
import { dueCard } from '../cards/due.js';
import type { CommandSpec } from './command-context.js';
import { takeScope } from './scope-args.js';
import { REVIEWING_ROLES } from '../../domain/access.js';
import { ANY_CONVERSATION } from './command-spec.js';

const EXAMPLE = '/due this week';

export const dueCommand: CommandSpec = {
  name: 'due',
  usage:
    '/due [this week | next week | today | tomorrow | overdue | next N days | DATE | DATE to DATE] [team | for PERSON]',
  description: 'Reviews due in a window, overdue first, with the rule behind each due date and whether it is booked',
  example: EXAMPLE,
  roles: REVIEWING_ROLES,
  inCommandList: true,
  scopes: ANY_CONVERSATION,
  async run(ctx) {
    const { rest, scope } = await takeScope(ctx.args, ctx, EXAMPLE);
    const window = parseDueWindow(rest, todayIn(ctx.deps.clock(), ctx.deps.tzName));
    // Long lists come 20 rows (or, for the whole service, 20 IROs) a page: cards/due.ts.
    return dueCard(ctx, window, scope, 0);
  },
};
