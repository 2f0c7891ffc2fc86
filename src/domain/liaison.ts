// Children's Guardian liaison (docs/DOMAIN.md "Children's Guardian liaison", the IRO–Guardian protocol).
// The duties L1–L10 are data: a trigger, who acts, and a deadline rule. `liaisonItems` turns a child's
// proceedings and liaison record into the duty instances that exist today (open or done);
// `liaisonPrompts` says which prompts are due now (each has an idempotency key, so a sweep that
// computes the same list again sends nothing twice). Pure: `today` and the calendar are passed in.
//
// Decisions (where docs/DOMAIN.md is silent):
// - A prompt fires on its fire date (below) or on the first sweep after it, but not more than
//   PROMPT_GRACE_DAYS later: importing years of past proceedings must not set off a flood.
// - L2–L8 fire only while proceedings are open; L9 only after they concluded with the child staying
//   looked after. A prompt about the Guardian (thread) needs a Guardian; the legal copy does not.
// - L2 runs from the IRO's appointment ("as soon as the IRO has been appointed"): the later of the
//   proceedings' start and `iroAllocatedOn` (set by whoever allocates the IRO); without that date, the
//   proceedings' start. A new IRO is a new L2 (the subject is the IRO's id).
// - L3: if no review has been held yet (the Guardian is appointed before the initial review) and the
//   initial review is booked, the IRO contacts the Guardian once its date is known, by that date at the
//   latest (the first sweep that sees the booking prompts; key per booking). Otherwise appointment + 5
//   working days ("as soon as possible following the appointment").
// - L4 is legal's duty (copies to the IRO within 5 working days of receipt); the IRO sees it in the
//   thread but does not act on it.
// - L5: the child document records no booking time, so a live upcoming booking (status booked,
//   start today or later) fires L5 once per booking and date, on the first sweep that sees it: a
//   rescheduled review (same booking id, new date) invites the Guardian again. The prompt is itself the
//   Guardian's invitation, so L5 is never an open action.
// - L6 covers every review held during the proceedings (started on or after their start, before their
//   conclusion), also when its record is distributed after they concluded: the copy to the Guardian and
//   to legal (business support, IRO), and, while proceedings are open, legal submits it to court
//   (subject `<review id>:court`, legal's alone).
// - L8 is open only before the Issues Resolution Hearing: from the IRH date it is closed and not prompted.
// - L9: the final discussion is the IRO's and the Guardian's; the documents are confirmed by the Guardian
//   alone. "Contact arrangements (if not covered in the care plan)" may be confirmed "not applicable".
// - L7: due `discussionIntervalDays` (default 42) after the last recorded discussion, or after the
//   Guardian's appointment when there is none; a recorded discussion moves it.
// - L8 needs open resolutions (isOpenResolution: not resolved, not referred to Cafcass); without a
//   `resolutions` field on the child it never fires.
// - The Guardian's access ends when proceedings concluded and, if the child stays looked after, the
//   L9 final discussion is recorded and every checklist item is ticked; if the child leaves care,
//   at the conclusion (L9 does not apply).
import type { WorkingCalendar } from './calendar.js';
import { addDays } from './calendar.js';
import { isChildsIro, type PersonRoles } from './case-roles.js';
import { isLiveBooking } from './review-status.js';
import type { Child, IsoDate } from './types.js';
// From the modules, not resolutions/index.js: resolutions' permissions import access.ts, which imports this file.
import type { Resolution } from './resolutions/records.js';
import { isOpenResolution } from './resolutions/state.js';

export const DUTY_IDS = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8', 'L9', 'L10'] as const;
export type DutyId = (typeof DUTY_IDS)[number];

/** Who carries a duty out: a role, or the child's own IRO / Guardian. */
export type LiaisonActor = 'iro' | 'guardian' | 'legal' | 'business-support';

export interface Duty {
  id: DutyId;
  trigger: string;
  action: string;
  deadline: string;
  actors: readonly LiaisonActor[];
  /** The prompt also goes to the legal contact (L2, L4, L6, L8). */
  toLegal: boolean;
  /** Sent as a prompt into the child's liaison thread by the sweeper. */
  prompted: boolean;
}

