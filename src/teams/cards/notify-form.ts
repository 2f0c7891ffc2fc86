// The data of cards/notify-form.json (issue 14): notify an event that changes timescales, or (the IRO)
// bring the next review forward. Display-ready values (cards.ts says what every card's data must be).
import { NOTIFIABLE_EVENTS } from '../../domain/events.js';
import type { NextReview } from '../../domain/timescales.js';
import { BRING_FORWARD_REASONS } from '../../domain/types.js';
import { formatDate } from '../../domain/dates-format.js';
import type { ChildDoc } from '../../store/documents.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import { ANY, dueFact, ISO_DATE, typed } from '../presenters/booking.js';
import { childLabel, datesOf, label as codeLabel } from '../presenters/labels.js';
import type { MessageKey, Translate } from '../i18n/translate.js';
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
  labels: NotifyFormCardLabels;
}

/** The form's own words (issue 13: the template carries none). */
export interface NotifyFormCardLabels {
  what: string;
  on: string;
  dueBy: string;
  why: string;
  note: string;
  which: string;
  correctDate: string;
  withdraw: string;
  whyCorrected: string;
  chooseEvent: string;
  chooseDate: string;
  chooseReason: string;
  sayWhy: string;
  notify: string;
  forward: string;
  correct: string;
}

export function notifyFormCardLabels(t: Translate): NotifyFormCardLabels {
  return {
    what: t('notify-form.label.what'),
    on: t('notify-form.label.on'),
    dueBy: t('notify-form.label.due-by'),
    why: t('notify-form.label.why'),
    note: t('notify-form.label.note'),
    which: t('notify-form.label.which'),
    correctDate: t('notify-form.label.correct-date'),
    withdraw: t('notify-form.label.withdraw'),
    whyCorrected: t('notify-form.label.why-corrected'),
    chooseEvent: t('notify-form.error.event'),
    chooseDate: t('form.choose-date'),
    chooseReason: t('notify-form.error.reason'),
    sayWhy: t('form.say-why'),
    notify: t('notify-form.button.notify'),
    forward: t('notify-form.button.forward'),
    correct: t('notify-form.button.correct'),
  };
}

const TITLES = {
  event: 'notify-form.title.event',
  forward: 'notify-form.title.forward',
  correct: 'notify-form.title.correct',
} as const satisfies Record<string, MessageKey>;
const NOTES = {
  event: 'notify-form.note.event',
  forward: 'notify-form.note.forward',
  correct: 'notify-form.note.correct',
} as const satisfies Record<string, MessageKey>;

/** The events recorded from Teams, newest first (imported ones are corrected in the case system). */
function correctable(child: ChildDoc, t: Translate): CardChoice[] {
  return child.events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.source === 'bot')
    .reverse()
    .slice(0, 10)
    .map(({ e, i }) => ({
      title: t('notify-form.correction', { date: formatDate(e.date, datesOf(t)), event: t(`event.${e.type}`) }),
      value: `${i}|${e.type}|${e.date}`,
    }));
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function notifyFormCardData(o: {
  mode: 'event' | 'forward' | 'correct';
  child: ChildDoc;
  next: NextReview | null;
  showNames: boolean;
  today: string;
  again?: { values: TypedValues; error: FormError };
  t: Translate;
}): NotifyFormCardData {
  const { t } = o;
  const v = o.again?.values;
  const forward = o.mode === 'forward';
  const type = typed(v, 'type', /^[a-z-]+$/, 40);
  const reason = typed(v, 'reason', /^[a-z-]+$/, 40);
  const label = childLabel(o.child, o.showNames);
  return {
    mode: o.mode,
    title: t(TITLES[o.mode], { child: label }),
    subtitle: t('notify-form.today', { date: formatDate(o.today, datesOf(t)) }),
    facts: o.next ? [dueFact(o.next, t)] : [],
    ref: o.child.ref,
    corrections: o.mode === 'correct' ? correctable(o.child, t) : [],
    events: NOTIFIABLE_EVENTS.map((e) => ({ title: capital(t(`event.${e}`)), value: e })),
    defaultType: (NOTIFIABLE_EVENTS as readonly string[]).includes(type) ? type : '',
    defaultDate: typed(v, forward ? 'dueBy' : 'date', ISO_DATE) || (forward ? '' : o.today),
    minDate: forward ? o.today : '',
    maxDate: forward ? (o.next?.dueBy ?? o.today) : o.today,
    reasons: BRING_FORWARD_REASONS.map((r) => ({ title: codeLabel(r, '—', t), value: r })),
    defaultReason: (BRING_FORWARD_REASONS as readonly string[]).includes(reason) ? reason : '',
    defaultNote: typed(v, 'note', ANY, 300),
    note: t(NOTES[o.mode]),
    errorTitle: o.again?.error.title ?? '',
    errorText: o.again?.error.text ?? '',
    labels: notifyFormCardLabels(t),
  };
}

export const notifyFormCard = (...args: Parameters<typeof notifyFormCardData>): AdaptiveCardJson =>
  renderCard('notify-form', notifyFormCardData(...args));

declare module '../cards.js' {
  interface CardTemplates {
    'notify-form': NotifyFormCardData;
  }
}
