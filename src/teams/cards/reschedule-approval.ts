// The data of cards/reschedule-approval.json and the functions building and rendering it. Display-ready values
// (cards.ts says what every card's data must be).
import { diffDays } from '../../domain/calendar.js';
import { formatDate } from '../../domain/dates-format.js';
import { londonDateTime } from '../../domain/slots.js';
import type { ChildDoc } from '../../store/documents.js';
import type { RescheduleRequestDoc } from '../../store/reschedule-documents.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import { ANY, atText, decisionText, startText, typed } from '../presenters/booking.js';
import { childLabel, label } from '../presenters/labels.js';
import type { CardFact, FormError, TypedValues } from '../card-parts.js';

export type StatusTone = 'default' | 'good' | 'attention' | 'warning';

export interface RescheduleApprovalCardData {
  /** "Reschedule request · C1001 · D.E." */
  title: string;
  subtitle: string;
  facts: CardFact[];
  outsideTimescale: boolean;
  /** "Within timescale" / "OUTSIDE TIMESCALE: 6 days after the due-by date" */
  timescaleText: string;
  /** "Waiting for a reviewing team manager" / "Approved by X at T" */
  status: string;
  statusTone: StatusTone;
  /** Buttons and the comment box for whoever may decide it now. */
  canDecide: boolean;
  ref: string;
  requestId: string;
  /** Teams user ids (29:...) of deciders known to the bot, for the refresh. */
  refreshUserIds: string[];
  /** The comment typed before a refused Decline, and why it was refused ('' hides). */
  defaultComment: string;
  errorTitle: string;
  errorText: string;
}

export function rescheduleApprovalCardData(child: ChildDoc, r: RescheduleRequestDoc,
  o: { showNames: boolean; canDecide: boolean; refreshUserIds: string[]; tzName: string; again?: { values: TypedValues; error: FormError } }): RescheduleApprovalCardData {
  const newDate = londonDateTime(r.to, o.tzName).date;
  const daysAfter = diffDays(newDate, r.dueBy);
  const facts: CardFact[] = [
    { title: 'Old date', value: r.from ? startText(r.from, o.tzName) : 'Not booked yet' },
    { title: 'New date', value: startText(r.to, o.tzName) },
    { title: 'Due by', value: `${formatDate(r.dueBy)} (${r.rule})` },
    { title: 'Reason', value: label(r.reason) + (r.text ? ` — ${r.text}` : '') },
    { title: 'Asked by', value: `${r.requestedBy.name ?? r.requestedBy.id}, ${atText(r.requestedAt, o.tzName)}` },
  ];
  const model: RescheduleApprovalCardData = {
    title: `${r.kind === 'book' ? 'Booking outside timescale' : 'Reschedule request'} · ${childLabel(child, o.showNames)}`,
    subtitle: `Request ${r.id}`,
    facts,
    outsideTimescale: r.outsideTimescale,
    timescaleText: r.outsideTimescale
      ? `OUTSIDE TIMESCALE: ${daysAfter} day${daysAfter === 1 ? '' : 's'} after the due-by date`
      : 'Within timescale',
    status: decisionText(r, o.tzName),
    statusTone: r.status === 'approved' ? 'good' : r.status === 'declined' ? 'attention' : r.status === 'withdrawn' ? 'warning' : 'default',
    canDecide: o.canDecide && r.status === 'pending',
    ref: child.ref,
    requestId: r.id,
    refreshUserIds: o.refreshUserIds,
    defaultComment: typed(o.again?.values, 'comment', ANY, 500),
    errorTitle: o.again?.error.title ?? '',
    errorText: o.again?.error.text ?? '',
  };
  return model;
}

export function rescheduleApprovalCard(...args: Parameters<typeof rescheduleApprovalCardData>): AdaptiveCardJson {
  const card = renderCard('reschedule-approval', rescheduleApprovalCardData(...args));
  // No known ids: leave userIds out, so Teams refreshes for everyone in conversations under 60 members.
  if (args[2].refreshUserIds.length === 0) delete (card.refresh as { userIds?: unknown }).userIds;
  return card;
}

declare module '../cards.js' {
  interface CardTemplates {
    'reschedule-approval': RescheduleApprovalCardData;
  }
}