export const DUTIES: Readonly<Record<DutyId, Duty>> = {
  L1: {
    id: 'L1',
    trigger: 'care proceedings start',
    action: "business support gives Cafcass the IRO's name and records the Guardian's name",
    deadline: 'on receipt',
    actors: ['business-support'],
    toLegal: false,
    prompted: false,
  },
  L2: {
    id: 'L2',
    trigger: 'IRO allocated to a child in proceedings',
    action: "send the IRO's contact details to legal, who tell the court",
    deadline: '2 working days',
    actors: ['legal', 'business-support', 'iro'],
    toLegal: true,
    prompted: true,
  },
  L3: {
    id: 'L3',
    trigger: 'Guardian appointed',
    action: 'IRO and Guardian make contact (at the first review if one is soon)',
    deadline: '5 working days',
    actors: ['iro', 'guardian'],
    toLegal: false,
    prompted: true,
  },
  L4: {
    id: 'L4',
    trigger: 'legal records receipt of court documents',
    action: 'copies to the IRO; the IRO confirms having them',
    deadline: '5 working days of receipt',
    actors: ['legal'],
    toLegal: true,
    prompted: true,
  },
  L5: {
    id: 'L5',
    trigger: 'a review is booked',
    action: 'invite the Guardian',
    deadline: 'when booked',
    actors: ['iro', 'business-support'],
    toLegal: false,
    prompted: true,
  },
  L6: {
    id: 'L6',
    trigger: 'a review record is distributed',
    action:
      'send a copy to the Guardian and to legal; legal submits the record of a review held during proceedings to court',
    deadline: 'with distribution',
    actors: ['business-support', 'iro'],
    toLegal: true,
    prompted: true,
  },
  L7: {
    id: 'L7',
    trigger: 'during proceedings',
    action: 'IRO–Guardian discussion',
    deadline: 'agreed interval (default 6 weeks)',
    actors: ['iro', 'guardian'],
    toLegal: false,
    prompted: true,
  },
  L8: {
    id: 'L8',
    trigger: 'before the Issues Resolution Hearing',
    action: 'the council tells the court of any open IRO dispute',
    deadline: '5 working days before the hearing',
    actors: ['legal'],
    toLegal: true,
    prompted: true,
  },
  L9: {
    id: 'L9',
    trigger: 'proceedings end, child stays looked after',
    action: 'final IRO–Guardian discussion; the Guardian confirms the IRO has every document on the checklist',
    deadline: '10 working days after',
    actors: ['iro', 'guardian'],
    toLegal: false,
    prompted: true,
  },
  L10: {
    id: 'L10',
    trigger: 'any IRO–Guardian discussion',
    action: "recorded on the child's case timeline",
    deadline: 'at once',
    actors: ['iro', 'guardian'],
    toLegal: false,
    prompted: false,
  },
};

/**
 * The liaison timings (docs/DOMAIN.md "Sources and decisions, per duty"). Only L4's five working days come from
 * the sources (Handbook 8.4), so it is fixed; the others are local defaults a council may set (config:
 * LIAISON_* in docs/DESIGN.md "Configuration").
 */
export interface LiaisonSettings {
  l2WorkingDays: number;
  l3WorkingDays: number;
  discussionIntervalDays: number;
  l8WorkingDaysBefore: number;
  l9WorkingDays: number;
}

/** Handbook 8.4: "within five working days of receipt of them" — not configurable. */
export const L4_WORKING_DAYS = 5;

export const LIAISON_DEFAULTS: Readonly<LiaisonSettings> = {
  l2WorkingDays: 2,
  l3WorkingDays: 5,
  discussionIntervalDays: 42,
  l8WorkingDaysBefore: 5,
  l9WorkingDays: 10,
};

/** How long after its fire date a prompt may still go out (downtime, weekends). */
export const PROMPT_GRACE_DAYS = 14;

/** L7 topics (protocol §6, Handbook 8.5). */
export const DISCUSSION_TOPICS = [
  { id: 'wishes-and-feelings', label: "The child's wishes and feelings" },
  { id: 'care-plan', label: 'The current care plan' },
  { id: 'dispute-resolution', label: 'Dispute resolution in progress' },
  { id: 'complaints', label: 'Complaints about the case' },
  { id: 'court-issues', label: 'Issues raised in court' },
] as const;
export type DiscussionTopic = (typeof DISCUSSION_TOPICS)[number]['id'];

