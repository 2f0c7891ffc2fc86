// Renderers of the messages the booking use cases queue (app/booking/booking-messages.ts): the
// booking card and the approval card, built from the child document as it is at delivery, in the
// conversation's language (reader-language.ts).
import { MESSAGE_TYPES } from '../../app/booking/booking-messages.js';
import { cardAttachment } from '../cards.js';
import type { PendingRenderer } from './pending-renderer.js';
import { bookingCard } from '../cards/booking.js';
import { rescheduleApprovalCard } from '../cards/reschedule-approval.js';
import { cardIn, summaryIn } from './reader-language.js';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const bookingMessage: PendingRenderer = (data, ctx) => {
  const booking = ctx.child.bookings.find((b) => b.id === str(data.bookingId));
  if (!booking) throw new Error(`booking ${str(data.bookingId)} is not on child ${ctx.child.ref}`);
  const request = (ctx.child.rescheduleRequests ?? []).find((r) => r.id === str(data.requestId)) ?? null;
  const event = data.event === 'moved' ? 'moved' : 'booked';
  const card = cardIn(ctx.language, (t) =>
    bookingCard(ctx.child, booking, ctx.showNames, {
      event,
      from: str(data.from) || null,
      request,
      staffNames: ctx.staffNames,
      tzName: ctx.tzName,
      t,
    }),
  );
  const summary = summaryIn(ctx.language, (t) => t('booking.summary', { event, ref: ctx.child.ref }));
  return { type: 'message', summary, attachments: [cardAttachment(card)] };
};

const approvalMessage: PendingRenderer = (data, ctx) => {
  const request = (ctx.child.rescheduleRequests ?? []).find((r) => r.id === str(data.requestId));
  if (!request) throw new Error(`request ${str(data.requestId)} is not on child ${ctx.child.ref}`);
  // Buttons while pending; each viewer's client then refreshes the card for them (review.reschedule.view)
  // and every click re-checks who may decide.
  const me = ctx.conversation.kind === 'personal' ? ctx.conversation.address.user?.id : undefined;
  const card = cardIn(ctx.language, (t) =>
    rescheduleApprovalCard(ctx.child, request, {
      showNames: ctx.showNames,
      canDecide: true,
      refreshUserIds: me ? [me] : [],
      tzName: ctx.tzName,
      t,
    }),
  );
  const summary = summaryIn(ctx.language, (t) => t('approval.summary', { ref: ctx.child.ref }));
  return { type: 'message', summary, attachments: [cardAttachment(card)] };
};

export const BOOKING_RENDERERS: Readonly<Record<string, PendingRenderer>> = {
  [MESSAGE_TYPES.booking]: bookingMessage,
  [MESSAGE_TYPES.approval]: approvalMessage,
};
