// Liaison card verbs (thread prompts, discussions, the /liaison form). Card data is untrusted: each
// handler validates it with zod and the use case re-checks who may act, every time.
import { hasRole } from '../../../domain/access.js';
import { AppError } from '../../../domain/errors.js';
import {
  currentItem, discussionSchema, doneSchema, liaisonForm, markLiaisonDone, recordDiscussion, saveLiaison, saveLiaisonSchema,
} from '../../../app/liaison.js';
import { today } from '../../../app/deps.js';
import { renderCard } from '../../cards.js';
import { LIAISON_VERBS, liaisonPromptCard } from '../../presenters/liaison.js';
import { liaisonFormFor } from '../../commands/liaison.js';
import { staffNames } from '../../presenters/common.js';
import type { ActionSpec } from '../action-spec.js';

const OUT_OF_DATE = 'this card is out of date or incomplete; nothing was changed';

export const liaisonDoneAction: ActionSpec = {
  verb: LIAISON_VERBS.done,
  async run(ctx) {
    const parsed = doneSchema.safeParse(ctx.data);
    if (!parsed.success) throw new AppError('invalid-input', OUT_OF_DATE, { example: '/actions' });
    const { child } = await markLiaisonDone(ctx.deps, ctx.actor, parsed.data);
    const duty = parsed.data.duty;
    const subject = duty === 'L9' ? 'final' : parsed.data.subject;
    const forLegal = ctx.conversationType === 'personal' && hasRole(ctx.actor, 'legal') && !hasRole(ctx.actor, 'iro');
    const model = liaisonPromptCard(child, duty, subject, currentItem(ctx.deps, child, duty, subject),
      { names: await staffNames(ctx.deps), today: today(ctx.deps) }, forLegal);
    return { kind: 'card', card: renderCard('liaison', model), updateForAll: true };
  },
};

export const liaisonDiscussionAction: ActionSpec = {
  verb: LIAISON_VERBS.discussion,
  async run(ctx) {
    const parsed = discussionSchema.safeParse(ctx.data);
    if (!parsed.success) {
      throw new AppError('invalid-input', parsed.error.issues.some((i) => i.path[0] === 'on') ? 'give the date of the discussion' : OUT_OF_DATE,
        { example: today(ctx.deps) });
    }
    const { closed } = await recordDiscussion(ctx.deps, ctx.actor, parsed.data);
    return { kind: 'message', text: `Discussion recorded on the child's case record (L10).${closed ? ' The liaison is now closed.' : ''}` };
  },
};

export const liaisonSaveAction: ActionSpec = {
  verb: LIAISON_VERBS.save,
  async run(ctx) {
    const parsed = saveLiaisonSchema.safeParse(ctx.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('invalid-input', issue?.path.length ? `check "${String(issue.path[0])}": ${issue.message}` : OUT_OF_DATE, { example: 'dates as YYYY-MM-DD' });
    }
    await saveLiaison(ctx.deps, ctx.actor, parsed.data);
    ctx.deps.messagesQueued();
    const view = await liaisonForm(ctx.deps, ctx.actor, parsed.data.ref);
    return { kind: 'card', card: renderCard('liaison-form', liaisonFormFor(ctx.deps, ctx.actor, view, ctx.showChildNames, 'Saved.')) };
  },
};

export const LIAISON_ACTIONS: readonly ActionSpec[] = [liaisonDoneAction, liaisonDiscussionAction, liaisonSaveAction];