/** L9: the documents the Guardian confirms the IRO has (protocol §10). */
export const CHECKLIST_ITEMS = [
  { id: 's31a-care-plan', label: 'Section 31A care plan' },
  { id: 'guardian-report', label: "Children's Guardian's report" },
  { id: 'final-order', label: 'Copy of the final order' },
  { id: 'contact-arrangements', label: 'Outline of contact arrangements (if not covered in the care plan)' },
] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number]['id'];

/** L9 checklist items the Guardian may confirm as "not applicable" (protocol §10: "if not covered in the care plan"). */
export const NOT_APPLICABLE_ITEMS: readonly ChecklistItem[] = ['contact-arrangements'];

export interface LiaisonDiscussion {
  id: string;
  on: IsoDate;
  byId: string;
  topics: DiscussionTopic[];
  notes: string;
  /** The L9 final discussion. */
  final: boolean;
  /** L9: monitoring issues raised at the final discussion, carried into the next review (Handbook 8.7). */
  monitoringIssues?: string;
  recordedAt: Date;
}

/** A duty instance marked done: (duty, subject) as in LiaisonItem. */
export interface LiaisonDone {
  duty: DutyId;
  subject: string;
  on: IsoDate;
  byId: string;
  /** L9 "contact arrangements": confirmed as covered in the care plan, so not applicable. */
  notApplicable?: boolean;
}

/** Embedded in the child document (`liaison`); every change is one versioned update. */
export interface LiaisonRecord {
  /** The council's legal contact for this child (default: the first staff member with role legal). */
  legalContactId?: string | null;
  /** L4: dates legal recorded receiving court documents. */
  courtDocuments?: { receivedOn: IsoDate; byId: string }[];
  discussions?: LiaisonDiscussion[];
  done?: LiaisonDone[];
}

/** What the liaison rules read of a child (of its resolutions, only `status`: domain/resolutions/state.ts). */
export type LiaisonChild = Child & {
  /** When the current IRO was appointed to the child (L2 runs from it; absent: from the proceedings' start). */
  iroAllocatedOn?: IsoDate | null;
  liaison?: LiaisonRecord | null;
  resolutions?: readonly Pick<Resolution, 'status'>[] | null;
};

export interface LiaisonItem {
  duty: DutyId;
  /** What the instance is about: an IRO id, a booking/review id, a date, 'final' or a checklist item. */
  subject: string;
  /** Idempotency key of its prompt in the thread (the legal copy adds ':legal'). */
  key: string;
  fireOn: IsoDate;
  deadline: IsoDate;
  open: boolean;
  /** L9 checklist items and the final discussion are parts of the L9 prompt, not prompts themselves. */
  part?: boolean;
  /** Who acts on this instance when not every actor of its duty does (L6 court submission, L9 documents). */
  actors?: readonly LiaisonActor[];
}

/** Who acts on one instance of a duty: the L6 court submission is legal's; the L9 documents the Guardian's. */
export function actorsFor(duty: DutyId, subject: string | undefined): readonly LiaisonActor[] {
  if (duty === 'L6' && subject?.endsWith(':court')) return ['legal'];
  if (duty === 'L9' && CHECKLIST_ITEMS.some((c) => c.id === subject)) return ['guardian'];
  return DUTIES[duty].actors;
}

export const liaisonKeys = {
  prompt: (ref: string, duty: DutyId, subject: string) => `liaison:${ref}:${duty}:${subject}`,
  legal: (ref: string, duty: DutyId, subject: string) => `liaison:${ref}:${duty}:${subject}:legal`,
  /** The thread's first message (header card); one thread per child and Guardian. */
  thread: (ref: string, guardianId: string) => `liaison:${ref}:thread:${guardianId}`,
  closed: (ref: string, guardianId: string) => `liaison:${ref}:closed:${guardianId}`,
  withheld: (key: string) => `${key}:withheld`,
};

/** L8: is there an open IRO dispute to tell the court of (open in the one sense resolutions define)? */
export function hasOpenResolutions(child: LiaisonChild): boolean {
  return (child.resolutions ?? []).some(isOpenResolution);
}

