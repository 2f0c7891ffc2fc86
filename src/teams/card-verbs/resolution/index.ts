// The resolution card verbs (one file each); the registry spreads this list.
import type { CardVerb } from '../action-spec.js';
import { resolutionAcknowledge } from './acknowledge.js';
import { resolutionEscalate } from './escalate.js';
import { resolutionNotifyOfficer } from './notify-officer.js';
import { resolutionRaise } from './raise.js';
import { resolutionRefer } from './refer.js';
import { resolutionReferralItem } from './referral-item.js';
import { resolutionResolve } from './resolve.js';
import { resolutionRespond } from './respond.js';
import { resolutionView } from './view.js';
import { MEETING_ACTIONS } from './meeting.js';

export const RESOLUTION_ACTIONS: readonly CardVerb[] = [
  resolutionRaise,
  resolutionView,
  resolutionAcknowledge,
  resolutionRespond,
  resolutionResolve,
  resolutionEscalate,
  resolutionNotifyOfficer,
  resolutionRefer,
  resolutionReferralItem,
  ...MEETING_ACTIONS,
];
