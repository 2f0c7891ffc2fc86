// The data of cards/liaison-form.json (/liaison REF) and the function building it. Display-ready values
// (cards.ts says what every card's data must be).
import type { CardChoice } from '../card-parts.js';
import { formatDate } from '../../domain/dates-format.js';
import type { IsoDate } from '../../domain/types.js';
import { DISCUSSION_TOPICS, LIAISON_DEFAULTS, type LiaisonChild, type LiaisonItem } from '../../domain/liaison.js';
import { childLabel, datesOf, label } from '../presenters/labels.js';
import type { MessageKey, Translate } from '../i18n/translate.js';
import {
  doneButtons, LIAISON_VERBS, type LiaisonButton, type LiaisonDiscussionForm, } from './liaison.js';

/** `/liaison REF`: proceedings and liaison record form (IRO, business support, legal). */
export interface LiaisonFormCardData {
  title: string;
  subtitle: string;
  ref: string;
  version: string;
  startedOn: string;
  guardianId: string;
  guardianAppointedOn: string;
  irhDate: string;
  finalHearingDate: string;
  concludedOn: string;
  outcome: string;
  intervalDays: string;
  legalContactId: string;
  guardians: CardChoice[];
  outcomes: CardChoice[];
  legalContacts: CardChoice[];
  /** Open liaison items, one line each with its buttons (done, open the prompt); [] shows "Nothing open". */
  open: { text: string; buttons: LiaisonButton[] }[];
  /** "Record a discussion" (L10) from here as well as from the thread; null when this person cannot. */
  discussion: LiaisonDiscussionForm | null;
  /** Recorded discussions, newest first. */
  discussions: { text: string }[];
  /** '' or e.g. "Saved." after a change, or what was wrong (messageTone 'error'). */
  message: string;
  messageTone?: 'success' | 'error';
  labels: LiaisonFormCardLabels;
}

const LABEL_KEYS = {
  open: 'liaison-form.label.open',
  nothingOpen: 'liaison-form.label.nothing-open',
  proceedings: 'liaison-form.label.proceedings',
  started: 'liaison-form.label.started',
  guardian: 'liaison-form.label.guardian',
  appointed: 'liaison-form.label.appointed',
  irh: 'liaison-form.label.irh',
  finalHearing: 'liaison-form.label.final-hearing',
  concluded: 'liaison-form.label.concluded',
  outcome: 'liaison-form.label.outcome',
  interval: 'liaison-form.label.interval',
  legal: 'liaison-form.label.legal',
  courtDocs: 'liaison-form.label.court-docs',
  discussions: 'liaison-form.label.discussions',
  noneRecorded: 'liaison-form.label.none-recorded',
  save: 'liaison-form.label.save',
  recordDiscussion: 'liaison-form.label.record-discussion',
  on: 'liaison-form.label.on',
  giveDate: 'liaison-form.label.give-date',
  topics: 'liaison-form.label.topics',
  notes: 'liaison-form.label.notes',
  final: 'liaison-form.label.final',
  record: 'liaison-form.label.record',
} as const satisfies Record<string, MessageKey>;

/** The form's own words (issue 13: the template carries none). */
export type LiaisonFormCardLabels = Record<keyof typeof LABEL_KEYS, string>;

export function liaisonFormCardLabels(t: Translate): LiaisonFormCardLabels {
  return Object.fromEntries(Object.entries(LABEL_KEYS).map(([k, key]) => [k, t(key)])) as LiaisonFormCardLabels;
}

const dateOrEmpty = (d?: string | null) => d ?? '';