function isDone(child: LiaisonChild, duty: DutyId, subject: string): boolean {
  return (child.liaison?.done ?? []).some((d) => d.duty === duty && d.subject === subject);
}

export function proceedingsOpen(child: LiaisonChild): boolean {
  return !!child.proceedings && !child.proceedings.concludedOn;
}

/** Date of the last IRO–Guardian discussion on or after `from`, if any. */
function lastDiscussion(child: LiaisonChild, from: IsoDate): IsoDate | null {
  const dates = (child.liaison?.discussions ?? [])
    .map((d) => d.on)
    .filter((d) => d >= from)
    .sort();
  return dates.length ? dates[dates.length - 1] : null;
}

/**
 * L9 (protocol §8, Handbook 8.7): the monitoring issues raised at the final discussion, to be kept under
 * review at the child's next review; null once a review has been held after that discussion.
 */
export function carriedMonitoringIssues(child: LiaisonChild): { on: IsoDate; issues: string } | null {
  const finals = (child.liaison?.discussions ?? []).filter((d) => d.final && d.monitoringIssues?.trim());
  const last = finals.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)).at(-1);
  if (!last?.monitoringIssues) return null;
  if (child.reviews.some((r) => r.heldOn > last.on)) return null;
  return { on: last.on, issues: last.monitoringIssues.trim() };
}

/** The L9 parts: the final discussion and the four documents. */
export function l9Parts(child: LiaisonChild): { id: string; label: string; done: boolean; notApplicable?: boolean }[] {
  const final = (child.liaison?.discussions ?? []).some((d) => d.final) || isDone(child, 'L9', 'final-discussion');
  const na = (id: string) =>
    (child.liaison?.done ?? []).some((d) => d.duty === 'L9' && d.subject === id && d.notApplicable);
  return [
    { id: 'final-discussion', label: 'Final IRO–Guardian discussion', done: final },
    ...CHECKLIST_ITEMS.map((c) => ({
      id: c.id,
      label: c.label,
      done: isDone(child, 'L9', c.id),
      ...(na(c.id) ? { notApplicable: true } : {}),
    })),
  ];
}

/** L2: the IRO's appointment, or the proceedings' start if the IRO was appointed before them (or the date is unknown). */
export function l2From(child: LiaisonChild): IsoDate | null {
  const p = child.proceedings;
  if (!p) return null;
  const allocated = child.iroAllocatedOn;
  return allocated && allocated > p.startedOn ? allocated : p.startedOn;
}

/**
 * L3 (protocol §3, Handbook 8.5): when the Guardian is appointed before the initial review and that
 * review is booked, contact is made once its date is known, by that date; otherwise within the default
 * working days of the appointment. `bookingId` keys the prompt of the first case.
 */
export function l3Timing(
  child: LiaisonChild,
  today: IsoDate,
  calendar: WorkingCalendar,
  settings: LiaisonSettings = LIAISON_DEFAULTS,
): { fireOn: IsoDate; deadline: IsoDate; bookingId?: string } | null {
  const appointed = child.proceedings?.guardianAppointedOn;
  if (!appointed) return null;
  const fallback = { fireOn: appointed, deadline: calendar.addWorkingDays(appointed, settings.l3WorkingDays) };
  if (child.reviews.length > 0) return fallback;
  const initial = child.bookings
    .filter((b) => isLiveBooking(b) && b.start.slice(0, 10) >= appointed)
    .sort((a, b) => (a.start < b.start ? -1 : 1))[0];
  if (!initial) return fallback;
  const on = initial.start.slice(0, 10);
  return { fireOn: today < appointed ? appointed : today, deadline: on, bookingId: initial.id };
}

/** L6: reviews held during the proceedings (on or after their start, before their conclusion). */
function heldDuringProceedings(child: LiaisonChild): Child['reviews'] {
  const p = child.proceedings;
  if (!p) return [];
  return child.reviews.filter((r) => r.heldOn >= p.startedOn && (!p.concludedOn || r.heldOn < p.concludedOn));
}

