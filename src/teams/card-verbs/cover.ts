// "Set cover" on the /cover card (issue 14): for each review listed, the IRO chosen for it, or the one
// chosen for all; each child is one versioned update (app/cover.ts), refused on its own with the reason
// (W54.3, reallocated meanwhile) while the others are set. Subject: the cover plan (managers only).
import { coverPlan, setCover } from '../../app/cover.js';
import { COVER_EXAMPLE } from '../../domain/cover.js';
import { AppError, isAppError } from '../../domain/errors.js';
import { renderCard } from '../cards.js';
import { coverInputId } from '../cards/cover.js';
import { noticeCardData } from '../cards/notice.js';
import { coverForm } from '../commands/cover.js';
import { translator, type Language } from '../i18n/translate.js';
import { clip } from '../presenters/paging.js';
import { defineAction } from './action-spec.js';
import { orFormAgain } from './form-again.js';

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const chosen = (v: unknown): string | null => (typeof v === 'string' && ID.test(v.trim()) ? v.trim() : null);

export const coverSetAction = defineAction({
  verb: 'cover.set',
  subject: 'cover-plan',
  run: (ctx, { absentId, from, to }) => {
    // The clicker's language (their choice; the council's default arrives with issue 13's invoke context).
    const language: Language = ctx.actor.language ?? 'en';
    const words = { t: translator(language), language };
    const { t } = words;
    return orFormAgain(
      ctx.t,
      async () => {
        const plan = await coverPlan(ctx.deps, ctx.actor, { absentId, from, to });
        const all = chosen(ctx.data.all);
        const picks = plan.reviews
          .map(({ child }) => ({ ref: child.ref, iroId: chosen(ctx.data[coverInputId(child.ref)]) ?? all }))
          .filter((p): p is { ref: string; iroId: string } => p.iroId !== null);
        if (!picks.length)
          throw new AppError('invalid-input', t('events.cover.none-chosen'), { example: COVER_EXAMPLE });
        const lines: string[] = [];
        for (const p of picks) {
          const name = plan.names.get(p.iroId) ?? p.iroId;
          try {
            const done = await setCover(ctx.deps, ctx.actor, { ref: p.ref, coverIroId: p.iroId, absentId, from, to });
            lines.push(
              t(done.changed ? 'events.cover.done.line' : 'events.cover.done.same', { ref: p.ref, cover: name }),
            );
          } catch (err) {
            // One child refused (W54.3 for the IRO chosen for all, reallocated meanwhile): the others stand.
            if (!isAppError(err) || err.code === 'store-unavailable') throw err;
            lines.push(t('events.cover.done.refused', { ref: p.ref, reason: clip(err.message, 200) }));
          }
        }
        return {
          kind: 'card',
          card: renderCard(
            'notice',
            noticeCardData('success', t('events.cover.done.title', { name: plan.absent.name }), lines.join('\n\n')),
          ),
        };
      },
      async (error) =>
        coverForm(ctx.deps, ctx.actor, { absentId, from, to }, words, ctx.showChildNames, { values: ctx.data, error }),
    );
  },
});
