// Card verbs of issue 14's allocation (docs/DESIGN.md "Allocation"): the new-entry form (subject
// `intake`: no child exists yet) and the choice of an IRO (subject the child: reviewing team managers).
import { z } from 'zod';
import { reallocateChild } from '../../app/allocation.js';
import { notifyNewEntry } from '../../app/new-entry.js';
import { proceedingsOpen } from '../../domain/liaison.js';
import { NEW_ENTRY_EXAMPLE, UNALLOCATED } from '../../domain/new-entry.js';
import type { StaffDoc } from '../../store/documents.js';
import { renderCard } from '../cards.js';
import { noticeCardData } from '../cards/notice.js';
import { allocateForm } from '../commands/allocate.js';
import { newEntryFormFor } from '../commands/notify.js';
import { dateLocale, translator, type Language, type Translate } from '../i18n/translate.js';
import { formatDate } from '../../domain/dates-format.js';
import { defineAction, type ActionReply } from './action-spec.js';
import { optDate, optText, parseData, toggle } from './booking-data.js';
import { orFormAgain } from './form-again.js';

/** The clicker's language (their choice; the council's default arrives with issue 13's invoke context). */
function wordsFor(actor: StaffDoc): { t: Translate; language: Language } {
  const language: Language = actor.language ?? 'en';
  return { t: translator(language), language };
}

const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().max(max));
const newEntrySchema = z.object({
  ref: text(40),
  lookedAfterOn: text(10),
  legalStatus: text(40),
  socialWorkerId: text(254),
  socialWorkTeam: optText,
  inProceedings: toggle,
  proceedingsStartedOn: optDate,
});

export const notifyNewEntryAction = defineAction({
  verb: 'notify.new-entry',
  subject: 'intake',
  run: (ctx) => {
    const words = wordsFor(ctx.actor);
    return orFormAgain(
      ctx.t,
      async (): Promise<ActionReply> => {
        const input = parseData(newEntrySchema, ctx.data, NEW_ENTRY_EXAMPLE);
        const { child, managers } = await notifyNewEntry(ctx.deps, ctx.actor, input);
        const { t, language } = words;
        const due = child.nextReview?.dueBy && child.nextReview.rule ? child.nextReview : null;
        const lines = [
          ...(due?.dueBy
            ? [
                t('events.new-entry.done.due', {
                  date: formatDate(due.dueBy, dateLocale(language)),
                  rule: due.rule ?? '',
                }),
              ]
            : []),
          t('events.new-entry.done.managers', { count: managers.length }),
        ];
        return {
          kind: 'card',
          card: renderCard(
            'notice',
            noticeCardData(
              managers.length ? 'success' : 'warning',
              t('events.new-entry.done.title', { ref: child.ref }),
              lines.join(' '),
            ),
          ),
        };
      },
      async (error) => newEntryFormFor(ctx.deps, ctx.actor, words, { values: ctx.data, error }),
    );
  },
});

const chooseSchema = z.object({
  iroId: text(64).pipe(z.string().min(1, 'choose an IRO')),
  reason: optText,
  /** 'true' on the card sent for a new entry: a first allocation only. */
  first: z.enum(['true', 'false']).optional(),
});

export const allocationChooseAction = defineAction({
  verb: 'allocation.choose',
  subject: 'child',
  run: (ctx, { ref, child }) => {
    const words = wordsFor(ctx.actor);
    return orFormAgain(
      ctx.t,
      async (): Promise<ActionReply> => {
        const { iroId, reason, first: firstCard } = parseData(chooseSchema, ctx.data, `/allocate ${ref}`);
        const first = child.iroId === UNALLOCATED;
        const expect = firstCard === 'true' ? 'unallocated' : 'any';
        const done = await reallocateChild(ctx.deps, ctx.actor, ref, iroId, first ? reason : (reason ?? ''), expect);
        const { t } = words;
        const name = (await ctx.deps.staff.get(done.toId))?.name ?? done.toId;
        if (done.fromId === done.toId)
          return {
            kind: 'card',
            card: renderCard(
              'notice',
              noticeCardData('info', t('events.allocate.same.title'), t('events.allocate.same.text', { ref, name })),
            ),
          };
        const old = first ? 'none' : ((await ctx.deps.staff.get(done.fromId))?.name ?? done.fromId);
        const after = await ctx.deps.children.get(ref);
        const l2 = after && proceedingsOpen(after) ? t('events.allocate.done.l2', { name }) : '';
        return {
          kind: 'card',
          card: renderCard(
            'notice',
            noticeCardData(
              'success',
              t('events.allocate.done.title', { name }),
              `${t('events.allocate.done.text', { ref, name, old })}${l2}`,
            ),
          ),
        };
      },
      async (error) => allocateForm(ctx.deps, ctx.actor, ref, words, ctx.showChildNames, { values: ctx.data, error }),
    );
  },
});

export const ALLOCATION_ACTIONS = [notifyNewEntryAction, allocationChooseAction];
