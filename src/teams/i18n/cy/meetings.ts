// RS2 cyfarfodydd datrys (issue 15). Same keys and placeholders as ../en/meetings.ts.
import type { meetingsEn } from '../en/meetings.js';

export const meetingsCy: Readonly<Record<keyof typeof meetingsEn, string>> = {
  'meeting.button.arrange': "Trefnu'r cyfarfod",
  'meeting.button.rearrange': "Aildrefnu'r cyfarfod",
  'meeting.button.outcome': 'Cofnodi canlyniad y cyfarfod',
  'meeting.card.title': 'Cyfarfod datrys · {resolution} · {child}', // translator: confirm "cyfarfod datrys"
  'meeting.card.stage': "{stage}: wedi'i gydlynu gan y tîm adolygu",
  'meeting.card.not-arranged': "Heb ei drefnu eto: i'w drefnu erbyn {date}.",
  'meeting.card.arranged': '{when} yn {venue}, dan gadeiryddiaeth {chair}. Canlyniad erbyn {date}.',
  'meeting.card.attendees': "Wedi'u gwahodd: {names}",
  'meeting.card.others': 'Hefyd yn bresennol: {others}',
  'meeting.card.saved-arranged': "Wedi'i drefnu; mae'r rhai sy'n dod wedi cael gwybod yn eu sgwrs bersonol.",
  'meeting.form.date': 'Dyddiad',
  'meeting.form.time': 'Amser (AA:MM)',
  'meeting.form.venue': 'Lleoliad',
  'meeting.form.chair': 'Cadeirydd',
  'meeting.form.attendees': "Staff wedi'u gwahodd (mae'r SAA bob amser)", // translator: confirm SAA for IRO
  'meeting.form.others': 'Eraill yn bresennol (dewisol, e.e. gofalwr maeth)',
  'meeting.form.arrange': "Trefnu a rhoi gwybod i'r rhai sy'n dod",
  'meeting.form.decision': 'Beth a benderfynodd y cyfarfod',
  'meeting.form.notes': "Canlyniad a'r camau a gytunwyd",
  'meeting.form.record': "Cofnodi'r canlyniad",
  'meeting.decision.resolved': 'Wedi datrys',
  'meeting.decision.escalate': "Uwchgyfeirio i'r cam nesaf",
  'meeting.decision.refer': "Atgyfeirio at Cafcass Cymru (angen hysbysu'r uwch swyddog)",
  'meeting.form.required': 'Mae angen hwn',
  'meeting.state.awaiting': "Cyfarfod i'w drefnu",
  'meeting.state.arranged': "Cyfarfod wedi'i drefnu",
  'meeting.status.awaiting': "Cyfarfod datrys i'w drefnu erbyn {date}{late, select, yes { — yn hwyr} other {}}",
  'meeting.status.arranged':
    'Cyfarfod datrys ar {when} yn {venue} · canlyniad erbyn {date}{late, select, yes { — yn hwyr} other {}}',
  'meeting.fact': 'Cyfarfod',
  'meeting.next.arrange': 'Trefnu cyfarfod erbyn',
  'meeting.next.hold': 'Canlyniad y cyfarfod erbyn',
  'meeting.timeline.arranged': 'Cyfarfod datrys wedi’i drefnu ar gyfer {when} gan {name}',
  'meeting.timeline.outcome': 'Canlyniad y cyfarfod wedi’i gofnodi gan {name}: {decision}',
  'meeting.action.arrange.kind': 'Trefnu cyfarfod datrys',
  'meeting.action.outcome.kind': 'Cofnodi canlyniad cyfarfod',
  'meeting.action.arrange.text': 'Trefnu’r cyfarfod datrys ar gyfer {id} (cam {stage})',
  'meeting.action.outcome.text': 'Mae’r cyfarfod datrys ar gyfer {id} wedi’i gynnal: cofnodwch ei ganlyniad',
  'meeting.invite.title': 'Cyfarfod datrys',
  'meeting.invite.text':
    'Fe’ch gwahoddir i gyfarfod datrys am {resolution} ({stage}) ar {when} yn {venue}, dan gadeiryddiaeth {chair}. Wedi’u gwahodd: {names}.',
  'meeting.invite.rearranged':
    'Mae’r cyfarfod datrys am {resolution} ({stage}) wedi symud i {when} yn {venue}, dan gadeiryddiaeth {chair}. Wedi’u gwahodd: {names}.',
  'meeting.invite.gone':
    'Nid yw’r cyfarfod datrys hwn wedi’i drefnu mwyach; agorwch y datrysiad i weld ble mae pethau.',
  'meeting.overdue.arrange': 'Roedd y cyfarfod datrys i’w drefnu erbyn {date}: trefnwch ef, neu {offer}',
  'meeting.overdue.hold': 'Roedd canlyniad y cyfarfod datrys i fod erbyn {date}: cofnodwch ef, neu {offer}',
};
