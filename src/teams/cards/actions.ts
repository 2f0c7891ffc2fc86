// The data of cards/actions.json (/actions and its pages) and the functions building and rendering it.
// Display-ready values (cards.ts says what every card's data must be).
import { listActions, type ActionsResult } from '../../app/list-actions.js';
import type { ActionItem as DomainAction } from '../../domain/actions.js';
import { diffDays } from '../../domain/calendar.js';
import { formatDate } from '../../domain/dates-format.js';
import { isGuestStaff } from '../../domain/guests.js';
import { DUTY_IDS, type DutyId } from '../../domain/liaison.js';
import type { ChildDoc } from '../../store/documents.js';
import type { ActionButton, PagerData } from '../card-parts.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import type { ListViewer } from '../presenters/common.js';
import { childLabel, ENGLISH, formatBookingStart, overdueText } from '../presenters/labels.js';
import { dateLocale, type Language, type MessageKey, type Translate } from '../i18n/translate.js';
import { coverOn } from '../../domain/cover.js';
import { clip, pageOf, pager } from '../presenters/paging.js';
import { LIAISON_VERBS } from './liaison.js';
import { planTaskText } from '../presenters/plan-case.js';

export interface ActionItem {
  /** "Book review", "Overdue review", "Distribute record", ... */
  kind: string;
  child: string;
  /** What to do, one sentence. */
  what: string;
  /** "by Tue 24 Nov 2026" */
  deadline: string;
  isOverdue: boolean;
  /** "3 days overdue"; '' when not overdue. */
  overdueText: string;
  /** Open/Do buttons: every item has a way to get it done (issue 11: no dead ends). */
  buttons: ActionButton[];
}

export interface ActionsCardData extends PagerData {
  /** "Your actions" */
  title: string;
  subtitle: string;
  /** Oldest deadline first (the caller sorts). */
  items: ActionItem[];
  emptyText: string;
}

const KIND_TEXT: Readonly<Record<DomainAction['kind'], MessageKey>> = {
  'overdue-review': 'actions.kind.overdue-review',
  'book-review': 'actions.kind.book-review',
  'distribute-record': 'actions.kind.distribute-record',
  'decide-reschedule': 'actions.kind.decide-reschedule',
  'participation-checklist': 'practice.actions.kind.participation',
  'resolution-acknowledge': 'actions.kind.resolution-acknowledge',
  'resolution-respond': 'actions.kind.resolution-respond',
  'resolution-review': 'actions.kind.resolution-review',
  'resolution-overdue': 'actions.kind.resolution-overdue',
  'resolution-follow-up': 'actions.kind.resolution-follow-up',
  liaison: 'actions.kind.liaison',
  'resolution-arrange-meeting': 'meeting.action.arrange.kind',
  'resolution-meeting-outcome': 'meeting.action.outcome.kind',
  'plan-action': 'plan.task.action.kind',
  'plan-record': 'plan.task.record.kind',
  'plan-midway': 'plan.task.midway.kind',
};

/** `/actions` and its pages (20 items a page, oldest deadline first). */
export async function actionsCard(viewer: ListViewer, page: number): Promise<AdaptiveCardJson> {
  return renderCard('actions', actionsCardData(viewer, await listActions(viewer.deps, viewer.actor), page));
}

export function actionsCardData(ctx: ListViewer, result: ActionsResult, page: number): ActionsCardData {
  const { t } = ctx;
  const dates = dateLocale(ctx.language);
  const guest = isGuestStaff(ctx.actor);
  const item = (a: DomainAction): ActionItem => {
    const child = result.children.get(a.childRef) as ChildDoc;
    const late = a.overdue ? diffDays(result.today, a.deadline) : 0;
    return {
      kind: t(KIND_TEXT[a.kind]),
      // A guest (Guardian) sees ref and initials only, as in their liaison threads.
      child: clip(childLabel(child, ctx.showChildNames && !guest)),
      what: coveringNote(
        a,
        child,
        result.today,
        planTaskText({ t, language: ctx.language }, a, child) ?? actionText(a, ctx.deps.tzName, t, ctx.language),
        result,
        ctx.t,
      ),
      deadline: t('card.by-date', { date: formatDate(a.deadline, dates) }),
      isOverdue: a.overdue,
      overdueText: overdueText(late, t),
      buttons: buttonsFor(a, t),
    };
  };
  const items = (n: number) => t('card.count.items', { count: n });
  return {
    title: guest ? t('actions.title.guest') : t('actions.title'),
    subtitle: result.scope === 'service' ? t('actions.subtitle.service', { items: items(result.items.length) })
      : items(result.items.length),
    items: pageOf(result.items, page, '/actions').map(item),
    emptyText: result.scope === 'none' ? t('actions.empty.none') : t('actions.empty.done'),
    ...pager({ list: 'actions', scope: 'own', window: '' }, page, result.items.length, items, t),
  };
}

