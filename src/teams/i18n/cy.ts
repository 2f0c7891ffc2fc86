// Y catalog negeseuon Cymraeg (issue 13): the same keys and placeholders as en.ts. Welsh counts with the
// singular noun after a numeral ("5 nod"), so most plurals differ only by the number; the six CLDR
// categories are written where the words change. docs/GLOSSARY.md lists the terms a translator should confirm.
import type { MessageKey } from './en.js';
import { errorsCy } from './cy/errors.js';
import { repliesCy } from './cy/replies.js';
import { digestCy } from './cy/digest.js';
import { bookingCy } from './cy/booking.js';
import { manifestCy } from './cy/manifest.js';
import { noticesCy } from './cy/notices.js';
import { errorsBookingCy } from './cy/errors-booking.js';
import { errorsMoreCy } from './cy/errors-more.js';
import { errorsHistoryCy } from './cy/errors-history.js';
import { errorsImportCy } from './cy/errors-import.js';
import { errorsDatesCy } from './cy/errors-dates.js';
import { errorsStoreCy } from './cy/errors-store.js';
import { withheldCy } from './cy/withheld.js';
import { errorsResolutionCy } from './cy/errors-resolution.js';
import { errorsAppCy } from './cy/errors-app.js';
import { errorsMeetingCy } from './cy/errors-meeting.js';
import { errorsPlanCy } from './cy/errors-plan.js';
import { eligibilityCy } from './cy/eligibility.js';
import { errorsFieldsCy } from './cy/errors-fields.js';
import { referralCy } from './cy/referral.js';
import { liaisonCy } from './cy/liaison.js';
import { cardsCommonCy } from './cy/cards-common.js';
import { cardsDueCy } from './cy/cards-due.js';
import { cardsCaseloadCy } from './cy/cards-caseload.js';
import { cardsHelpCy } from './cy/cards-help.js';
import { cardsActionsCy } from './cy/cards-actions.js';
import { cardsCaseCy } from './cy/cards-case.js';
import { cardsDutiesCy } from './cy/cards-duties.js';
import { cardsDueReasonCy } from './cy/cards-due-reason.js';
import { cardsResolutionsCy } from './cy/cards-resolutions.js';
import { cardsResolutionCy } from './cy/cards-resolution.js';
import { cardsFormsCy } from './cy/cards-forms.js';
import { cardsNotifyCy } from './cy/cards-notify.js';
import { cardsRaiseCy } from './cy/cards-raise.js';
import { cardsLiaisonFormCy } from './cy/cards-liaison-form.js';
import { cardsImportCy } from './cy/cards-import.js';
import { cardsReportCy } from './cy/cards-report.js';
import { cardsVerbsCy } from './cy/cards-verbs.js';

import { participationCy } from './cy/participation.js';
import { practiceCy } from './cy/practice.js';
import { meetingsCy } from './cy/meetings.js';
import { planCy } from './cy/plan.js';
import { eventsCy } from './cy/events.js';

