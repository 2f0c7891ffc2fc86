import { todayIn } from '../../domain/calendar.js';
import { parseDueWindow } from '../../domain/due-window.js';
import { actionsCard } from '../cards/actions.js';
import { caseloadCard } from '../cards/caseload.js';
import { dueCard } from '../cards/due.js';
import { LIST_PAGE_VERB } from '../presenters/paging.js';
import { defineAction } from './action-spec.js';

/**
 * "Previous 20", "Next 20" and "Show list" (one IRO's list from the team view): the card's data is only
 * a cursor (which list, whose, the window, the page), checked by the loader's list rule — the same
 * scope rules as the command — and the same query runs again for this person. The answer replaces
 * the card for whoever clicked (a list is a personal view: the message stays as it was for others).
 */
export const listPageAction = defineAction({
  verb: LIST_PAGE_VERB,
  subject: 'list',
  async run(ctx, { list, scope, window, page }) {
    switch (list) {
      case 'due': {
        const parsed = parseDueWindow(window, todayIn(ctx.deps.clock(), ctx.deps.tzName));
        return { kind: 'card', card: await dueCard(ctx, parsed, scope, page) };
      }
      case 'caseload':
        return { kind: 'card', card: await caseloadCard(ctx, scope, page) };
      case 'actions':
        return { kind: 'card', card: await actionsCard(ctx, page) };
    }
  },
});
