import { z } from 'zod';
import {
  bringForward,
  correctEvent,
  notifyEvent,
  timescaleSentence,
  type NotifiedEvent,
} from '../../app/notify-event.js';
import { EVENT_LABELS } from '../../domain/events.js';
import { renderCard } from '../cards.js';
import { noticeCardData } from '../cards/notice.js';
import { notifyForm } from '../commands/notify.js';
import { defineAction, type ActionContext, type ActionReply } from './action-spec.js';
import { isoDate, optDate, optText, parseData, toggle } from './booking-data.js';
import { orFormAgain } from './form-again.js';

const eventSchema = z.object({ type: z.string().max(40), date: isoDate });
const forwardSchema = z.object({ dueBy: isoDate, reason: z.string().max(40), note: optText });

function answer(done: NotifiedEvent): ActionReply {
  const { child, event, after, recorded } = done;
  const title = recorded ? `Recorded: ${EVENT_LABELS[event.type]}` : `Already recorded: ${EVENT_LABELS[event.type]}`;
  const told = recorded && child.iroId ? ' The IRO is told.' : '';
  return {
    kind: 'card',
    card: renderCard(
      'notice',
      noticeCardData('success', title, `${timescaleSentence(child.ref, event, after)}${told}`),
    ),
  };
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
      async () => {
        const input = parseData(eventSchema, ctx.data, '/notify C1001');
        return answer(await notifyEvent(ctx.deps, ctx.actor, { ref, ...input }));
      },
      formAgain(ctx, ref, 'event'),
    ),
});

export const notifyBringForwardAction = defineAction({
  verb: 'notify.bring-forward',
  subject: 'child',
  run: (ctx, { ref }) =>
    orFormAgain(
      async () => {
        const input = parseData(forwardSchema, ctx.data, '/notify C1001 forward');
        return answer(await bringForward(ctx.deps, ctx.actor, { ref, ...input }));
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
      async () => {
        const { event, ...input } = parseData(correctSchema, ctx.data, '/notify C1001 correct');
        const [index, type, date] = event.split('|');
        const done = await correctEvent(ctx.deps, ctx.actor, { ref, index: Number(index), type, date, ...input });
        const what = input.withdraw ? 'Withdrawn' : 'Corrected';
        return {
          kind: 'card',
          card: renderCard(
            'notice',
            noticeCardData(
              'success',
              `${what}: ${EVENT_LABELS[done.event.type]}`,
              timescaleSentence(ref, done.event, done.after),
            ),
          ),
        };
      },
      formAgain(ctx, ref, 'correct'),
    ),
});

export const NOTIFY_ACTIONS = [notifyEventAction, notifyBringForwardAction, notifyCorrectAction];
