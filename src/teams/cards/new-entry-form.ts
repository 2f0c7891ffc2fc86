// The data of cards/new-entry-form.json (issue 14): business support notifies a child new to care with the
// minimum fields (docs/DOMAIN.md "New entry to care"). Display-ready values (cards.ts says what every card's data must be).
import { formatDate } from '../../domain/dates-format.js';
import type { StaffDoc } from '../../store/documents.js';
import type { CardChoice, FormError, TypedValues } from '../card-parts.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import { dateLocale, type Language, type Translate } from '../i18n/translate.js';
import { ANY, ISO_DATE, typed } from '../presenters/booking.js';
import { legalStatusChoices } from '../presenters/event-labels.js';
import { clip } from '../presenters/paging.js';

export interface NewEntryFormCardData {
  title: string;
  subtitle: string;
  today: string;
  labels: {
    ref: string;
    lookedAfterOn: string;
    legalStatus: string;
    socialWorker: string;
    socialWorkerTyped: string;
    team: string;
    proceedings: string;
    proceedingsOn: string;
    required: string;
  };
  legalStatuses: CardChoice[];
  socialWorkers: CardChoice[];
  values: {
    ref: string;
    lookedAfterOn: string;
    legalStatus: string;
    socialWorkerId: string;
    socialWorkTeam: string;
    inProceedings: string;
    proceedingsStartedOn: string;
  };
  note: string;
  submit: string;
  errorTitle: string;
  errorText: string;
}

/** At most this many social workers in the choice list (the card stays under 80 KB); more: a typed id or e-mail. */
export const MAX_SOCIAL_WORKERS = 200;

export function newEntryFormCardData(o: {
  t: Translate;
  language: Language;
  today: string;
  socialWorkers: readonly StaffDoc[];
  again?: { values: TypedValues; error: FormError };
}): NewEntryFormCardData {
  const { t } = o;
  const v = o.again?.values;
  return {
    title: t('events.new-entry.title'),
    subtitle: t('events.new-entry.subtitle', { date: formatDate(o.today, dateLocale(o.language)) }),
    today: o.today,
    labels: {
      ref: t('events.new-entry.ref'),
      lookedAfterOn: t('events.new-entry.looked-after-on'),
      legalStatus: t('events.new-entry.legal-status'),
      socialWorker: t('events.new-entry.social-worker'),
      socialWorkerTyped: t('events.new-entry.social-worker-typed'),
      team: t('events.new-entry.team'),
      proceedings: t('events.new-entry.proceedings'),
      proceedingsOn: t('events.new-entry.proceedings-on'),
      required: t('events.new-entry.required'),
    },
    legalStatuses: legalStatusChoices(t),
    socialWorkers:
      o.socialWorkers.length > MAX_SOCIAL_WORKERS
        ? []
        : [...o.socialWorkers]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((s) => ({ title: clip(s.team ? `${s.name} (${s.team})` : s.name), value: s._id })),
    values: {
      ref: typed(v, 'ref', /^[A-Za-z0-9_-]{1,40}$/, 40),
      lookedAfterOn: typed(v, 'lookedAfterOn', ISO_DATE) || o.today,
      legalStatus: typed(v, 'legalStatus', /^[a-z0-9-]+$/, 40),
      socialWorkerId: typed(v, 'socialWorkerId', /^[A-Za-z0-9_.:@+-]+$/, 254),
      socialWorkTeam: typed(v, 'socialWorkTeam', ANY, 100),
      inProceedings: typed(v, 'inProceedings', /^(true|false)$/) || 'false',
      proceedingsStartedOn: typed(v, 'proceedingsStartedOn', ISO_DATE),
    },
    note: t('events.new-entry.note'),
    submit: t('events.new-entry.submit'),
    errorTitle: o.again?.error.title ?? '',
    errorText: o.again?.error.text ?? '',
  };
}

export const newEntryFormCard = (...args: Parameters<typeof newEntryFormCardData>): AdaptiveCardJson =>
  renderCard('new-entry-form', newEntryFormCardData(...args));

declare module '../cards.js' {
  interface CardTemplates {
    'new-entry-form': NewEntryFormCardData;
  }
}