/** Every duty instance that exists for the child today, open or done (L10 has none: it happens at once). */
export function liaisonItems(
  child: LiaisonChild,
  today: IsoDate,
  calendar: WorkingCalendar,
  settings: LiaisonSettings = LIAISON_DEFAULTS,
): LiaisonItem[] {
  const p = child.proceedings;
  if (!p) return [];
  const ref = child.ref;
  const open = proceedingsOpen(child);
  const items: LiaisonItem[] = [];
  const add = (
    duty: DutyId,
    subject: string,
    fireOn: IsoDate,
    deadline: IsoDate,
    isOpen: boolean,
    part = false,
    keySubject = subject,
  ) => {
    const actors = actorsFor(duty, subject);
    items.push({
      duty,
      subject,
      key: liaisonKeys.prompt(ref, duty, keySubject),
      fireOn,
      deadline,
      open: isOpen,
      ...(part ? { part } : {}),
      ...(actors !== DUTIES[duty].actors ? { actors } : {}),
    });
  };

  if (open && !p.guardianId) add('L1', 'guardian', p.startedOn, p.startedOn, true);
  const l2 = l2From(child);
  if (open && child.iroId && l2) {
    add('L2', child.iroId, l2, calendar.addWorkingDays(l2, settings.l2WorkingDays), !isDone(child, 'L2', child.iroId));
  }
  const l3 = open && p.guardianId && p.guardianAppointedOn ? l3Timing(child, today, calendar, settings) : null;
  if (l3 && p.guardianId && p.guardianAppointedOn) {
    const contacted = isDone(child, 'L3', p.guardianId) || lastDiscussion(child, p.guardianAppointedOn) !== null;
    const keySubject = l3.bookingId ? `${p.guardianId}:initial-review:${l3.bookingId}` : p.guardianId;
    add('L3', p.guardianId, l3.fireOn, l3.deadline, !contacted, false, keySubject);
  }
  if (open) {
    for (const doc of child.liaison?.courtDocuments ?? []) {
      add(
        'L4',
        doc.receivedOn,
        doc.receivedOn,
        calendar.addWorkingDays(doc.receivedOn, L4_WORKING_DAYS),
        !isDone(child, 'L4', doc.receivedOn),
      );
    }
  }
  if (open && p.guardianId) {
    for (const b of child.bookings) {
      const on = b.start.slice(0, 10);
      if (!isLiveBooking(b) || on < today) continue;
      // The prompt is the invitation (see the decisions above); keyed by date so a new date invites again.
      add('L5', b.id, today, on, false, false, `${b.id}:${on}`);
    }
  }
  for (const r of heldDuringProceedings(child)) {
    const sent = r.recordDistributedOn;
    if (!sent) continue;
    add('L6', r.id, sent, sent, !isDone(child, 'L6', r.id));
    // To court only while the proceedings are open ("submitted to court"): after them there is no court to tell.
    const court = `${r.id}:court`;
    if (open || isDone(child, 'L6', court)) add('L6', court, sent, sent, open && !isDone(child, 'L6', court));
  }
  if (open && p.guardianId && p.guardianAppointedOn) {
    const from = lastDiscussion(child, p.guardianAppointedOn) ?? p.guardianAppointedOn;
    const due = addDays(from, p.discussionIntervalDays ?? settings.discussionIntervalDays);
    add('L7', due, due, due, true);
  }
  if (open && p.irhDate && hasOpenResolutions(child)) {
    const fire = calendar.addWorkingDays(p.irhDate, -settings.l8WorkingDaysBefore);
    // "Prior to the Issues Resolution Hearing": from the hearing's day the duty is closed.
    add('L8', p.irhDate, fire, p.irhDate, today < p.irhDate && !isDone(child, 'L8', p.irhDate));
  }
  if (p.concludedOn && p.outcome === 'remains-looked-after' && p.guardianId) {
    const deadline = calendar.addWorkingDays(p.concludedOn, settings.l9WorkingDays);
    const parts = l9Parts(child);
    add(
      'L9',
      'final',
      p.concludedOn,
      deadline,
      parts.some((x) => !x.done),
    );
    for (const part of parts) add('L9', part.id, p.concludedOn, deadline, !part.done, true);
  }
  return items;
}

