// Gwrthod meysydd cerdyn (gwiriadau zod yn src/teams/card-verbs/, issue 13).
import type { errorsFieldsEn } from '../en/errors-fields.js';

const BOOKING_FIELD =
  "{field, select, ref {cyfeirnod yr achos} date {dyddiad} time {amser dechrau} venue {lleoliad} heldOn {dyddiad cynnal} reviewId {adolygiad} requestId {cais} bookingId {trefniant} mode {beth i'w wneud} other {gwerth}}";

export const errorsFieldsCy: Readonly<Record<keyof typeof errorsFieldsEn, string>> = {
  'errors.field.booking-missing': `mae'r ${BOOKING_FIELD} ar goll — ni newidiwyd dim`,
  'errors.field.booking-invalid': `${BOOKING_FIELD}: {problem, select, reference {nid yw'n gyfeirnod achos} missing {ar goll} date {dewiswch ddyddiad} time {dewiswch amser dechrau} other {ddim yn ddilys}} — ni newidiwyd dim`,
  'errors.field.liaison':
    "gwiriwch {field, select, startedOn {y dyddiad y dechreuodd yr achos llys} guardianAppointedOn {y dyddiad y penodwyd y Gwarcheidwad} irhDate {dyddiad y Gwrandawiad Datrys Materion} finalHearingDate {dyddiad y gwrandawiad terfynol} concludedOn {y dyddiad y daeth yr achos llys i ben} courtDocsReceivedOn {y dyddiad y cafodd yr adran gyfreithiol ddogfennau'r llys} intervalDays {y dyddiau rhwng trafodaethau (7 i 182)} outcome {y canlyniad} guardianId {y Gwarcheidwad} legalContactId {y cyswllt cyfreithiol} other {y ffurflen}}: mae dyddiadau ar ffurf BBBB-MM-DD; ni newidiwyd dim", // translator: confirm "Gwrandawiad Datrys Materion" (IRH)
  'errors.invoke.guest': 'Nid yw hynny ar gael i chi: {reason}.',
  'errors.invoke.unknown-verb': "Mae'r cerdyn hwn wedi dyddio neu nid fy un i ydyw; ni newidiwyd dim.",
  'message.too-large.title': "Mae'r ateb hwn yn rhy hir i Teams",
  'message.too-large.text':
    "Byddai'n fwy nag y mae Teams yn ei dderbyn, felly nid wyf wedi'i anfon. Gofynnwch am lai: cyfnod byrrach (/dyledus heddiw), un person (/dyledus yr wythnos hon ar gyfer PERSON), neu eich rhestr eich hun.", // translator: confirm the /dyledus window words
};
