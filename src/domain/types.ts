// Shared vocabulary of the domain (docs/DOMAIN.md "Vocabularies"). Dates are ISO calendar dates
// ('YYYY-MM-DD', Europe/London); instants (booking starts) are ISO strings with offset.

export const TRACKS = ['cla', 'short-breaks', 'ifst'] as const;
export type Track = (typeof TRACKS)[number];

export const LEGAL_STATUSES = [
  'interim-care-order',
  'care-order',
  'accommodated-s76',
  'placement-order',
  'remanded',
  'short-breaks',
  'ifst-family-plan',
] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

export const EVENT_TYPES = [
  'became-looked-after',
  'unplanned-placement-change',
  'placed-for-adoption',
  'short-breaks-started',
  'ifst-intensive-started',
  'ceased-looked-after',
  'review-brought-forward',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const BRING_FORWARD_REASONS = [
  'plan-change',
  'safety',
  'plan-not-implemented',
  'child-request',
  'absence',
  'ifst-referral',
  'remand-ending',
  'other',
] as const;
export type BringForwardReason = (typeof BRING_FORWARD_REASONS)[number];

export const LATE_REASONS = [
  'not-notified',
  'sw-unavailable',
  'no-allocated-sw',
  'child-or-carer-ill',
  'family-or-carer-unavailable',
  'other-agency-unavailable',
  'placement-disruption',
  'safeguarding-first',
  'other',
] as const;
export type LateReason = (typeof LATE_REASONS)[number];

export const RULE_IDS = ['W39.1', 'W39.2', 'W39.3', 'UPC', 'ADP', 'SB', 'IFST', 'FWD'] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const ROLES = [
  'iro',
  'business-support',
  'social-worker',
  'team-manager',
  'head-of-service',
  'service-director',
  'group-director',
  'chief-executive',
  'legal',
  'admin',
  'guardian',
] as const;
export type Role = (typeof ROLES)[number];

/** ISO calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface ChildEvent {
  type: EventType;
  date: IsoDate;
  /** review-brought-forward only: the earlier due-by date the IRO set. */
  dueBy?: IsoDate;
  /** review-brought-forward only. */
  reason?: BringForwardReason;
}

export interface HeldReview {
  id: string;
  heldOn: IsoDate;
  chairId?: string | null;
  combinedWithCP?: boolean;
  recordDistributedOn?: IsoDate | null;
  lateReason?: LateReason | null;
  /** Stored when the review was recorded as held; reports keep these (docs/DOMAIN.md "Dates"). */
  dueBy?: IsoDate;
  rule?: RuleId;
}

export interface Booking {
  id: string;
  /** ISO instant with offset, e.g. 2016-06-20T10:00:00+01:00 */
  start: string;
  venue?: string | null;
  /** 'held': the review was recorded as held (it may have been held before the booked date). */
  status?: 'booked' | 'cancelled' | 'adjourned' | 'held';
}

export interface Proceedings {
  startedOn: IsoDate;
  guardianId?: string | null;
  guardianAppointedOn?: IsoDate | null;
  irhDate?: IsoDate | null;
  finalHearingDate?: IsoDate | null;
  concludedOn?: IsoDate | null;
  outcome?: 'remains-looked-after' | 'leaves-care' | null;
  discussionIntervalDays?: number;
}

/** What the timescale engine needs to know about a child. */
export interface ChildHistory {
  ref: string;
  track: Track;
  events: ChildEvent[];
  reviews: HeldReview[];
}

export interface Child extends ChildHistory {
  givenName?: string | null;
  familyName?: string | null;
  dateOfBirth?: IsoDate | null;
  legalStatus?: LegalStatus | null;
  iroId: string;
  /** When the current IRO was appointed (set on reallocation); L2 counts from it (docs/DOMAIN.md). */
  iroAllocatedOn?: IsoDate | null;
  socialWorkerId?: string | null;
  socialWorkTeam?: string | null;
  /** W54.3 case roles (docs/DESIGN.md "Import format"); optional: the case system may not send them. */
  personalAdviserId?: string | null;
  visitingRepresentativeId?: string | null;
  carePlanAuthorIds?: string[] | null;
  caseManagerId?: string | null;
  resourceControllerIds?: string[] | null;
  bookings: Booking[];
  proceedings?: Proceedings | null;
}

/** The languages the bot writes (issue 13): English and Welsh. */
export type LanguageCode = 'en' | 'cy';

export interface Staff {
  id: string;
  name: string;
  roles: Role[];
  email?: string | null;
  upn?: string | null;
  aadObjectId?: string | null;
  team?: string | null;
  fte?: number | null;
  managerId?: string | null;
  external?: boolean;
  organisation?: string | null;
  nominatedSeniorOfficer?: boolean;
  /** Social work teams whose case resources this person controls (W54.3: cannot be those children's IRO). */
  controlsResourcesOf?: string[] | null;
  /** The language this person chose (/language, /iaith); unset: their Teams locale, else DEFAULT_LANGUAGE. */
  language?: LanguageCode | null;
}
