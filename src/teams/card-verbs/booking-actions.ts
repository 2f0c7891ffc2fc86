// The booking and rescheduling verbs, listed once for the registry.
import type { CardVerb } from './action-spec.js';
import { reviewBookAction, reviewBookFormAction } from './review-book.js';
import { reviewCancelAction } from './review-cancel.js';
import { reviewHeldAction, reviewHeldCorrectAction, reviewRecordDistributedAction } from './review-held.js';
import {
  reviewRescheduleApproveAction,
  reviewRescheduleDeclineAction,
  reviewRescheduleViewAction,
} from './review-reschedule-decide.js';
import { reviewRescheduleFormAction, reviewRescheduleRequestAction } from './review-reschedule.js';

export const BOOKING_ACTIONS: readonly CardVerb[] = [
  reviewBookFormAction,
  reviewBookAction,
  reviewRescheduleFormAction,
  reviewRescheduleRequestAction,
  reviewRescheduleApproveAction,
  reviewRescheduleDeclineAction,
  reviewRescheduleViewAction,
  reviewCancelAction,
  reviewHeldAction,
  reviewHeldCorrectAction,
  reviewRecordDistributedAction,
];
