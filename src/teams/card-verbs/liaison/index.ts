// Liaison card verbs (thread prompts, discussions, the /liaison form). Card data is untrusted: each
// handler validates it with zod and the use case re-checks who may act, every time.
import { seesLegalCopy } from '../../../domain/liaison.js';
import { AppError } from '../../../domain/errors.js';
import {
  currentItem,
  discussionSchema,
  liaisonForm,
  markLiaisonDone,
  recordDiscussion,
  saveLiaison,
  saveLiaisonSchema,
} from '../../../app/liaison.js';
import { today } from '../../../app/deps.js';
import { renderCard } from '../../cards.js';
import { LIAISON_VERBS, liaisonPromptCardData } from '../../cards/liaison.js';
import { liaisonFormFor } from '../../commands/liaison.js';
import { staffNames } from '../../presenters/common.js';
import { defineAction, type CardVerb } from '../action-spec.js';

const OUT_OF_DATE = 'this card is out of date or incomplete; nothing was changed';

export const liaisonDoneAction = defineAction({
  verb: LIAISON_VERBS.done,
  subject: 'liaison-item',
  async run(ctx, item) {
    // The loader checked the ref, duty and subject (the card's ids) and who may see the child.
    const { child } = await markLiaisonDone(ctx.deps, ctx.actor, {
      ref: item.ref,
      duty: item.duty,
      subject: item.item,
      notApplicable: ctx.data.notApplicable === true || ctx.data.notApplicable === 'true',
    });
    const duty = item.duty;
    const subject = duty === 'L9' ? 'final' : item.item;
    const forLegal = seesLegalCopy(ctx.actor, ctx.conversationType !== 'personal');
    const model = liaisonPromptCardData(
      child,
      duty,
      subject,
      currentItem(ctx.deps, child, duty, subject),
      { names: await staffNames(ctx.deps), today: today(ctx.deps), tzName: ctx.deps.tzName, t: ctx.t },
      forLegal,
    );
    return { kind: 'card', card: renderCard('liaison', model), updateForAll: true };
  },
});

const discussionFields = discussionSchema.omit({ ref: true });

export const liaisonDiscussionAction = defineAction({
  verb: LIAISON_VERBS.discussion,
  subject: 'liaison-thread',
  async run(ctx, { ref }) {
    const parsed = discussionFields.safeParse(ctx.data);
    if (!parsed.success) {
      throw new AppError(
        'invalid-input',
        parsed.error.issues.some((i) => i.path[0] === 'on') ? 'give the date of the discussion' : OUT_OF_DATE,
        { example: today(ctx.deps) },
        {
          key: parsed.error.issues.some((i) => i.path[0] === 'on')
            ? 'errors.liaison.date-needed'
            : 'errors.card.out-of-date',
        },
      );
    }
    const { closed } = await recordDiscussion(ctx.deps, ctx.actor, { ...parsed.data, ref });
    return {
      kind: 'message',
      text: ctx.t(closed ? 'verbs.liaison.closed' : 'verbs.liaison.discussion-recorded'),
    };
  },
});

const saveFields = saveLiaisonSchema.omit({ ref: true });

export const liaisonSaveAction = defineAction({
  verb: LIAISON_VERBS.save,
  subject: 'liaison-record',
  async run(ctx, { ref }) {
    const parsed = saveFields.safeParse(ctx.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.length ? String(issue.path[0]) : null;
      throw new AppError(
        'invalid-input',
        field && field !== 'version' ? `check ${field}: ${issue!.message}` : OUT_OF_DATE,
        { example: 'YYYY-MM-DD' },
        field && field !== 'version'
          ? { key: 'errors.field.liaison', params: { field } }
          : { key: 'errors.card.out-of-date' },
      );
    }
    await saveLiaison(ctx.deps, ctx.actor, { ...parsed.data, ref });
    ctx.deps.messagesQueued([ref]);
    const view = await liaisonForm(ctx.deps, ctx.actor, ref);
    return {
      kind: 'card',
      card: renderCard(
        'liaison-form',
        liaisonFormFor(ctx.deps, view, ctx.showChildNames, ctx.t('liaison-form.saved'), ctx.t),
      ),
    };
  },
});

export const LIAISON_ACTIONS: readonly CardVerb[] = [liaisonDoneAction, liaisonDiscussionAction, liaisonSaveAction];
