// Liaison cards (header, prompts L2–L9, recorded discussions, closing) and the /liaison form. Liaison
// cards can be read by the Guardian (a guest): the child is always "ref · initials" here.
import { formatDate } from '../../domain/dates-format.js';
import {
  DISCUSSION_TOPICS, DUTIES, l9Parts, topicLabel, type DutyId, type LiaisonChild, type LiaisonItem,
} from '../../domain/liaison.js';
import type { IsoDate } from '../../domain/types.js';
import type { LiaisonButton, LiaisonCardModel, LiaisonFormModel } from '../view-models.js';
import { childLabel, formatBookingStart } from './labels.js';

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

const topics = () => DISCUSSION_TOPICS.map((t) => ({ title: t.label, value: t.id }));

export function liaisonHeaderCard(child: LiaisonChild, ctx: LiaisonPresentCtx): LiaisonCardModel {
  return {
    title: `Liaison · ${childLabel(child, false)}`,
    subtitle: people(child, ctx),
    text: 'IRO–Guardian liaison for this child while the care proceedings last. Every prompt and record for this child goes into this thread.',
    tone: 'info',
    facts: [{ title: 'Child', value: childLabel(child, false) }, { title: 'IRO', value: name(ctx, child.iroId) },
      { title: 'Guardian', value: name(ctx, child.proceedings?.guardianId) }],
    checklist: [],
    buttons: [],
    discussion: { ref: child.ref, today: ctx.today, topics: topics(), offerFinal: false },
  };
}

function promptText(child: LiaisonChild, duty: DutyId, subject: string, deadline: string, ctx: LiaisonPresentCtx): string {
  const p = child.proceedings;
  switch (duty) {
    case 'L2': return `${name(ctx, subject)} is the IRO for this child in the care proceedings. Legal: tell the court the IRO's name and contact details by ${deadline}.`;
    case 'L3': return `The Guardian was appointed on ${p?.guardianAppointedOn ? formatDate(p.guardianAppointedOn) : '—'}. IRO and Guardian: make contact by ${deadline} (at the first review if one is soon), and agree how often to talk.`;
    case 'L4': return `Legal received court documents on ${formatDate(subject)}. Legal: send copies to the IRO. IRO: confirm you have them by ${deadline}.`;
    case 'L5': {
      const b = child.bookings.find((x) => x.id === subject);
      return `A review is booked${b ? ` for ${formatBookingStart(b.start, ctx.tzName)}${b.venue ? ` at ${b.venue}` : ''}` : ''}. Guardian: you are invited.`;
    }
    case 'L6': {
      const r = child.reviews.find((x) => x.id === subject);
      return `The record of review ${subject}${r ? ` (held ${formatDate(r.heldOn)})` : ''} was distributed. Send a copy to the Guardian and to legal now.`;
    }
    case 'L7': return `An IRO–Guardian discussion is due by ${deadline}. Topics: ${DISCUSSION_TOPICS.map((t) => t.label.toLowerCase()).join('; ')}.`;
    case 'L8': return `The Issues Resolution Hearing is on ${formatDate(subject)} and the IRO has open resolutions for this child. Legal: tell the court about the dispute before the hearing.`;
    case 'L9': return `The proceedings ended with the child staying looked after. By ${deadline}: hold the final discussion, and the Guardian confirms the IRO has each document below.`;
    default: return DUTIES[duty].action;
  }
}

/** Buttons for what can be marked done on this prompt (the handlers check who may). */
export function doneButtons(child: LiaisonChild, duty: DutyId, subject: string, open: boolean, forLegal: boolean): LiaisonButton[] {
  const b = (title: string, s = subject): LiaisonButton => ({ title, verb: LIAISON_VERBS.done, ref: child.ref, duty, subject: s });
  if (duty === 'L9') return l9Parts(child).filter((x) => !x.done && x.id !== 'final-discussion').map((x) => b(`Tick: ${x.label}`, x.id));
  if (!open) return [];
  if (forLegal && duty !== 'L2' && duty !== 'L8') return [];
  switch (duty) {
    case 'L2': return [b('Done: the court has the IRO\'s details')];
    case 'L3': return [b('Contact made')];
    case 'L4': return [b('IRO has the documents')];
    case 'L6': return [b('Copy sent to the Guardian and legal')];
    case 'L8': return [b('Court told')];
    default: return [];
  }
}

/** A prompt card, rendered from the child as it is now (so a re-render after a click shows progress). */
export function liaisonPromptCard(child: LiaisonChild, duty: DutyId, subject: string, item: Pick<LiaisonItem, 'deadline' | 'open'> | null,
  ctx: LiaisonPresentCtx, forLegal = false): LiaisonCardModel {
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
    checklist: parts.map((x) => ({ label: x.label, done: x.done, status: x.done ? 'Done' : 'Open' })),
    buttons: doneButtons(child, duty, subject, open, forLegal),
    discussion: withDiscussion ? { ref: child.ref, today: ctx.today, topics: topics(), offerFinal: duty === 'L9' } : null,
  };
}

export function liaisonRecordCard(child: LiaisonChild, discussionId: string, ctx: LiaisonPresentCtx): LiaisonCardModel {
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
    ] : [],
    checklist: [],
    buttons: [],
    discussion: null,
  };
}

export function liaisonClosedCard(child: LiaisonChild, ctx: LiaisonPresentCtx): LiaisonCardModel {
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

const dateOrEmpty = (d?: string | null) => d ?? '';

export function liaisonFormCard(child: LiaisonChild & { version: number }, opts: {
  guardians: { id: string; name: string; organisation?: string | null }[];
  legal: { id: string; name: string }[];
  legalContactId: string | null;
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
  mayAct?: (duty: DutyId) => boolean;
}): LiaisonFormModel {
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
    intervalDays: String(p?.discussionIntervalDays ?? 42),
    legalContactId: opts.legalContactId ?? 'none',
    guardians: [{ title: 'Not yet appointed', value: 'none' },
      ...opts.guardians.map((g) => ({ title: g.organisation ? `${g.name} (${g.organisation})` : g.name, value: g.id }))],
    outcomes: [{ title: '—', value: 'none' }, { title: 'Remains looked after', value: 'remains-looked-after' }, { title: 'Leaves care', value: 'leaves-care' }],
    legalContacts: [{ title: 'Not set', value: 'none' }, ...opts.legal.map((l) => ({ title: l.name, value: l.id }))],
    open: opts.open.map((i) => ({
      text: `${i.duty} · ${dutyTitle(i.duty)} · by ${formatDate(i.deadline)}`,
      buttons: [
        ...(opts.mayAct?.(i.duty) ?? true ? doneButtons(child, i.duty, i.subject, i.open, opts.forLegal ?? false) : []),
        { title: 'Open', verb: LIAISON_VERBS.view, ref: child.ref, duty: i.duty, subject: i.subject },
      ],
    })),
    discussion: opts.canRecordDiscussion && p && opts.today
      ? { ref: child.ref, today: opts.today, topics: topics(), offerFinal: !!p.concludedOn } : null,
    discussions: [...(child.liaison?.discussions ?? [])].sort((a, b) => (a.on < b.on ? 1 : -1)).map((d) =>
      ({ text: `${formatDate(d.on)} · ${opts.names.get(d.byId) ?? d.byId}${d.final ? ' · final' : ''} · ${d.topics.map(topicLabel).join('; ') || 'no topics'}${d.notes ? ` — ${d.notes}` : ''}` })),
    message: opts.message,
    messageTone: opts.messageTone ?? 'success',
  };
}
