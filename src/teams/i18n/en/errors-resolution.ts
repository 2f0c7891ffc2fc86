// Refusals of liaison, resolutions, compliments and import conflicts (AppError userMessage keys, issue 13).
export const errorsResolutionEn = {
  'errors.liaison.not-for-you': '/liaison is for IROs, business support and legal',
  'errors.liaison.started-needed': 'give the date the proceedings started',
  'errors.liaison.guardian-needed': 'choose a Guardian from the staff directory',
  'errors.liaison.remains-needed': 'say whether the child remains looked after',
  'errors.liaison.legal-needed': 'choose a legal contact from the staff directory',
  'errors.liaison.docs-already': 'court documents received on {whenDate} are already recorded',
  'errors.liaison.nothing-to-save': 'there is nothing to save',
  'errors.liaison.future-discussion': 'a discussion cannot be recorded for a future date',
  'errors.liaison.not-applicable-only': 'only the contact arrangements can be marked not applicable',
  'errors.liaison.already-done': 'this was already done by {who}{whenDate, select, none {} other { on {whenDate}}}',
  'errors.resolution.unknown': 'no resolution {id} for {ref}',
  'errors.resolution.raise-not-yours': "only {ref}'s IRO can raise a resolution for them",
  'errors.resolution.no-addressee': '{ref} has no allocated social worker or team manager to address this to',
  'errors.resolution.ack-not-yours':
    'only the social worker or manager this resolution is addressed to can acknowledge it',
  'errors.resolution.respond-not-yours':
    'only the person this resolution is addressed to, or their manager, can respond to it',
  'errors.resolution.ack-first': 'acknowledge the resolution first, then respond',
  'errors.resolution.action-date': 'the agreed action "{text}" needs a date',
  'errors.resolution.no-senior-officer':
    'no nominated senior officer is marked in the staff directory; ask your administrator',
  'errors.resolution.notify-senior-first': 'notify the nominated senior officer before recording a Cafcass referral',
  'errors.resolution.cut-short-why': 'the process has not reached stage {stage, number}: say why it is being cut short',
  'errors.resolution.not-referred': 'this resolution has not been referred to Cafcass',
  'errors.resolution.not-pack-item': 'that is not an item of the referral pack',
  'errors.resolution.last-stage': 'this is the last stage; the next step is a Cafcass referral',
  'errors.resolution.stage-after': 'choose a stage after the current one ({first, number}–{last, number})',
  'errors.resolution.skip-why': 'skipping {count, plural, one {stage {stages}} other {stages {stages}}} needs a reason',
  'errors.resolution.theme': 'choose a theme: {themes}',
  'errors.resolution.stage-one': 'a resolution is raised as informal or formal (stage 1); escalate it later',
  'errors.resolution.by-when-not-date': 'the "by when" date is not a date',
  'errors.resolution.by-when-past': 'the "by when" date is in the past',
  'errors.resolution.no-stage': 'there is no resolution stage {stage}',
  'errors.resolution.iro-only':
    "only {ref}'s IRO can {what, select, notify {notify the senior officer} refer {refer this resolution to Cafcass} pack {update the referral pack} resolve {resolve this resolution} escalate {escalate this resolution} other {do that}}",
  'errors.resolution.text-needed':
    '{what, select, summary {a summary} ask {what you ask for} note {a note for the senior officer} outcome {the outcome} response {a response} other {some text}} is needed',
  'errors.resolution.text-too-long':
    '{what, select, summary {a summary} ask {what you ask for} note {a note for the senior officer} outcome {the outcome} response {a response} other {the text}} is too long (at most {max, number} characters)',
  'errors.compliment.iro-only': 'only IROs record compliments',
  'errors.compliment.what': 'say what the compliment is for',
  'errors.compliment.too-long': 'the compliment is too long (at most 1000 characters)',
  'errors.compliment.self': "a compliment is about someone else's practice",
  'errors.sync.conflict-closed':
    'that conflict is not open for this case (it may be from an older report); nothing was changed',
  'errors.sync.admin-only':
    'only an administrator settles a conflict between the case system and Teams; nothing was changed',
} as const satisfies Record<string, string>;
