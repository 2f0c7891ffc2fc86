// The data of cards/reschedule-approval.json and the functions building and rendering it. Display-ready values
// (cards.ts says what every card's data must be).
import { diffDays } from '../../domain/calendar.js';
import { formatDate } from '../../domain/dates-format.js';
import { londonDateTime } from '../../domain/slots.js';
import type { ChildDoc } from '../../store/documents.js';
import type { RescheduleRequestDoc } from '../../store/reschedule-documents.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import type { Translate } from '../i18n/translate.js';
import { ANY, typed } from '../presenters/booking.js';
import { childLabel, datesOf, ENGLISH, formatBookingStart, label } from '../presenters/labels.js';
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
  /** The comment box's label and the buttons' titles, in the reader's language. */
  labels: { comment: string; approve: string; decline: string; refresh: string };
}

export interface RescheduleApprovalOptions {
  showNames: boolean;
  canDecide: boolean;
  refreshUserIds: string[];
  tzName: string;
  again?: { values: TypedValues; error: FormError };
  /** The reader's words (issue 13); English when not given. */
  t?: Translate;
}

/** "Approved by Catrin Morgan at Wed 25 Nov 2026 09:00", in the reader's language. */
export function decisionStatus(r: RescheduleRequestDoc, tzName: string, t: Translate = ENGLISH): string {
  const at = r.decidedAt
    ? formatBookingStart(new Date(r.decidedAt).toISOString(), tzName, t)
    : t('approval.unknown-time');
  const by = r.decidedBy?.name ?? r.decidedBy?.id ?? t('approval.someone');
  switch (r.status) {
    case 'pending':
      return t('approval.status.pending');
    case 'approved':
      return t('approval.status.approved', { by, at });
    case 'declined':
      return r.comment
        ? t('approval.status.declined-comment', { by, at, comment: r.comment })
        : t('approval.status.declined', { by, at });
    case 'withdrawn':
      return t('approval.status.withdrawn', { comment: r.comment ?? t('approval.status.withdrawn-default'), at });
  }
}

export function rescheduleApprovalCardData(
  child: ChildDoc,
  r: RescheduleRequestDoc,
  o: RescheduleApprovalOptions,
): RescheduleApprovalCardData {
  const t = o.t ?? ENGLISH;
  const when = (start: string) => formatBookingStart(start, o.tzName, t);
  const newDate = londonDateTime(r.to, o.tzName).date;
  const daysAfter = diffDays(newDate, r.dueBy);
  const asked = formatBookingStart(new Date(r.requestedAt).toISOString(), o.tzName, t);
  const facts: CardFact[] = [
    { title: t('approval.fact.old'), value: r.from ? when(r.from) : t('approval.not-booked-yet') },
    { title: t('approval.fact.new'), value: when(r.to) },
    { title: t('approval.fact.due-by'), value: `${formatDate(r.dueBy, datesOf(t))} (${r.rule})` },
    { title: t('approval.fact.reason'), value: label(r.reason, '—', t) + (r.text ? ` — ${r.text}` : '') },
    { title: t('approval.fact.asked-by'), value: t('approval.asked', { name: r.requestedBy.name ?? r.requestedBy.id, at: asked }) },
  ];
  return {
    title: t('approval.title', { kind: r.kind === 'book' ? 'book' : 'reschedule', child: childLabel(child, o.showNames) }),
    subtitle: t('approval.subtitle', { id: r.id }),
    facts,
    outsideTimescale: r.outsideTimescale,
    timescaleText: r.outsideTimescale ? t('approval.outside', { days: daysAfter }) : t('approval.within'),
    status: decisionStatus(r, o.tzName, t),
    statusTone:
      r.status === 'approved'
        ? 'good'
        : r.status === 'declined'
          ? 'attention'
          : r.status === 'withdrawn'
            ? 'warning'
            : 'default',
    canDecide: o.canDecide && r.status === 'pending',
    ref: child.ref,
    requestId: r.id,
    refreshUserIds: o.refreshUserIds,
    defaultComment: typed(o.again?.values, 'comment', ANY, 500),
    errorTitle: o.again?.error.title ?? '',
    errorText: o.again?.error.text ?? '',
    labels: {
      comment: t('approval.comment-label'),
      approve: t('approval.button.approve'),
      decline: t('approval.button.decline'),
      refresh: t('approval.button.refresh'),
    },
  };
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
