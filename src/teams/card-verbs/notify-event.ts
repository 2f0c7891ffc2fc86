import { z } from 'zod';
import { bringForward, correctEvent, notifyEvent, type NotifiedEvent } from '../../app/notify-event.js';
import { formatDate, formatDateShort } from '../../domain/dates-format.js';
import type { NextReview } from '../../domain/timescales.js';
import type { ChildEvent } from '../../domain/types.js';
import type { Translate } from '../i18n/translate.js';
import { explanationFor } from '../presenters/due-reason.js';
import { datesOf } from '../presenters/labels.js';
import { renderCard } from '../cards.js';
import { noticeCardData } from '../cards/notice.js';
import { notifyForm } from '../commands/notify.js';
import { defineAction, type ActionContext, type ActionReply } from './action-spec.js';
import { isoDate, optDate, optText, parseData, toggle } from './booking-data.js';
import { orFormAgain } from './form-again.js';

const eventSchema = z.object({ type: z.string().max(40), date: isoDate });
const formSchema = z.object({ mode: z.enum(['event', 'forward']) });
const forwardSchema = z.object({ dueBy: isoDate, reason: z.string().max(40), note: optText });

/** "C1001's next review is now due by Thu 14 Jan 2027 — UPC: 28 days after …", in the reader's language. */
function timescaleSentence(ref: string, event: ChildEvent, after: NextReview | null, t: Translate): string {
  const dates = datesOf(t);
  if (!after) {
    return t('verbs.notify.none-due', {
      ref,
      event: t(`event.${event.type}`),
      date: formatDateShort(event.date, dates),
    });
  }
  return t('verbs.notify.due', {
    ref,
    date: formatDate(after.dueBy, dates),
    rule: after.rule,
    explanation: explanationFor(after, t),
  });
}

function answer(done: NotifiedEvent, t: Translate): ActionReply {
  const { child, event, after, recorded } = done;
  const title = t(recorded ? 'verbs.notify.recorded' : 'verbs.notify.already', { event: t(`event.${event.type}`) });
  const sentence = timescaleSentence(child.ref, event, after, t);
  const text = recorded && child.iroId ? `${sentence} ${t('verbs.notify.iro-told')}` : sentence;
  return { kind: 'card', card: renderCard('notice', noticeCardData('success', title, text)) };
}

const formAgain =
  (ctx: ActionContext, ref: string, mode: 'event' | 'forward' | 'correct') =>
  async (error: { title: string; text: string }) =>
    notifyForm(ctx.deps, ctx.actor, ref, mode, ctx.showChildNames, ctx.t, { values: ctx.data, error });

export const notifyEventAction = defineAction({
  verb: 'notify.event',
  subject: 'child',
  run: (ctx, { ref }) =>
    orFormAgain(
      ctx.t,
      async () => {
        const input = parseData(eventSchema, ctx.data, '/notify C1001');
        return answer(await notifyEvent(ctx.deps, ctx.actor, { ref, ...input }), ctx.t);
      },
      formAgain(ctx, ref, 'event'),
    ),
});

export const notifyBringForwardAction = defineAction({
  verb: 'notify.bring-forward',
  subject: 'child',
  run: (ctx, { ref }) =>
    orFormAgain(
      ctx.t,
      async () => {
        const input = parseData(forwardSchema, ctx.data, '/notify C1001 forward');
        return answer(await bringForward(ctx.deps, ctx.actor, { ref, ...input }), ctx.t);
      },
      formAgain(ctx, ref, 'forward'),
    ),
});

const correctSchema = z.object({
  event: z.string().regex(/^\d{1,4}\|[a-z-]{1,40}\|\d{4}-\d{2}-\d{2}$/, 'choose the event'),
  newDate: optDate,
  withdraw: toggle,
  reason: optText,
});

export const notifyCorrectAction = defineAction({
  verb: 'notify.correct',
  subject: 'child',
  run: (ctx, { ref }) =>
    orFormAgain(
      ctx.t,
      async () => {
        const { event, ...input } = parseData(correctSchema, ctx.data, '/notify C1001 correct');
        const [index, type, date] = event.split('|');
        const done = await correctEvent(ctx.deps, ctx.actor, { ref, index: Number(index), type, date, ...input });
        const title = ctx.t(input.withdraw ? 'verbs.notify.withdrawn' : 'verbs.notify.corrected', {
          event: ctx.t(`event.${done.event.type}`),
        });
        const text = timescaleSentence(ref, done.event, done.after, ctx.t);
        return { kind: 'card', card: renderCard('notice', noticeCardData('success', title, text)) };
      },
      formAgain(ctx, ref, 'correct'),
    ),
});

/** Opens the notify or bring-forward form from a card (the case card's "Bring review forward"; issue 14). */
export const notifyFormAction = defineAction({
  verb: 'notify.form',
  subject: 'child',
  run: async (ctx, { ref }) => {
    const { mode } = parseData(formSchema, ctx.data, '/notify C1001 forward');
    return { kind: 'card', card: await notifyForm(ctx.deps, ctx.actor, ref, mode, ctx.showChildNames, ctx.t) };
  },
});

export const NOTIFY_ACTIONS = [notifyEventAction, notifyBringForwardAction, notifyCorrectAction, notifyFormAction];
