// Cerdyn /camau (issue 13).
import type { cardsActionsEn } from '../en/cards-actions.js';

export const cardsActionsCy: Readonly<Record<keyof typeof cardsActionsEn, string>> = {
  'actions.kind.overdue-review': 'Adolygiad hwyr',
  'actions.kind.book-review': 'Trefnu adolygiad',
  'actions.kind.distribute-record': 'Dosbarthu cofnod',
  'actions.kind.decide-reschedule': 'Cymeradwyo aildrefnu',
  'actions.kind.resolution-acknowledge': 'Cydnabod mater i’w ddatrys', // translator: confirm "resolution"
  'actions.kind.resolution-respond': 'Ateb mater i’w ddatrys',
  'actions.kind.resolution-review': 'Adolygu ymateb',
  'actions.kind.resolution-overdue': 'Mater i’w ddatrys yn hwyr',
  'actions.kind.resolution-follow-up': 'Dilyn mater i’w ddatrys',
  'actions.kind.liaison': "Cyswllt â'r Gwarcheidwad",
  'actions.what.overdue-booked': "Mae'r adolygiad yn hwyr; wedi'i drefnu ar gyfer {when} ({review})",
  'actions.what.overdue-not-booked': "Mae'r adolygiad yn hwyr a heb ei drefnu ({review}): trefnwch ef nawr",
  'actions.what.book-review': "Trefnu'r adolygiad ({review})",
  'actions.what.distribute-record': 'Dosbarthu cofnod ysgrifenedig adolygiad {review}',
  'actions.what.decide-reschedule': 'Cymeradwyo neu wrthod cais aildrefnu {request}',
  'actions.what.resolution-acknowledge': 'Cydnabod mater {id} (cam {stage})',
  'actions.what.resolution-respond': 'Ymateb i fater {id} (cam {stage})',
  'actions.what.resolution-review': 'Cyrhaeddodd ymateb i fater {id}: datryswch ef neu ei uwchgyfeirio',
  'actions.what.resolution-overdue':
    "Mae mater {id} (cam {stage}) wedi pasio'i ddyddiad cau: ystyriwch ei uwchgyfeirio",
  'actions.what.resolution-follow-up': 'Mater anffurfiol {id}: dilynwch ef, datryswch ef neu ei wneud yn ffurfiol',
  'actions.button.distributed': "Cofnod wedi'i ddosbarthu heddiw",
  'actions.button.open-request': 'Agor y cais',
  'actions.title.guest': 'Eich eitemau cyswllt',
  'actions.title': 'Eich camau',
  'actions.subtitle.service': 'Gwasanaeth adolygu · {items}',
  'actions.empty.none': 'Dim byd i chi ei wneud ar hyn o bryd.',
  'actions.empty.done': 'Dim byd yn weddill. Da iawn.',
};