function liaisonWhat(a: DomainAction, t: Translate): string {
  const duty = (DUTY_IDS as readonly string[]).includes(a.duty ?? '') ? (a.duty as DutyId) : 'L10';
  return t('duty.line', { duty, title: t(`duty.${duty}.title`), action: t(`duty.${duty}.action`) });
}

/**
 * The button that gets each item done (issue 11: no dead ends). Each verb re-checks who may act, so a
 * button is a shortcut, never a permission: a form (book, reschedule), the card to decide or answer
 * (re-sent for whoever clicks), or the step itself (record distributed).
 */
export function buttonsFor(a: DomainAction, t: Translate = ENGLISH): ActionButton[] {
  const ref = a.childRef;
  switch (a.kind) {
    case 'book-review':
      return [{ title: t('card.button.book'), verb: 'review.book.form', data: { ref } }];
    case 'overdue-review':
      return a.bookingId
        ? [{ title: t('card.button.reschedule'), verb: 'review.reschedule.form', data: { ref, bookingId: a.bookingId } }]
        : [{ title: t('card.button.book'), verb: 'review.book.form', data: { ref } }];
    case 'distribute-record':
      return [{ title: t('actions.button.distributed'), verb: 'review.record.distributed', data: { ref, reviewId: a.subject } }];
    case 'decide-reschedule':
      return [{ title: t('actions.button.open-request'), verb: 'review.reschedule.view', data: { ref, requestId: a.subject } }];
    case 'participation-checklist':
      return [{ title: t('practice.button.participation'), verb: 'participation.view', data: { ref } }];
    case 'resolution-acknowledge':
    case 'resolution-respond':
    case 'resolution-review':
    case 'resolution-overdue':
    case 'resolution-follow-up':
    case 'resolution-arrange-meeting':
    case 'resolution-meeting-outcome':
      return [{ title: t('card.button.open'), verb: 'resolution.view', data: { ref, id: a.subject } }];
    case 'liaison':
      return [{ title: t('card.button.open'), verb: LIAISON_VERBS.view, data: { ref, duty: a.duty ?? '', subject: a.subject } }];
    case 'plan-action':
    case 'plan-record':
    case 'plan-midway':
      return [{ title: t('card.button.open'), verb: 'plan.view', data: { ref } }];
  }
}

function actionText(a: DomainAction, tzName: string, t: Translate, language: Language): string {
  const resolution = { id: a.subject, stage: a.stage ?? '' };
  switch (a.kind) {
    case 'overdue-review':
      return a.bookedStart
        ? t('actions.what.overdue-booked', { when: formatBookingStart(a.bookedStart, tzName, t), review: a.subject })
        : t('actions.what.overdue-not-booked', { review: a.subject });
    case 'book-review':
      return t('actions.what.book-review', { review: a.subject });
    case 'distribute-record':
      return t('actions.what.distribute-record', { review: a.subject });
    case 'decide-reschedule':
      return t('actions.what.decide-reschedule', { request: a.subject });
    case 'participation-checklist':
      return t('practice.actions.what.participation', {
        count: a.openItems ?? 0,
        date: formatDate(a.deadline, dateLocale(language)),
      });
    case 'resolution-acknowledge':
      return t('actions.what.resolution-acknowledge', resolution);
    case 'resolution-respond':
      return t('actions.what.resolution-respond', resolution);
    case 'resolution-review':
      return t('actions.what.resolution-review', resolution);
    case 'resolution-overdue':
      return t('actions.what.resolution-overdue', resolution);
    case 'resolution-follow-up':
      return t('actions.what.resolution-follow-up', resolution);
    case 'resolution-arrange-meeting':
      return t('meeting.action.arrange.text', { id: a.subject, stage: a.stage ?? '' });
    case 'resolution-meeting-outcome':
      return t('meeting.action.outcome.text', { id: a.subject });
    case 'liaison':
      return liaisonWhat(a, t);
    case 'plan-action':
    case 'plan-record':
    case 'plan-midway':
      return a.subject;
  }
}

/** CV1: a review the reader books or chases while covering for its absent IRO says so. */
function coveringNote(
  a: DomainAction,
  child: ChildDoc,
  today: string,
  what: string,
  result: ActionsResult,
  t: Translate,
): string {
  if (a.kind !== 'book-review' && a.kind !== 'overdue-review') return what;
  const cover = coverOn(child.cover, today);
  const name = cover ? result.coveredFor.get(cover.forIroId) : undefined;
  return name === undefined ? what : t('practice.actions.covering', { what, name: clip(name) });
}

declare module '../cards.js' {
  interface CardTemplates {
    'actions': ActionsCardData;
  }
}