/** Open items a person must act on for this child (for /actions). */
export function openItemsFor(
  child: LiaisonChild,
  who: LiaisonActor,
  today: IsoDate,
  calendar: WorkingCalendar,
  settings: LiaisonSettings = LIAISON_DEFAULTS,
): LiaisonItem[] {
  return liaisonItems(child, today, calendar, settings).filter(
    (i) =>
      i.open &&
      !i.part &&
      (i.actors ?? DUTIES[i.duty].actors).includes(who) &&
      // L7 is open all the time; it is an action only once its date is near (within the grace window before).
      (i.duty !== 'L7' || addDays(i.deadline, -PROMPT_GRACE_DAYS) <= today) &&
      (i.duty !== 'L8' || i.fireOn <= today),
  );
}

export interface LiaisonPrompt {
  item: LiaisonItem;
  /** Into the child's liaison thread (needs a Guardian). */
  toThread: boolean;
  /** Also to the legal contact (L2, L4, L6, L8). */
  toLegal: boolean;
}

/** Prompts due today (fire date reached, within the grace window, still open or an invitation). */
export function liaisonPrompts(
  child: LiaisonChild,
  today: IsoDate,
  calendar: WorkingCalendar,
  settings: LiaisonSettings = LIAISON_DEFAULTS,
): LiaisonPrompt[] {
  const out: LiaisonPrompt[] = [];
  for (const item of liaisonItems(child, today, calendar, settings)) {
    const duty = DUTIES[item.duty];
    if (!duty.prompted || item.part) continue;
    if (item.fireOn > today || today > addDays(item.fireOn, PROMPT_GRACE_DAYS)) continue;
    if (!item.open && item.duty !== 'L5') continue;
    // The court submission is legal's alone; after the proceedings the thread exists only until L9 is done.
    const court = item.duty === 'L6' && item.subject.endsWith(':court');
    out.push({ item, toThread: !court && guardianAccessOpen(child), toLegal: duty.toLegal });
  }
  return out;
}

/** Whether the Guardian may still see this child's liaison items (see the decisions above). */
export function guardianAccessOpen(child: LiaisonChild): boolean {
  const p = child.proceedings;
  if (!p?.guardianId) return false;
  if (!p.concludedOn) return true;
  if (p.outcome !== 'remains-looked-after') return false;
  return l9Parts(child).some((x) => !x.done);
}

/** The Guardian who may see this child's liaison items now, if any. */
export function currentGuardianId(child: LiaisonChild): string | null {
  return guardianAccessOpen(child) ? (child.proceedings!.guardianId ?? null) : null;
}

/**
 * The child's own Guardian (directory role `guardian`, named in the proceedings) while their access is
 * open: the only guest who may see anything about this child, and only through liaison items.
 */
export function isChildsGuardian(person: PersonRoles, child: LiaisonChild): boolean {
  return person.roles.includes('guardian') && currentGuardianId(child) === person.id;
}

/** The children of `children` this person may see as their Guardian now (none for anyone else). */
export function guardianChildren<C extends LiaisonChild>(person: PersonRoles, children: readonly C[]): C[] {
  return children.filter((c) => isChildsGuardian(person, c));
}

/**
 * Whether a person reads a liaison prompt as the legal department's copy (L2, L4, L6, L8 go to legal too):
 * legal staff who are not also an IRO, on a card that is theirs alone. A card updated for everyone in the
 * liaison thread is the thread's card, whoever clicked. The copy offers only the duties legal acts on.
 */
export function seesLegalCopy(person: PersonRoles, cardSharedWithOthers = false): boolean {
  return !cardSharedWithOthers && person.roles.includes('legal') && !person.roles.includes('iro');
}

/**
 * Who may act on a liaison duty for a child: the child's IRO, the Guardian with access, legal, business support.
 * With a subject, on that instance (actorsFor: the L6 court submission, the L9 documents).
 */
export function mayActOn(person: PersonRoles, child: LiaisonChild, duty: DutyId, subject?: string): boolean {
  const actors = actorsFor(duty, subject);
  if (person.roles.includes('guardian')) return actors.includes('guardian') && isChildsGuardian(person, child);
  if (actors.includes('iro') && isChildsIro(person, child)) return true;
  if (actors.includes('legal') && person.roles.includes('legal')) return true;
  return actors.includes('business-support') && person.roles.includes('business-support');
}

export function topicLabel(id: string): string {
  return DISCUSSION_TOPICS.find((t) => t.id === id)?.label ?? id;
}