export function liaisonFormCardData(child: LiaisonChild & { version: number }, opts: {
  guardians: { id: string; name: string; organisation?: string | null }[];
  legal: { id: string; name: string }[];
  legalContactId: string | null;
  /** The configured L7 interval (LIAISON_L7_INTERVAL_DAYS), shown when the proceedings have none. */
  defaultIntervalDays?: number;
  open: LiaisonItem[];
  names: ReadonlyMap<string, string>;
  showName: boolean;
  message: string;
  messageTone?: 'success' | 'error';
  /** Legal (not the IRO): only the legal duties get done buttons. */
  forLegal?: boolean;
  /** The IRO of the child (L10: only the IRO and the Guardian record discussions). */
  canRecordDiscussion?: boolean;
  today?: IsoDate;
  /** Whether the person looking may act on a duty; its done buttons are left out otherwise. */
  mayAct?: (item: LiaisonItem) => boolean;
  t: Translate;
}): LiaisonFormCardData {
  const { t } = opts;
  const day = (d: string) => formatDate(d, datesOf(t));
  const p = child.proceedings;
  return {
    title: t('liaison-form.title', { child: childLabel(child, opts.showName) }),
    subtitle: t('liaison-form.subtitle'),
    ref: child.ref,
    version: String(child.version),
    startedOn: dateOrEmpty(p?.startedOn),
    guardianId: p?.guardianId ?? 'none',
    guardianAppointedOn: dateOrEmpty(p?.guardianAppointedOn),
    irhDate: dateOrEmpty(p?.irhDate),
    finalHearingDate: dateOrEmpty(p?.finalHearingDate),
    concludedOn: dateOrEmpty(p?.concludedOn),
    outcome: p?.outcome ?? 'none',
    intervalDays: String(p?.discussionIntervalDays ?? opts.defaultIntervalDays ?? LIAISON_DEFAULTS.discussionIntervalDays),
    legalContactId: opts.legalContactId ?? 'none',
    guardians: [{ title: t('liaison-form.guardian.none'), value: 'none' },
      ...opts.guardians.map((g) => ({ title: g.organisation ? `${g.name} (${g.organisation})` : g.name, value: g.id }))],
    outcomes: [
      { title: '—', value: 'none' },
      { title: label('remains-looked-after', '—', t), value: 'remains-looked-after' },
      { title: label('leaves-care', '—', t), value: 'leaves-care' },
    ],
    legalContacts: [
      { title: t('liaison-form.legal.none'), value: 'none' },
      ...opts.legal.map((l) => ({ title: l.name, value: l.id })),
    ],
    open: opts.open.map((i) => ({
      text: t('liaison-form.open-item', { duty: i.duty, title: t(`duty.${i.duty}.title`), date: day(i.deadline) }),
      buttons: [
        ...(opts.mayAct?.(i) ?? true ? doneButtons(child, i.duty, i.subject, i.open, opts.forLegal ?? false, t) : []),
        { title: t('card.button.open'), verb: LIAISON_VERBS.view, ref: child.ref, duty: i.duty, subject: i.subject, notApplicable: 'false' },
      ],
    })),
    discussion: opts.canRecordDiscussion && p && opts.today
      ? { ref: child.ref, today: opts.today, topics: DISCUSSION_TOPICS.map((topic) => ({ title: label(topic.id, '—', t), value: topic.id })), offerFinal: !!p.concludedOn } : null,
    discussions: [...(child.liaison?.discussions ?? [])].sort((a, b) => (a.on < b.on ? 1 : -1)).map((d) => {
      const topics = d.topics.map((topic) => label(topic, '—', t)).join('; ') || t('liaison-form.no-topics');
      const line = t(d.final ? 'liaison-form.discussion.final' : 'liaison-form.discussion', {
        date: day(d.on), name: opts.names.get(d.byId) ?? d.byId, topics,
      });
      return { text: d.notes ? `${line} — ${d.notes}` : line };
    }),
    message: opts.message,
    messageTone: opts.messageTone ?? 'success',
    labels: liaisonFormCardLabels(t),
  };
}

declare module '../cards.js' {
  interface CardTemplates {
    'liaison-form': LiaisonFormCardData;
  }
}
