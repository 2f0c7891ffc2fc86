// The data of cards/liaison-form.json (/liaison REF) and the function building it. Display-ready values
// (cards.ts says what every card's data must be).
import type { CardChoice } from '../card-parts.js';
import { formatDate } from '../../domain/dates-format.js';
import type { IsoDate } from '../../domain/types.js';
import { LIAISON_DEFAULTS, topicLabel, type LiaisonChild, type LiaisonItem } from '../../domain/liaison.js';
import { childLabel } from '../presenters/labels.js';
import {
  discussionTopicChoices, doneButtons, dutyTitle, LIAISON_VERBS, type LiaisonButton, type LiaisonDiscussionForm, } from './liaison.js';

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
}): LiaisonFormCardData {
  const p = child.proceedings;
  return {
    title: `Liaison · ${childLabel(child, opts.showName)}`,
    subtitle: 'Care proceedings and the Children\'s Guardian liaison record',
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
    guardians: [{ title: 'Not yet appointed', value: 'none' },
      ...opts.guardians.map((g) => ({ title: g.organisation ? `${g.name} (${g.organisation})` : g.name, value: g.id }))],
    outcomes: [{ title: '—', value: 'none' }, { title: 'Remains looked after', value: 'remains-looked-after' }, { title: 'Leaves care', value: 'leaves-care' }],
    legalContacts: [{ title: 'Not set', value: 'none' }, ...opts.legal.map((l) => ({ title: l.name, value: l.id }))],
    open: opts.open.map((i) => ({
      text: `${i.duty} · ${dutyTitle(i.duty)} · by ${formatDate(i.deadline)}`,
      buttons: [
        ...(opts.mayAct?.(i) ?? true ? doneButtons(child, i.duty, i.subject, i.open, opts.forLegal ?? false) : []),
        { title: 'Open', verb: LIAISON_VERBS.view, ref: child.ref, duty: i.duty, subject: i.subject, notApplicable: 'false' },
      ],
    })),
    discussion: opts.canRecordDiscussion && p && opts.today
      ? { ref: child.ref, today: opts.today, topics: discussionTopicChoices(), offerFinal: !!p.concludedOn } : null,
    discussions: [...(child.liaison?.discussions ?? [])].sort((a, b) => (a.on < b.on ? 1 : -1)).map((d) =>
      ({ text: `${formatDate(d.on)} · ${opts.names.get(d.byId) ?? d.byId}${d.final ? ' · final' : ''} · ${d.topics.map(topicLabel).join('; ') || 'no topics'}${d.notes ? ` — ${d.notes}` : ''}` })),
    message: opts.message,
    messageTone: opts.messageTone ?? 'success',
  };
}

declare module '../cards.js' {
  interface CardTemplates {
    'liaison-form': LiaisonFormCardData;
  }
}
