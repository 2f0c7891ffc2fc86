// The data of cards/notify-form.json (issue 14): notify an event that changes timescales, or (the IRO)
// bring the next review forward. Display-ready values (cards.ts says what every card's data must be).
import { EVENT_LABELS, NOTIFIABLE_EVENTS } from '../../domain/events.js';
import { BRING_FORWARD_LABELS, type NextReview } from '../../domain/timescales.js';
import { BRING_FORWARD_REASONS } from '../../domain/types.js';
import { formatDate } from '../../domain/dates-format.js';
import type { ChildDoc } from '../../store/documents.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import { ANY, dueFact, ISO_DATE, typed } from '../presenters/booking.js';
import { childLabel } from '../presenters/labels.js';
import type { CardChoice, CardFact, FormError, TypedValues } from '../card-parts.js';

export interface NotifyFormCardData {
  mode: 'event' | 'forward' | 'correct';
  title: string;
  subtitle: string;
  facts: CardFact[];
  ref: string;
  events: CardChoice[];
  /** correct: the events recorded from Teams, value `INDEX|TYPE|DATE`; [] otherwise. */
  corrections: CardChoice[];
  defaultType: string;
  defaultDate: string;
  /** forward: today (a due-by date cannot be in the past); '' for events. */
  minDate: string;
  maxDate: string;
  reasons: CardChoice[];
  defaultReason: string;
  defaultNote: string;
  note: string;
  errorTitle: string;
  errorText: string;
}

const TITLES = { event: 'Notify an event', forward: 'Bring the review forward', correct: 'Correct a notified event' } as const;

/** The events recorded from Teams, newest first (imported ones are corrected in the case system). */
function correctable(child: ChildDoc): CardChoice[] {
  return child.events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.source === 'bot')
    .reverse()
    .slice(0, 10)
    .map(({ e, i }) => ({ title: `${formatDate(e.date)}: ${EVENT_LABELS[e.type]}`, value: `${i}|${e.type}|${e.date}` }));
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function notifyFormCardData(o: {
  mode: 'event' | 'forward' | 'correct';
  child: ChildDoc;
  next: NextReview | null;
  showNames: boolean;
  today: string;
  again?: { values: TypedValues; error: FormError };
}): NotifyFormCardData {
  const v = o.again?.values;
  const forward = o.mode === 'forward';
  const type = typed(v, 'type', /^[a-z-]+$/, 40);
  const reason = typed(v, 'reason', /^[a-z-]+$/, 40);
  const label = childLabel(o.child, o.showNames);
  return {
    mode: o.mode,
    title: `${TITLES[o.mode]} · ${label}`,
    subtitle: `Today is ${formatDate(o.today)}`,
    facts: o.next ? [dueFact(o.next)] : [],
    ref: o.child.ref,
    corrections: o.mode === 'correct' ? correctable(o.child) : [],
    events: NOTIFIABLE_EVENTS.map((e) => ({ title: capital(EVENT_LABELS[e]), value: e })),
    defaultType: (NOTIFIABLE_EVENTS as readonly string[]).includes(type) ? type : '',
    defaultDate: typed(v, forward ? 'dueBy' : 'date', ISO_DATE) || (forward ? '' : o.today),
    minDate: forward ? o.today : '',
    maxDate: forward ? (o.next?.dueBy ?? o.today) : o.today,
    reasons: BRING_FORWARD_REASONS.map((r) => ({ title: capital(BRING_FORWARD_LABELS[r]), value: r })),
    defaultReason: (BRING_FORWARD_REASONS as readonly string[]).includes(reason) ? reason : '',
    defaultNote: typed(v, 'note', ANY, 300),
    note: o.mode === 'correct'
      ? 'Only events notified from Teams can be corrected here; the history keeps the old and the new.'
      : forward
      ? 'The earlier date replaces the rule’s date until that review is held (rule FWD); the reason is recorded.'
      : 'The next review is recomputed at once and the IRO is told; the event stays in the case history.',
    errorTitle: o.again?.error.title ?? '',
    errorText: o.again?.error.text ?? '',
  };
}

export const notifyFormCard = (...args: Parameters<typeof notifyFormCardData>): AdaptiveCardJson =>
  renderCard('notify-form', notifyFormCardData(...args));

declare module '../cards.js' {
  interface CardTemplates {
    'notify-form': NotifyFormCardData;
  }
}
