import { z } from 'zod';
import { bringForward, notifyEvent, timescaleSentence, type NotifiedEvent } from '../../app/notify-event.js';
import { EVENT_LABELS } from '../../domain/events.js';
import { renderCard } from '../cards.js';
import { noticeCardData } from '../cards/notice.js';
import { notifyForm } from '../commands/notify.js';
import { defineAction, type ActionContext, type ActionReply } from './action-spec.js';
import { isoDate, optText, parseData } from './booking-data.js';
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
  (ctx: ActionContext, ref: string, mode: 'event' | 'forward') => async (error: { title: string; text: string }) =>
    notifyForm(ctx.deps, ctx.actor, ref, mode, ctx.showChildNames, { values: ctx.data, error });

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

export const NOTIFY_ACTIONS = [notifyEventAction, notifyBringForwardAction];
