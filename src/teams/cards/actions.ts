// The data of cards/actions.json (/actions and its pages) and the functions building and rendering it.
// Display-ready values (cards.ts says what every card's data must be).
import { listActions, type ActionsResult } from '../../app/list-actions.js';
import type { ActionItem as DomainAction } from '../../domain/actions.js';
import { diffDays } from '../../domain/calendar.js';
import { formatDate } from '../../domain/dates-format.js';
import { isGuestStaff } from '../../domain/guests.js';
import { DUTIES, DUTY_IDS, type DutyId } from '../../domain/liaison.js';
import type { ChildDoc } from '../../store/documents.js';
import type { ActionButton, PagerData } from '../card-parts.js';
import { renderCard, type AdaptiveCardJson } from '../cards.js';
import type { ListViewer } from '../presenters/common.js';
import { childLabel, formatBookingStart, overdueText, plural } from '../presenters/labels.js';
import { clip, count, pageOf, pager } from '../presenters/paging.js';
import { dutyTitle, LIAISON_VERBS } from './liaison.js';
import { readerOf } from '../presenters/meeting-text.js';
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

const ENGLISH = readerOf(null);
const KIND_TEXT = {
  'overdue-review': 'Overdue review', 'book-review': 'Book review', 'distribute-record': 'Distribute record',
  'decide-reschedule': 'Approve reschedule',
  'resolution-acknowledge': 'Acknowledge resolution', 'resolution-respond': 'Answer resolution', 'resolution-review': 'Review response',
  'resolution-overdue': 'Resolution overdue', 'resolution-follow-up': 'Follow up resolution',
  'resolution-arrange-meeting': ENGLISH.t('meeting.action.arrange.kind'), 'resolution-meeting-outcome': ENGLISH.t('meeting.action.outcome.kind'),
  'plan-action': ENGLISH.t('plan.task.action.kind'), 'plan-record': ENGLISH.t('plan.task.record.kind'), 'plan-midway': ENGLISH.t('plan.task.midway.kind'),
  liaison: 'Guardian liaison',
};

/** `/actions` and its pages (20 items a page, oldest deadline first). */
export async function actionsCard(viewer: ListViewer, page: number): Promise<AdaptiveCardJson> {
  return renderCard('actions', actionsCardData(viewer, await listActions(viewer.deps, viewer.actor), page));
}

export function actionsCardData(ctx: ListViewer, result: ActionsResult, page: number): ActionsCardData {
  const guest = isGuestStaff(ctx.actor);
  const item = (a: DomainAction): ActionItem => {
    const child = result.children.get(a.childRef) as ChildDoc;
    const late = a.overdue ? diffDays(result.today, a.deadline) : 0;
    return {
      kind: KIND_TEXT[a.kind],
      // A guest (Guardian) sees ref and initials only, as in their liaison threads.
      child: clip(childLabel(child, ctx.showChildNames && !guest)),
      what: planTaskText(ENGLISH, a, child) ?? actionText(a, ctx.deps.tzName),
      deadline: `by ${formatDate(a.deadline)}`,
      isOverdue: a.overdue,
      overdueText: overdueText(late),
      buttons: buttonsFor(a),
    };
  };
  return {
    title: guest ? 'Your liaison items' : 'Your actions',
    subtitle: result.scope === 'service' ? `Reviewing service · ${plural(result.items.length, 'item')}`
      : `${plural(result.items.length, 'item')}`,
    items: pageOf(result.items, page, '/actions').map(item),
    emptyText: result.scope === 'none' ? 'Nothing for you to do at the moment.' : 'Nothing outstanding. Well done.',
    ...pager({ list: 'actions', scope: 'own', window: '' }, page, result.items.length, (n) => `${count(n)} items`),
  };
}

function liaisonWhat(a: DomainAction): string {
  const duty = (DUTY_IDS as readonly string[]).includes(a.duty ?? '') ? (a.duty as DutyId) : 'L10';
  return `${duty} · ${dutyTitle(duty)}: ${DUTIES[duty].action}`;
}

/**
 * The button that gets each item done (issue 11: no dead ends). Each verb re-checks who may act, so a
 * button is a shortcut, never a permission: a form (book, reschedule), the card to decide or answer
 * (re-sent for whoever clicks), or the step itself (record distributed).
 */
export function buttonsFor(a: DomainAction): ActionButton[] {
  const ref = a.childRef;
  switch (a.kind) {
    case 'book-review':
      return [{ title: 'Book', verb: 'review.book.form', data: { ref } }];
    case 'overdue-review':
      return a.bookingId
        ? [{ title: 'Reschedule', verb: 'review.reschedule.form', data: { ref, bookingId: a.bookingId } }]
        : [{ title: 'Book', verb: 'review.book.form', data: { ref } }];
    case 'distribute-record':
      return [{ title: 'Record distributed today', verb: 'review.record.distributed', data: { ref, reviewId: a.subject } }];
    case 'decide-reschedule':
      return [{ title: 'Open the request', verb: 'review.reschedule.view', data: { ref, requestId: a.subject } }];
    case 'resolution-acknowledge':
    case 'resolution-respond':
    case 'resolution-review':
    case 'resolution-overdue':
    case 'resolution-follow-up':
    case 'resolution-arrange-meeting':
    case 'resolution-meeting-outcome':
      return [{ title: 'Open', verb: 'resolution.view', data: { ref, id: a.subject } }];
    case 'liaison':
      return [{ title: 'Open', verb: LIAISON_VERBS.view, data: { ref, duty: a.duty ?? '', subject: a.subject } }];
    case 'plan-action':
    case 'plan-record':
    case 'plan-midway':
      return [{ title: 'Open', verb: 'plan.view', data: { ref } }];
  }
}

function actionText(a: DomainAction, tzName: string): string {
  switch (a.kind) {
    case 'overdue-review':
      return a.bookedStart ? `Review is late; booked for ${formatBookingStart(a.bookedStart, tzName)} (${a.subject})`
        : `Review is late and not booked (${a.subject}): book it now`;
    case 'book-review':
      return `Book the review (${a.subject})`;
    case 'distribute-record':
      return `Distribute the written record of review ${a.subject}`;
    case 'decide-reschedule':
      return `Approve or decline reschedule request ${a.subject}`;
    case 'resolution-acknowledge':
      return `Acknowledge resolution ${a.subject} (stage ${a.stage})`;
    case 'resolution-respond':
      return `Respond to resolution ${a.subject} (stage ${a.stage})`;
    case 'resolution-review':
      return `A response to resolution ${a.subject} arrived: resolve or escalate it`;
    case 'resolution-overdue':
      return `Resolution ${a.subject} (stage ${a.stage}) is past its deadline: consider escalating`;
    case 'resolution-follow-up':
      return `Informal resolution ${a.subject}: follow up, resolve or make it formal`;
    case 'resolution-arrange-meeting':
      return ENGLISH.t('meeting.action.arrange.text', { id: a.subject, stage: a.stage ?? '' });
    case 'resolution-meeting-outcome':
      return ENGLISH.t('meeting.action.outcome.text', { id: a.subject });
    case 'liaison':
      return liaisonWhat(a);
    case 'plan-action':
    case 'plan-record':
    case 'plan-midway':
      return a.subject;
  }
}

declare module '../cards.js' {
  interface CardTemplates {
    'actions': ActionsCardData;
  }
}