export const cy: Readonly<Record<MessageKey, string>> = {
  ...errorsCy,
  ...repliesCy,
  ...digestCy,
  ...bookingCy,
  ...manifestCy,

  ...noticesCy,
  ...errorsBookingCy,
  ...errorsMoreCy,
  ...errorsHistoryCy,
  ...errorsImportCy,
  ...errorsDatesCy,
  ...errorsStoreCy,
  ...withheldCy,
  ...errorsResolutionCy,
  ...errorsFieldsCy,
  ...errorsAppCy,
  ...errorsMeetingCy,
  ...errorsPlanCy,
  ...eligibilityCy,
  ...referralCy,
  ...liaisonCy,
  'language.name': 'Cymraeg',
  'language.chosen': 'Byddaf yn ysgrifennu atoch chi yn Gymraeg o hyn ymlaen.',
  'language.channel-chosen': 'Byddaf yn ysgrifennu yn y sianel hon yn {language}.',
  'language.both': 'Cymraeg yn gyntaf, yna Saesneg',
  'language.usage': 'Dywedwch pa iaith: /iaith cymraeg neu /iaith saesneg.',

  'help.title': 'Gorchmynion IRO Bot',
  'help.intro': "Teipiwch orchymyn yma, neu @soniwch am IRO Bot mewn sianel. Does dim rhaid teipio'r slaes.",

  'error.title.invalid-input': 'Doeddwn i ddim yn deall hynny',
  'error.title.forbidden': 'Dydy hynny ddim ar gael i chi',
  'error.title.not-found': 'Heb ei ganfod',
  'error.title.conflict': 'Wedi newid yn barod',
  'error.title.ineligible-iro': 'Dim caniatâd (W54.3)',
  'error.title.store-unavailable': 'Heb ei gadw',
  'error.problem.in-past': "Mae'r amser hwnnw wedi mynd heibio",
  'error.problem.not-working-day': "Nid yw'n ddiwrnod gwaith",
  'error.problem.clash': "Mae'r amser hwnnw wedi'i gymryd",
  'error.problem.day-full': "Mae'r diwrnod hwnnw'n llawn",
  'error.problem.needs-reason': "Y tu allan i'r amserlen: mae angen rheswm",
  'error.problem.comment-required': 'Mae angen sylw',
  'error.problem.already-booked': "Wedi'i drefnu'n barod",
  'error.problem.future-date': "Mae'r dyddiad hwnnw yn y dyfodol",
  'error.problem.no-review-due': 'Does dim adolygiad yn ddyledus',
  'error.problem.reason-required': 'Mae angen rheswm',
  'error.problem.slot-required': 'Dewiswch slot neu ddyddiad',
  'error.problem.nothing-to-change': 'Dim byd i’w newid',
  'error.problem.date-order': "Dydy'r dyddiadau hynny ddim yn cyd-fynd",
  'error.problem.missing': 'Mae rhywbeth ar goll',
  'error.try': 'Rhowch gynnig ar: {example}',
  'error.unexpected.title': 'Aeth rhywbeth o’i le ar fy ochr i',
  'error.unexpected.text':
    "Ni newidiwyd dim. Rhowch gynnig arall arni; os yw'n dal i ddigwydd, dywedwch wrth eich gweinyddwr (cyfeirnod {reference}).",
  'error.not-registered.title': 'Heb gofrestru',
  'error.not-registered.text': "Dydych chi ddim wedi cofrestru gyda'r gwasanaeth IRO — gofynnwch i'ch gweinyddwr.",
  'error.unknown-command.title': 'Dydw i ddim yn adnabod y gorchymyn hwnnw',
  'error.unknown-command.named': 'Does dim gorchymyn "{name}". Teipiwch /cymorth i weld beth alla i ei wneud.',
  'error.unknown-command.unnamed': 'Teipiwch orchymyn, neu /cymorth i weld beth alla i ei wneud.',
  'error.unknown-command.example': 'Rhowch gynnig ar: /dyledus yr wythnos hon',
  'error.too-long.title': "Mae'r neges honno'n rhy hir",
  'error.too-long.text':
    "Mae gan y neges honno {length, plural, zero {# nod} one {# nod} two {# nod} few {# nod} many {# nod} other {# nod}}; rwy'n darllen gorchmynion hyd at {limit, number} nod. Ni wnaed dim.",
  'error.too-long.example': 'Rhowch gynnig ar: /cymorth',
  ...cardsCommonCy,
  ...cardsDueCy,
  ...cardsCaseloadCy,
  ...cardsHelpCy,
  ...cardsActionsCy,
  ...cardsCaseCy,
  ...cardsDutiesCy,
  ...cardsDueReasonCy,
  ...cardsResolutionsCy,
  ...cardsResolutionCy,
  ...cardsFormsCy,
  ...cardsNotifyCy,
  ...cardsRaiseCy,
  ...cardsLiaisonFormCy,
  ...cardsImportCy,
  ...participationCy,
  ...practiceCy,
  ...meetingsCy,
  ...planCy,
  ...eventsCy,
  ...cardsReportCy,
  ...cardsVerbsCy,
};
