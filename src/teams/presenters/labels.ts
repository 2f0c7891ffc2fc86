// Display strings shared by the card presenters. Teams-only formatting; no business rules.
import { initials } from '../../domain/access.js';
import { formatDateTime } from '../../domain/dates-format.js';
import { RULE_LABELS, BRING_FORWARD_LABELS } from '../../domain/timescales.js';
import { REASON_LABELS } from '../../domain/booking-rules.js';
import { THEME_LABELS } from '../../domain/resolutions/index.js';
import { CHECKLIST_ITEMS, DISCUSSION_TOPICS } from '../../domain/liaison.js';
import type { Booking, Child, RuleId } from '../../domain/types.js';
import {
  CATALOGUES,
  dateLocale,
  translator,
  type Language,
  type MessageKey,
  type Translate,
} from '../i18n/translate.js';

/** English, for callers that do not pass a reader's translator yet (issue 13: every card takes `t`). */
export const ENGLISH: Translate = translator('en');

/** The catalogue key for a code, rule or policy id, if the catalogue has one. */
export function catalogueKey(prefix: 'code' | 'rule' | 'policy' | 'stage', code: string): MessageKey | null {
  const key = `${prefix}.${code}`;
  return Object.hasOwn(CATALOGUES.en, key) ? (key as MessageKey) : null;
}

/** The language a translator writes (its own name in the catalogue), for dates written beside its words. */
export function languageOf(t: Translate): Language {
  return t('language.name') === CATALOGUES.cy['language.name'] ? 'cy' : 'en';
}

/** The date-fns locale matching a translator. */
export function datesOf(t: Translate): ReturnType<typeof dateLocale> {
  return dateLocale(languageOf(t));
}

/**
 * The one table from a code (data, imports, config) to what a person reads on a card. Every
 * vocabulary of docs/DOMAIN.md is here (a test checks each value has its own entry); the domain's
 * own label tables (late reasons, themes, bring-forward reasons, topics, L9 documents) are folded in
 * so a card never needs a second lookup.
 */
export const CODE_LABELS: Readonly<Record<string, string>> = {
  // tracks
  cla: 'Looked after (CLA)',
  'short-breaks': 'Short breaks',
  ifst: 'Integrated Family Support (IFST)',
  // legal status ('short-breaks' is both a track and a status, with the same words)
  'interim-care-order': 'Interim care order',
  'care-order': 'Care order',
  'accommodated-s76': 'Accommodated (s76)',
  'placement-order': 'Placement order',
  remanded: 'Remanded',
  'ifst-family-plan': 'IFST family plan',
  // events
  'became-looked-after': 'Became looked after',
  'unplanned-placement-change': 'Unplanned change of placement',
  'placed-for-adoption': 'Placed for adoption',
  'short-breaks-started': 'Short breaks started',
  'ifst-intensive-started': 'IFST intensive phase started',
  'ceased-looked-after': 'Ceased to be looked after',
  'review-brought-forward': 'Review brought forward',
  // roles
  iro: 'IRO',
  'business-support': 'Business support',
  'social-worker': 'Social worker',
  'team-manager': 'Team manager',
  'head-of-service': 'Head of service',
  'service-director': 'Service director',
  'group-director': 'Group director',
  'chief-executive': 'Chief executive',
  legal: 'Legal',
  admin: 'Administrator',
  guardian: "Children's Guardian",
  // teams: the reviewing team; social work team ids are names ("north" → "North", below)
  reviewing: 'Reviewing team',
  // channel purposes and conversation kinds
  'iro-channel': 'IRO channel',
  'social-work-channel': 'Social work team channel',
  'managers-channel': 'Managers channel',
  'liaison-channel': 'Guardian liaison channel',
  personal: 'personal chat',
  groupChat: 'group chat',
  channel: 'channel',
  // proceedings outcomes
  'remains-looked-after': 'Remains looked after',
  'leaves-care': 'Leaves care',
  // booking states
  booked: 'Booked',
  cancelled: 'Cancelled',
  adjourned: 'Adjourned',
  held: 'Held',
  // reschedule request states
  pending: 'Waiting for a manager',
  approved: 'Approved',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  // late reasons (docs/DOMAIN.md), resolution themes, bring-forward reasons, liaison topics and documents
  ...Object.fromEntries(
    Object.entries(BRING_FORWARD_LABELS).map(([k, v]) => [k, v.charAt(0).toUpperCase() + v.slice(1)]),
  ),
  ...REASON_LABELS,
  'not-recorded': 'No reason recorded (incl. not held yet)',
  ...THEME_LABELS,
  ...Object.fromEntries(DISCUSSION_TOPICS.map((t) => [t.id, t.label])),
  ...Object.fromEntries(CHECKLIST_ITEMS.map((c) => [c.id, c.label])),
};

/**
 * What a person reads for a code: its catalogue entry (`code.<code>`) in the reader's language, else the
 * code made readable ("north" → "North": team names are the council's own words).
 */
export function label(code: string | null | undefined, none = '—', t: Translate = ENGLISH): string {
  if (code === null || code === undefined || code === '') return none;
  const key = catalogueKey('code', code);
  if (key !== null) return t(key);
  const known = CODE_LABELS[code];
  if (known !== undefined) return known;
  const words = code.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "C1001 · D.E." in shared places; "C1001 · Dylan Evans" where names may be shown. */
export function childLabel(child: Pick<Child, 'ref' | 'givenName' | 'familyName'>, showName: boolean): string {
  const name = showName ? [child.givenName, child.familyName].filter(Boolean).join(' ') : initials(child);
  return name ? `${child.ref} · ${name}` : child.ref;
}

/** Booking start as wall-clock time in the council's zone (TZ_NAME): "Wed 25 Nov 2026 10:00". */
/** A resolution stage as a person reads it ("Stage 1 (formal)"), in the reader's language. */
export function stageLabel(stage: { id: string; label: string; labelCy?: string }, t: Translate = ENGLISH): string {
  // The council's own wording (RESOLUTION_STAGE_LABELS, _CY: docs/DESIGN.md "Configuration") in its language; a
  // Welsh reader without the council's Welsh gets the catalogue's Welsh name, never the English wording.
  if (languageOf(t) !== 'cy') return stage.label;
  const key = catalogueKey('stage', stage.id);
  return stage.labelCy ?? (key !== null ? t(key) : stage.label);
}

export function formatBookingStart(start: string, tz: string, t: Translate = ENGLISH): string {
  return formatDateTime(start, tz, datesOf(t));
}

export function bookingText(b: Booking | null, tz: string, t: Translate = ENGLISH): string {
  return b ? t('card.booked', { when: formatBookingStart(b.start, tz, t) }) : t('card.not-booked');
}

export function overdueText(days: number, t: Translate = ENGLISH): string {
  if (days <= 0) return '';
  return t('card.days-overdue', { days });
}

export function ruleText(rule: string, t: Translate = ENGLISH): string {
  const key = catalogueKey('rule', rule);
  return key !== null ? t(key) : (RULE_LABELS[rule as RuleId] ?? rule);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
