// The data of cards/liaison.json, Children's Guardian liaison (thread header, prompts L2–L9, recorded
// discussions, closing card), and the functions building it; the liaison card verbs. Liaison cards can be read
// by the Guardian (a guest): the child is always "ref · initials" here.
import type { CardChoice, CardFact } from '../card-parts.js';
import type { NoticeTone } from './notice.js';
import { formatDate } from '../../domain/dates-format.js';
import {
  actorsFor, DISCUSSION_TOPICS, DUTIES, l9Parts, NOT_APPLICABLE_ITEMS, topicLabel, type DutyId, type LiaisonChild, type LiaisonItem,
} from '../../domain/liaison.js';
import type { IsoDate } from '../../domain/types.js';
import { childLabel, formatBookingStart } from '../presenters/labels.js';

/** A button on a liaison card: Action.Execute `verb` with { ref, duty, subject }. */
export interface LiaisonButton {
  title: string;
  verb: string;
  ref: string;
  duty: string;
  subject: string;
  /** 'true' on the L9 contact arrangements' "not applicable" button (a string: the template drops a false). */
  notApplicable: 'true' | 'false';
}

/** The "Record a discussion" form (L3, L7, L9, L10). */
export interface LiaisonDiscussionForm {
  ref: string;
  /** Default date, YYYY-MM-DD. */
  today: string;
  topics: CardChoice[];
  /** L9: offer "this is the final discussion" (and its monitoring issues for the next review). */
  offerFinal: boolean;
}

/** Thread header, prompts L2–L9, recorded discussions and the closing card: one template. */
export interface LiaisonCardData {
  /** "L3 · Make contact · C101 · S.J." */
  title: string;
  subtitle: string;
  text: string;
  tone: NoticeTone;
  facts: CardFact[];
  /** L9 checklist lines; [] hides it. */
  checklist: { label: string; done: boolean; status: string }[];
  buttons: LiaisonButton[];
  discussion: LiaisonDiscussionForm | null;
}

export const LIAISON_VERBS = { done: 'liaison.done', discussion: 'liaison.discussion', save: 'liaison.save', view: 'liaison.view' } as const;

export interface LiaisonPresentCtx {
  names: ReadonlyMap<string, string>;
  today: IsoDate;
  /** The council's time zone (TZ_NAME), for booking times. */
  tzName: string;
}

const TITLES: Record<DutyId, string> = {
  L1: "Record the Guardian's name", L2: "IRO's details to legal and the court", L3: 'Make contact', L4: 'Court documents',
  L5: 'Review booked: the Guardian is invited', L6: 'Review record: copy to the Guardian and legal', L7: 'Discussion due',
  L8: 'Before the Issues Resolution Hearing', L9: 'Final discussion and documents', L10: 'Discussion recorded',
};

export function dutyTitle(duty: DutyId): string {
  return TITLES[duty];
}

const name = (ctx: LiaisonPresentCtx, id?: string | null) => (id ? ctx.names.get(id) ?? id : 'not known');

function people(child: LiaisonChild, ctx: LiaisonPresentCtx): string {
  return `IRO ${name(ctx, child.iroId)} · Guardian ${child.proceedings?.guardianId ? name(ctx, child.proceedings.guardianId) : 'not yet appointed'}`;
}

export const discussionTopicChoices = () => DISCUSSION_TOPICS.map((t) => ({ title: t.label, value: t.id }));

export function liaisonHeaderCardData(child: LiaisonChild, ctx: LiaisonPresentCtx): LiaisonCardData {
  return {
    title: `Liaison · ${childLabel(child, false)}`,
    subtitle: people(child, ctx),
    text: 'IRO–Guardian liaison for this child while the care proceedings last. Every prompt and record for this child goes into this thread.',
    tone: 'info',
    facts: [{ title: 'Child', value: childLabel(child, false) }, { title: 'IRO', value: name(ctx, child.iroId) },
      { title: 'Guardian', value: name(ctx, child.proceedings?.guardianId) }],
    checklist: [],
    buttons: [],
    discussion: { ref: child.ref, today: ctx.today, topics: discussionTopicChoices(), offerFinal: false },
  };
}

function promptText(child: LiaisonChild, duty: DutyId, subject: string, deadline: string, ctx: LiaisonPresentCtx): string {
  const p = child.proceedings;
  switch (duty) {
    case 'L2': return `${name(ctx, subject)} is the IRO for this child in the care proceedings. Legal: tell the court the IRO's name and contact details by ${deadline}.`;
    case 'L3': return `The Guardian was appointed on ${p?.guardianAppointedOn ? formatDate(p.guardianAppointedOn) : '—'}. IRO and Guardian: make contact by ${deadline} (at the first review if one is soon), and agree how often to talk.`;
    case 'L4': return `Legal received court documents on ${formatDate(subject)}. Legal: send copies to the IRO by ${deadline}.`;
    case 'L5': {
      const b = child.bookings.find((x) => x.id === subject);
      return `A review is booked${b ? ` for ${formatBookingStart(b.start, ctx.tzName)}${b.venue ? ` at ${b.venue}` : ''}` : ''}. Guardian: you are invited.`;
    }
    case 'L6': {
      const id = subject.replace(/:court$/, '');
      const r = child.reviews.find((x) => x.id === id);
      const what = `The record of review ${id}${r ? ` (held ${formatDate(r.heldOn)}, during the proceedings)` : ''} was distributed.`;
      return subject.endsWith(':court') ? `${what} Legal: submit it to court.` : `${what} Send a copy to the Guardian and to legal now.`;
    }
    case 'L7': return `An IRO–Guardian discussion is due by ${deadline}. Topics: ${DISCUSSION_TOPICS.map((t) => t.label.toLowerCase()).join('; ')}.`;
    case 'L8': return `The Issues Resolution Hearing is on ${formatDate(subject)} and the IRO has open resolutions for this child. Legal: tell the court about the dispute before the hearing.`;
    case 'L9': return `The proceedings ended with the child staying looked after. By ${deadline}: hold the final discussion (note any monitoring issues for the next review), and the Guardian confirms the IRO has each document below.`;
    default: return DUTIES[duty].action;
  }
}

