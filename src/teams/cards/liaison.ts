// The data of cards/liaison.json, Children's Guardian liaison (thread header, prompts L2–L9, recorded
// discussions, closing card), and the functions building it; the liaison card verbs. Liaison cards can be read
// by the Guardian (a guest): the child is always "ref · initials" here.
import type { CardChoice, CardFact } from '../card-parts.js';
import type { NoticeTone } from './notice.js';
import { formatDate } from '../../domain/dates-format.js';
import {
  actorsFor, DISCUSSION_TOPICS, l9Parts, NOT_APPLICABLE_ITEMS, topicLabel, type DutyId, type LiaisonChild, type LiaisonItem,
} from '../../domain/liaison.js';
import type { IsoDate } from '../../domain/types.js';
import type { Translate } from '../i18n/translate.js';
import { childLabel, datesOf, ENGLISH, formatBookingStart, label } from '../presenters/labels.js';

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
  /** The checklist heading and the discussion form's words. */
  labels: LiaisonLabels;
}

export interface LiaisonLabels {
  checklist: string;
  recordDiscussion: string;
  date: string;
  dateError: string;
  topics: string;
  notes: string;
  final: string;
  monitoring: string;
  record: string;
}

export const LIAISON_VERBS = { done: 'liaison.done', discussion: 'liaison.discussion', save: 'liaison.save', view: 'liaison.view' } as const;

export interface LiaisonPresentCtx {
  names: ReadonlyMap<string, string>;
  today: IsoDate;
  /** The council's time zone (TZ_NAME), for booking times. */
  tzName: string;
  /** The reader's words (issue 13); English when not given. */
  t?: Translate;
}

const tOf = (ctx: LiaisonPresentCtx): Translate => ctx.t ?? ENGLISH;

/** The form's and checklist's words, from the catalogue (the template carries none). */
function formLabels(t: Translate): LiaisonLabels {
  return {
    checklist: t('liaison.form.checklist'),
    recordDiscussion: t('liaison.form.record-discussion'),
    date: t('liaison.form.date'),
    dateError: t('liaison.form.date-error'),
    topics: t('liaison.form.topics'),
    notes: t('liaison.form.notes'),
    final: t('liaison.form.final'),
    monitoring: t('liaison.form.monitoring'),
    record: t('liaison.form.record'),
  };
}

export function dutyTitle(duty: DutyId, t: Translate = ENGLISH): string {
  return t(`liaison.duty.${duty}`);
}

const name = (ctx: LiaisonPresentCtx, id?: string | null) =>
  id ? (ctx.names.get(id) ?? id) : tOf(ctx)('liaison.not-known');

function people(child: LiaisonChild, ctx: LiaisonPresentCtx): string {
  const t = tOf(ctx);
  const guardianId = child.proceedings?.guardianId;
  return t('liaison.people', {
    iro: name(ctx, child.iroId),
    guardian: guardianId ? name(ctx, guardianId) : t('liaison.not-appointed'),
  });
}

export const discussionTopicChoices = (t: Translate = ENGLISH) =>
  DISCUSSION_TOPICS.map((x) => ({ title: label(x.id, x.label, t), value: x.id }));

export function liaisonHeaderCardData(child: LiaisonChild, ctx: LiaisonPresentCtx): LiaisonCardData {
  const t = tOf(ctx);
  return {
    title: t('liaison.header.title', { child: childLabel(child, false) }),
    subtitle: people(child, ctx),
    text: t('liaison.header.text'),
    tone: 'info',
    facts: [
      { title: t('liaison.fact.child'), value: childLabel(child, false) },
      { title: t('liaison.fact.iro'), value: name(ctx, child.iroId) },
      { title: t('liaison.fact.guardian'), value: name(ctx, child.proceedings?.guardianId) },
    ],
    checklist: [],
    buttons: [],
    discussion: { ref: child.ref, today: ctx.today, topics: discussionTopicChoices(t), offerFinal: false },
    labels: formLabels(t),
  };
}

function promptText(child: LiaisonChild, duty: DutyId, subject: string, deadline: string, ctx: LiaisonPresentCtx): string {
  const t = tOf(ctx);
  const day = (d: IsoDate) => formatDate(d, datesOf(t));
  const p = child.proceedings;
  switch (duty) {
    case 'L2':
      return t('liaison.prompt.L2', { iro: name(ctx, subject), deadline });
    case 'L3':
      return t('liaison.prompt.L3', {
        appointed: p?.guardianAppointedOn ? day(p.guardianAppointedOn) : '—',
        deadline,
      });
    case 'L4':
      return t('liaison.prompt.L4', { received: day(subject), deadline });
    case 'L5': {
      const b = child.bookings.find((x) => x.id === subject);
      const when = b ? `${formatBookingStart(b.start, ctx.tzName, t)}${b.venue ? ` · ${b.venue}` : ''}` : 'none';
      return t('liaison.prompt.L5', { when });
    }
    case 'L6': {
      const id = subject.replace(/:court$/, '');
      const r = child.reviews.find((x) => x.id === id);
      return t('liaison.prompt.L6', {
        id,
        held: r ? day(r.heldOn) : 'none',
        court: subject.endsWith(':court') ? 'yes' : 'no',
      });
    }
    case 'L7':
      return t('liaison.prompt.L7', {
        deadline,
        topics: DISCUSSION_TOPICS.map((x) => label(x.id, x.label, t).toLowerCase()).join('; '),
      });
    case 'L8':
      return t('liaison.prompt.L8', { hearing: day(subject) });
    case 'L9':
      return t('liaison.prompt.L9', { deadline });
    case 'L1':
    case 'L10':
      return t(`liaison.action.${duty}`);
  }
}

