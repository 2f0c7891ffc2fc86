// `liaison.view`: the Open button of a liaison item in /actions (issue 11: no dead ends). Shows the
// item's prompt card, with its "done" buttons and the discussion form, for whoever clicked: the same
// card the liaison thread carries, so a duty can be done from a personal chat as well as the thread.
import { hasRole } from '../../domain/access.js';
import { AppError } from '../../domain/errors.js';
import { liaisonItemView, viewItemSchema } from '../../app/liaison.js';
import { today } from '../../app/deps.js';
import { renderCard } from '../cards.js';
import { LIAISON_VERBS, liaisonPromptCard } from '../presenters/liaison.js';
import { staffNames } from '../presenters/common.js';
import type { ActionSpec } from './action-spec.js';

export const liaisonViewAction: ActionSpec = {
  verb: LIAISON_VERBS.view,
  async run(ctx) {
    const parsed = viewItemSchema.safeParse(ctx.data);
    if (!parsed.success) throw new AppError('invalid-input', 'this card is out of date or incomplete; nothing was changed', { example: '/actions' });
    const { child, item } = await liaisonItemView(ctx.deps, ctx.actor, parsed.data);
    const forLegal = hasRole(ctx.actor, 'legal') && !hasRole(ctx.actor, 'iro');
    const model = liaisonPromptCard(child, parsed.data.duty, parsed.data.subject, item, { names: await staffNames(ctx.deps), today: today(ctx.deps) }, forLegal);
    return { kind: 'card', card: renderCard('liaison', model) };
  },
};