/** Buttons for what can be marked done on this prompt (the handlers check who may). */
export function doneButtons(child: LiaisonChild, duty: DutyId, subject: string, open: boolean, forLegal: boolean): LiaisonButton[] {
  const b = (title: string, s = subject, notApplicable = false): LiaisonButton =>
    ({ title, verb: LIAISON_VERBS.done, ref: child.ref, duty, subject: s, notApplicable: notApplicable ? 'true' : 'false' });
  if (duty === 'L9') {
    // The documents are the Guardian's to confirm (protocol §10); the handler refuses anyone else.
    return l9Parts(child).filter((x) => !x.done && x.id !== 'final-discussion').flatMap((x) => [
      b(`Guardian confirms: ${x.label}`, x.id),
      ...(NOT_APPLICABLE_ITEMS.some((n) => n === x.id) ? [b('Guardian: contact arrangements not applicable (in the care plan)', x.id, true)] : []),
    ]);
  }
  if (!open) return [];
  if (forLegal && !actorsFor(duty, subject).includes('legal')) return [];
  switch (duty) {
    case 'L2': return [b('Done: the court has the IRO\'s details')];
    case 'L3': return [b('Contact made')];
    case 'L4': return [b('Copies sent to the IRO')];
    case 'L6': return [b(subject.endsWith(':court') ? 'Submitted to court' : 'Copy sent to the Guardian and legal')];
    case 'L8': return [b('Court told')];
    default: return [];
  }
}

/** A prompt card, rendered from the child as it is now (so a re-render after a click shows progress). */
export function liaisonPromptCardData(child: LiaisonChild, duty: DutyId, subject: string, item: Pick<LiaisonItem, 'deadline' | 'open'> | null,
  ctx: LiaisonPresentCtx, forLegal = false): LiaisonCardData {
  const deadline = item ? formatDate(item.deadline) : '—';
  const open = item?.open ?? false;
  const parts = duty === 'L9' ? l9Parts(child) : [];
  const withDiscussion = !forLegal && (duty === 'L3' || duty === 'L7' || duty === 'L9') && open;
  return {
    title: `${duty} · ${dutyTitle(duty)} · ${childLabel(child, false)}`,
    subtitle: people(child, ctx),
    text: promptText(child, duty, subject, deadline, ctx),
    tone: open || duty === 'L5' ? 'info' : 'success',
    facts: [
      { title: 'Deadline', value: duty === 'L5' ? 'when booked' : deadline },
      { title: 'Rule', value: `${duty}: ${DUTIES[duty].deadline}` },
      ...(!open && duty !== 'L5' ? [{ title: 'Status', value: 'Done' }] : []),
    ],
    checklist: parts.map((x) => ({ label: x.label, done: x.done, status: x.notApplicable ? 'Not applicable' : x.done ? 'Done' : 'Open' })),
    buttons: doneButtons(child, duty, subject, open, forLegal),
    discussion: withDiscussion ? { ref: child.ref, today: ctx.today, topics: discussionTopicChoices(), offerFinal: duty === 'L9' } : null,
  };
}

export function liaisonRecordCardData(child: LiaisonChild, discussionId: string, ctx: LiaisonPresentCtx): LiaisonCardData {
  const d = (child.liaison?.discussions ?? []).find((x) => x.id === discussionId);
  return {
    title: `${d?.final ? 'Final discussion' : 'Discussion'} recorded · ${childLabel(child, false)}`,
    subtitle: people(child, ctx),
    text: d ? `Recorded by ${name(ctx, d.byId)} on the child's case record (L10).` : 'Recorded on the child\'s case record (L10).',
    tone: 'success',
    facts: d ? [
      { title: 'Date', value: formatDate(d.on) },
      { title: 'Topics', value: d.topics.length ? d.topics.map(topicLabel).join('; ') : '—' },
      { title: 'Notes', value: d.notes || '—' },
      ...(d.monitoringIssues ? [{ title: 'Monitoring issues for the next review', value: d.monitoringIssues }] : []),
    ] : [],
    checklist: [],
    buttons: [],
    discussion: null,
  };
}

export function liaisonClosedCardData(child: LiaisonChild, ctx: LiaisonPresentCtx): LiaisonCardData {
  return {
    title: `Liaison closed · ${childLabel(child, false)}`,
    subtitle: people(child, ctx),
    text: 'The care proceedings have ended and the liaison items are done. This thread is closed; the Guardian no longer has access to this child\'s liaison items. Thank you.',
    tone: 'success',
    facts: child.proceedings?.concludedOn ? [{ title: 'Proceedings concluded', value: formatDate(child.proceedings.concludedOn) }] : [],
    checklist: [],
    buttons: [],
    discussion: null,
  };
}

declare module '../cards.js' {
  interface CardTemplates {
    'liaison': LiaisonCardData;
  }
}
