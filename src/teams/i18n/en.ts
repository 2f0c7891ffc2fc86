// The English message catalogue (issue 13). ICU MessageFormat through intl-messageformat; cy.ts holds the
// same keys with the same placeholders (test/teams/i18n-catalogue.spec.ts). Keys are grouped by where
// the words appear; a new user-facing string is a new key here and in cy.ts, never a literal elsewhere.
import { errorsEn } from './en/errors.js';
import { repliesEn } from './en/replies.js';
import { digestEn } from './en/digest.js';
import { bookingEn } from './en/booking.js';
import { manifestEn } from './en/manifest.js';
import { noticesEn } from './en/notices.js';
import { errorsBookingEn } from './en/errors-booking.js';
import { errorsMoreEn } from './en/errors-more.js';
import { errorsHistoryEn } from './en/errors-history.js';
import { errorsImportEn } from './en/errors-import.js';
import { errorsDatesEn } from './en/errors-dates.js';
import { errorsStoreEn } from './en/errors-store.js';
import { withheldEn } from './en/withheld.js';
import { errorsResolutionEn } from './en/errors-resolution.js';
import { errorsAppEn } from './en/errors-app.js';
import { errorsMeetingEn } from './en/errors-meeting.js';
import { errorsPlanEn } from './en/errors-plan.js';
import { eligibilityEn } from './en/eligibility.js';
import { errorsFieldsEn } from './en/errors-fields.js';
import { referralEn } from './en/referral.js';
import { liaisonEn } from './en/liaison.js';
import { cardsCommonEn } from './en/cards-common.js';
import { cardsDueEn } from './en/cards-due.js';
import { cardsCaseloadEn } from './en/cards-caseload.js';
import { cardsHelpEn } from './en/cards-help.js';
import { cardsActionsEn } from './en/cards-actions.js';
import { cardsCaseEn } from './en/cards-case.js';
import { cardsDutiesEn } from './en/cards-duties.js';
import { cardsDueReasonEn } from './en/cards-due-reason.js';
import { cardsResolutionsEn } from './en/cards-resolutions.js';
import { cardsResolutionEn } from './en/cards-resolution.js';
import { cardsFormsEn } from './en/cards-forms.js';
import { cardsNotifyEn } from './en/cards-notify.js';
import { cardsRaiseEn } from './en/cards-raise.js';
import { cardsLiaisonFormEn } from './en/cards-liaison-form.js';
import { cardsImportEn } from './en/cards-import.js';
import { participationEn } from './en/participation.js';
import { practiceEn } from './en/practice.js';
import { meetingsEn } from './en/meetings.js';
import { planEn } from './en/plan.js';
import { eventsEn } from './en/events.js';

import { cardsReportEn } from './en/cards-report.js';
import { cardsVerbsEn } from './en/cards-verbs.js';
export const en = {
  ...errorsEn,
  ...repliesEn,
  ...digestEn,
  ...bookingEn,
  ...manifestEn,

  ...noticesEn,
  ...errorsBookingEn,
  ...errorsMoreEn,
  ...errorsHistoryEn,
  ...errorsImportEn,
  ...errorsDatesEn,
  ...errorsStoreEn,
  ...withheldEn,
  ...errorsResolutionEn,
  ...errorsFieldsEn,
  ...errorsAppEn,
  ...errorsMeetingEn,
  ...errorsPlanEn,
  ...eligibilityEn,
  ...referralEn,
  ...liaisonEn,
  'language.name': 'English',
  'language.chosen': 'I will write to you in English from now on.',
  'language.channel-chosen': 'I will write in this channel in {language}.',
  'language.both': 'Welsh first, then English',
  'language.usage': 'Say which language: /language english or /language welsh.',

  'help.title': 'IRO Bot commands',
  'help.intro': 'Type a command here, or @mention IRO Bot in a channel. The slash is optional.',

  'error.title.invalid-input': "I couldn't follow that",
  'error.title.forbidden': "That's not available to you",
  'error.title.not-found': 'Not found',
  'error.title.conflict': 'Already changed',
  'error.title.ineligible-iro': 'Not allowed (W54.3)',
  'error.title.store-unavailable': 'Not saved',
  'error.problem.in-past': 'That time has passed',
  'error.problem.not-working-day': 'Not a working day',
  'error.problem.clash': 'That time is taken',
  'error.problem.day-full': 'That day is full',
  'error.problem.needs-reason': 'Outside timescale: a reason is needed',
  'error.problem.comment-required': 'A comment is needed',
  'error.problem.already-booked': 'Already booked',
  'error.problem.future-date': 'That date is in the future',
  'error.problem.no-review-due': 'No review is due',
  'error.problem.reason-required': 'A reason is needed',
  'error.problem.slot-required': 'Choose a slot or a date',
  'error.problem.nothing-to-change': 'Nothing to change',
  'error.problem.date-order': 'Those dates do not fit',
  'error.problem.missing': 'Something is missing',
  'error.try': 'Try: {example}',
  'error.unexpected.title': 'Something went wrong on my side',
  'error.unexpected.text':
    'Nothing was changed. Please try again; if it keeps happening, tell your administrator (reference {reference}).',
  'error.not-registered.title': 'Not registered',
  'error.not-registered.text': "You're not registered with the IRO service — ask your administrator.",
  'error.unknown-command.title': "I don't know that command",
  'error.unknown-command.named': 'There is no command "{name}". Type /help to see what I can do.',
  'error.unknown-command.unnamed': 'Type a command, or /help to see what I can do.',
  'error.unknown-command.example': 'Try: /due this week',
  'error.too-long.title': 'That message is too long',
  'error.too-long.text':
    'That message is {length, plural, one {# character} other {# characters}}; I read commands up to {limit, number}. Nothing was done.',
  'error.too-long.example': 'Try: /help',
  ...cardsCommonEn,
  ...cardsDueEn,
  ...cardsCaseloadEn,
  ...cardsHelpEn,
  ...cardsActionsEn,
  ...cardsCaseEn,
  ...cardsDutiesEn,
  ...cardsDueReasonEn,
  ...cardsResolutionsEn,
  ...cardsResolutionEn,
  ...cardsFormsEn,
  ...cardsNotifyEn,
  ...cardsRaiseEn,
  ...cardsLiaisonFormEn,
  ...cardsImportEn,
  ...participationEn,
  ...practiceEn,
  ...meetingsEn,
  ...planEn,
  ...eventsEn,
  ...cardsReportEn,
  ...cardsVerbsEn,
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
