// The data of cards/allocate.json (issue 14): a reviewing team manager allocates an IRO to a child new to
// care, or reallocates a child (/allocate), from a list with each IRO's current caseload; the IROs W54.3
// rules out are listed apart with the reason. Display-ready values (cards.ts says what every card's data must be).
import { whyParams } from '../../domain/eligibility.js';
import type { AllocationChoiceData } from '../../app/allocation.js';
import { formatDate } from '../../domain/dates-format.js';
import { proceedingsOpen } from '../../domain/liaison.js';
import { UNALLOCATED } from '../../domain/new-entry.js';
import type { ChildDoc } from '../../store/documents.js';
import type { CardChoice, CardFact, FormError, TypedValues } from '../card-parts.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import { dateLocale, type Language, type Translate } from '../i18n/translate.js';
import { ANY, typed } from '../presenters/booking.js';
import { childLabel } from '../presenters/labels.js';
import { legalStatusLabel } from '../presenters/event-labels.js';
import { clip } from '../presenters/paging.js';

/** Bounds that keep the card under 80 KB: IROs offered, IROs listed as ruled out, and the length of a reason. */
export const MAX_ALLOCATION_CHOICES = 60;
export const MAX_INELIGIBLE_LISTED = 30;
const REASON_MAX = 200;

export interface AllocateCardData {
  title: string;
  facts: CardFact[];
  ref: string;
  /** 'true' when the child has no IRO yet: the verb then refuses a second manager's different choice. */
  first: 'true' | 'false';
  choices: CardChoice[];
  defaultChoice: string;
  chooseLabel: string;
  chooseError: string;
  reasonLabel: string;
  reasonRequired: boolean;
  reasonError: string;
  defaultReason: string;
  ineligibleHeading: string;
  ineligible: { text: string }[];
  emptyText: string;
  submit: string;
  note: string;
  errorTitle: string;
  errorText: string;
}

export interface AllocateCardInput {
  t: Translate;
  language: Language;
  child: ChildDoc;
  choices: readonly AllocationChoiceData[];
  /** The current IRO's name; null for a child not allocated yet. */
  iroName: string | null;
  /** Who notified the new entry (the managers' card); null otherwise. */
  notifiedBy: string | null;
  next: { dueBy: string; rule: string } | null;
  showNames: boolean;
  again?: { values: TypedValues; error: FormError };
}

export function allocateCardData(o: AllocateCardInput): AllocateCardData {
  const { t, child } = o;
  const date = (d: string) => formatDate(d, dateLocale(o.language));
  const first = child.iroId === UNALLOCATED;
  const label = childLabel(child, o.showNames);
  const lookedAfter = child.events.find((e) => e.type === 'became-looked-after');
  const facts: CardFact[] = [
    { title: t('events.allocate.fact.iro'), value: o.iroName ?? t('events.allocate.fact.unallocated') },
    ...(child.legalStatus
      ? [{ title: t('events.allocate.fact.legal-status'), value: legalStatusLabel(t, child.legalStatus) }]
      : []),
    ...(lookedAfter ? [{ title: t('events.allocate.fact.looked-after'), value: date(lookedAfter.date) }] : []),
    ...(child.proceedings && proceedingsOpen(child)
      ? [
          {
            title: t('events.allocate.fact.proceedings'),
            value: t('events.allocate.fact.proceedings-since', { date: date(child.proceedings.startedOn) }),
          },
        ]
      : []),
    ...(o.next ? [{ title: t('events.allocate.fact.next-review'), value: `${date(o.next.dueBy)} (${o.next.rule})` }] : []),
    ...(o.notifiedBy ? [{ title: t('events.allocate.fact.notified-by'), value: o.notifiedBy }] : []),
  ];
  const eligible = o.choices.filter((c) => !c.refusal);
  const chosen = typed(o.again?.values, 'iroId', /^[A-Za-z0-9_.:-]+$/, 64);
  return {
    title: t(first ? 'events.allocate.title.first' : 'events.allocate.title.again', { child: label }),
    facts,
    ref: child.ref,
    first: first ? 'true' : 'false',
    choices: eligible.slice(0, MAX_ALLOCATION_CHOICES).map((c) => ({
      title: t('events.allocate.choice', {
        name: clip(c.name),
        count: c.children,
        perFte: c.perFte === null ? 'none' : String(c.perFte),
      }),
      value: c.id,
    })),
    defaultChoice: eligible.some((c) => c.id === chosen) ? chosen : '',
    chooseLabel: t('events.allocate.choose'),
    chooseError: t('events.allocate.choose-error'),
    reasonLabel: t(first ? 'events.allocate.reason.optional' : 'events.allocate.reason.required'),
    reasonRequired: !first,
    reasonError: t('events.allocate.reason-error'),
    defaultReason: typed(o.again?.values, 'reason', ANY, 300),
    ineligibleHeading: t('events.allocate.ineligible'),
    ineligible: o.choices
      .filter((c) => c.refusal)
      .slice(0, MAX_INELIGIBLE_LISTED)
      .map((c) => ({
        text: t('events.allocate.ineligible-item', {
          name: clip(c.name),
          reason: clip(c.why ? t('eligibility.why', whyParams(c.why)) : c.refusal, REASON_MAX),
        }),
      })),
    emptyText: t('events.allocate.none'),
    submit: t('events.allocate.submit'),
    note: t('events.allocate.note'),
    errorTitle: o.again?.error.title ?? '',
    errorText: o.again?.error.text ?? '',
  };
}

export const allocateCard = (o: AllocateCardInput): AdaptiveCardJson => renderCard('allocate', allocateCardData(o));

declare module '../cards.js' {
  interface CardTemplates {
    'allocate': AllocateCardData;
  }
}
