// `liaison.view`: the Open button of a liaison item in /actions (issue 11: no dead ends). Shows the
// item's prompt card, with its "done" buttons and the discussion form, for whoever clicked: the same
// card the liaison thread carries, so a duty can be done from a personal chat as well as the thread.
import { seesLegalCopy } from '../../domain/liaison.js';
import { AppError } from '../../domain/errors.js';
import { liaisonItemView, viewItemSchema } from '../../app/liaison.js';
import { today } from '../../app/deps.js';
import { renderCard } from '../cards.js';
import { LIAISON_VERBS, liaisonPromptCardData } from '../cards/liaison.js';
import { staffNames } from '../presenters/common.js';
import { defineAction } from './action-spec.js';

const itemFields = viewItemSchema.omit({ ref: true });

// The loader checks the child's liaison door (ref); the duty and item are then looked up by the use case.
export const liaisonViewAction = defineAction({
  verb: LIAISON_VERBS.view,
  subject: 'liaison-thread',
  async run(ctx, { ref }) {
    const fields = itemFields.safeParse(ctx.data);
    if (!fields.success)
      throw new AppError(
        'invalid-input',
        'this card is out of date or incomplete; nothing was changed',
        {
          example: '/actions',
        },
        { key: 'errors.card.out-of-date' },
      );
    const input = { ...fields.data, ref };
    const { child, item } = await liaisonItemView(ctx.deps, ctx.actor, input);
    const forLegal = seesLegalCopy(ctx.actor);
    const model = liaisonPromptCardData(
      child,
      input.duty,
      input.subject,
      item,
      { names: await staffNames(ctx.deps), today: today(ctx.deps), tzName: ctx.deps.tzName },
      forLegal,
    );
    return { kind: 'card', card: renderCard('liaison', model) };
  },
});