/** Buttons for what can be marked done on this prompt (the handlers check who may). */
export function doneButtons(
  child: LiaisonChild,
  duty: DutyId,
  subject: string,
  open: boolean,
  forLegal: boolean,
  t: Translate = ENGLISH,
): LiaisonButton[] {
  const b = (title: string, s = subject, notApplicable = false): LiaisonButton => ({
    title,
    verb: LIAISON_VERBS.done,
    ref: child.ref,
    duty,
    subject: s,
    notApplicable: notApplicable ? 'true' : 'false',
  });
  if (duty === 'L9') {
    // The documents are the Guardian's to confirm (protocol §10); the handler refuses anyone else.
    return l9Parts(child)
      .filter((x) => !x.done && x.id !== 'final-discussion')
      .flatMap((x) => [
        b(t('liaison.button.confirms', { item: label(x.id, x.label, t) }), x.id),
        ...(NOT_APPLICABLE_ITEMS.some((n) => n === x.id) ? [b(t('liaison.button.not-applicable'), x.id, true)] : []),
      ]);
  }
  if (!open) return [];
  if (forLegal && !actorsFor(duty, subject).includes('legal')) return [];
  switch (duty) {
    case 'L2':
      return [b(t('liaison.button.L2'))];
    case 'L3':
      return [b(t('liaison.button.L3'))];
    case 'L4':
      return [b(t('liaison.button.L4'))];
    case 'L6':
      return [b(t(subject.endsWith(':court') ? 'liaison.button.L6-court' : 'liaison.button.L6'))];
    case 'L8':
      return [b(t('liaison.button.L8'))];
    default:
      return [];
  }
}

/** A prompt card, rendered from the child as it is now (so a re-render after a click shows progress). */
export function liaisonPromptCardData(
  child: LiaisonChild,
  duty: DutyId,
  subject: string,
  item: Pick<LiaisonItem, 'deadline' | 'open'> | null,
  ctx: LiaisonPresentCtx,
  forLegal = false,
): LiaisonCardData {
  const t = tOf(ctx);
  const deadline = item ? formatDate(item.deadline, datesOf(t)) : '—';
  const open = item?.open ?? false;
  const parts = duty === 'L9' ? l9Parts(child) : [];
  const withDiscussion = !forLegal && (duty === 'L3' || duty === 'L7' || duty === 'L9') && open;
  return {
    title: `${duty} · ${dutyTitle(duty, t)} · ${childLabel(child, false)}`,
    subtitle: people(child, ctx),
    text: promptText(child, duty, subject, deadline, ctx),
    tone: open || duty === 'L5' ? 'info' : 'success',
    facts: [
      { title: t('liaison.fact.deadline'), value: duty === 'L5' ? t('liaison.deadline.L5') : deadline },
      { title: t('liaison.fact.rule'), value: `${duty}: ${t(`liaison.deadline.${duty}`)}` },
      ...(!open && duty !== 'L5' ? [{ title: t('liaison.fact.status'), value: t('liaison.status.done') }] : []),
    ],
    checklist: parts.map((x) => ({
      label: x.id === 'final-discussion' ? t('liaison.final-discussion') : label(x.id, x.label, t),
      done: x.done,
      status: t(x.notApplicable ? 'liaison.status.not-applicable' : x.done ? 'liaison.status.done' : 'liaison.status.open'),
    })),
    buttons: doneButtons(child, duty, subject, open, forLegal, t),
    discussion: withDiscussion
      ? { ref: child.ref, today: ctx.today, topics: discussionTopicChoices(t), offerFinal: duty === 'L9' }
      : null,
    labels: formLabels(t),
  };
}

export function liaisonRecordCardData(child: LiaisonChild, discussionId: string, ctx: LiaisonPresentCtx): LiaisonCardData {
  const t = tOf(ctx);
  const d = (child.liaison?.discussions ?? []).find((x) => x.id === discussionId);
  return {
    title: t('liaison.record.title', { final: d?.final ? 'yes' : 'no', child: childLabel(child, false) }),
    subtitle: people(child, ctx),
    text: d ? t('liaison.record.by', { name: name(ctx, d.byId) }) : t('liaison.record.text'),
    tone: 'success',
    facts: d
      ? [
          { title: t('liaison.fact.date'), value: formatDate(d.on, datesOf(t)) },
          {
            title: t('liaison.fact.topics'),
            value: d.topics.length ? d.topics.map((x) => label(x, topicLabel(x), t)).join('; ') : '—',
          },
          { title: t('liaison.fact.notes'), value: d.notes || '—' },
          ...(d.monitoringIssues ? [{ title: t('liaison.fact.monitoring'), value: d.monitoringIssues }] : []),
        ]
      : [],
    checklist: [],
    buttons: [],
    discussion: null,
    labels: formLabels(t),
  };
}

export function liaisonClosedCardData(child: LiaisonChild, ctx: LiaisonPresentCtx): LiaisonCardData {
  const t = tOf(ctx);
  return {
    title: t('liaison.closed.title', { child: childLabel(child, false) }),
    subtitle: people(child, ctx),
    text: t('liaison.closed.text'),
    tone: 'success',
    facts: child.proceedings?.concludedOn
      ? [{ title: t('liaison.fact.concluded'), value: formatDate(child.proceedings.concludedOn, datesOf(t)) }]
      : [],
    checklist: [],
    buttons: [],
    discussion: null,
    labels: formLabels(t),
  };
}

declare module '../cards.js' {
  interface CardTemplates {
    'liaison': LiaisonCardData;
  }
}
