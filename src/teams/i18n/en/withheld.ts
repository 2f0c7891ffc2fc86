// What the audience gate tells an IRO or the admins when it withholds a message (src/jobs/audience-gate.ts,
// issue 13).
export const withheldEn = {
  'withheld.kind':
    '{kind, select, service_digest {the weekly service digest} iro_digest {a weekly digest} review_reminder {a review reminder} record_reminder {a review record reminder} review_booking {a booking card} reschedule_approval {a reschedule approval card} resolution_card {a resolution card} resolution_reminder {a resolution reminder} resolution_escalation_prompt {a resolution escalation prompt} child_notice {a notice} import_report {a case system import report} participation_reminder {a participation checklist reminder} liaison {a liaison message} other {a message}}',
  'withheld.where':
    '{where, select, personal {a personal chat} group_chat {a group chat} channel {a channel} other {the {name}}}',
  'withheld.iro.title': 'Not posted · {names}',
  'withheld.iro.summary': 'Not posted · {refs}',
  'withheld.iro.text':
    "I did not post {label} about {count, plural, one {this child} other {these children}} in {where}: {why, select, names {it shows a child's full name, and names are not shown in shared conversations here} other {someone there is a guest who is not {count, plural, one {this child's Guardian} other {the Guardian of every one of these children}}}}. Check who is in that conversation (a liaison channel must have its own Guardian as its only guest); an administrator can see it in /setup status.",
  'withheld.admin.title': 'Not posted: a guest is present',
  'withheld.admin.text':
    'I did not post {label}{known, select, yes { (about {count, plural, one {# child} other {# children}})} other {}} in {where}: {why, select, names {it shows full names, which are not shown in shared conversations here} other {someone there is a guest who may not see it. Remove the guest, or give that purpose to a channel without guests (/setup)}}. /setup status lists what was withheld.',
} as const;
