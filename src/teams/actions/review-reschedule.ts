import { z } from 'zod';
import { requestReschedule, rescheduleOptions } from '../../app/booking/reschedule.js';
import { canBook } from '../../domain/booking-rules.js';
import { renderCard } from '../cards.js';
import { childLabel, formatBookingStart } from '../presenters/labels.js';
import { rescheduleFormCard } from '../presenters/booking.js';
import type { ActionContext, ActionReply, ActionSpec } from './action-spec.js';
import { orFormAgain } from './form-again.js';
import { id, optDate, optText, optTime, parseData, ref } from './booking-data.js';

/** The reschedule form, from the booking card's Reschedule button (for whoever clicked). */
export const reviewRescheduleFormAction: ActionSpec = {
  verb: 'review.reschedule.form',
  async run(ctx) {
    const data = parseData(z.object({ ref, bookingId: id }), ctx.data, '/reschedule C1001');
    const opts = await rescheduleOptions(ctx.deps, ctx.actor, data.ref, data.bookingId);
    return { kind: 'card', card: rescheduleFormCard(opts, ctx.showChildNames, canBook(ctx.actor, opts.child), ctx.deps.tzName) };
  },
};

const schema = z.object({ ref, bookingId: id.optional(), reason: optText, text: optText, slot: optText, date: optDate, time: optTime });

export const reviewRescheduleRequestAction: ActionSpec = {
  verb: 'review.reschedule.request',
  run: (ctx) => orFormAgain(() => request(ctx), async (error) => {
    const data = parseData(z.object({ ref, bookingId: id.optional() }), ctx.data, '/reschedule C1001');
    const opts = await rescheduleOptions(ctx.deps, ctx.actor, data.ref, data.bookingId);
    return rescheduleFormCard(opts, ctx.showChildNames, canBook(ctx.actor, opts.child), ctx.deps.tzName, { values: ctx.data, error });
  }),
};

async function request(ctx: ActionContext): Promise<ActionReply> {
  const input = parseData(schema, ctx.data, '/reschedule C1001');
  const result = await requestReschedule(ctx.deps, ctx.actor, input);
  const r = result.request;
  const label = childLabel(result.child, ctx.showChildNames);
  const to = formatBookingStart(r.to, ctx.deps.tzName);
  return {
    kind: 'card',
    card: renderCard('notice', result.outcome === 'moved'
      ? { title: `Review moved · ${label}`, text: `Moved to ${to} (within timescale, approved by policy).`, tone: 'success', example: '' }
      : {
        title: `Sent for approval · ${label}`,
        text: `Moving the review to ${to}${r.outsideTimescale ? ' (OUTSIDE TIMESCALE)' : ''} is waiting for a reviewing team manager (request ${r.id}). The booking stays as it is until then.`,
        tone: 'info', example: '',
      }),
  };
}
