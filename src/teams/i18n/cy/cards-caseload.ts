// Cerdyn /llwyth-achosion (issue 13). FTE is "CALl" (cyfwerth ag amser llawn). Counts are written as
// "Plant: 84"-style labels, so no numeral mutates a noun.
import type { cardsCaseloadEn } from '../en/cards-caseload.js';

export const cardsCaseloadCy: Readonly<Record<keyof typeof cardsCaseloadEn, string>> = {
  'caseload.title.iro': 'Llwyth achosion: {name}',
  'caseload.title.team': 'Llwyth achosion: y gwasanaeth adolygu',
  'caseload.team.due-soon': "adolygiadau'n ddyledus yn ystod y {days, number} diwrnod nesaf: {count, number}",
  // translator: confirm "CALl" for FTE
  'caseload.band': 'Band Cymru: {low, number}–{high, number} o blant i bob CALl',
  'caseload.fte-not-recorded': 'heb ei gofnodi',
  'caseload.band.below': "Islaw'r band",
  'caseload.band.within': 'O fewn y band',
  'caseload.band.above': 'Uwchben y band',
  'caseload.band.no-fte': "Dim CALl wedi'i gofnodi",
  'caseload.word.below': 'Islaw',
  'caseload.word.within': 'O fewn',
  'caseload.word.above': 'Uwchben',
  'caseload.word.no-fte': 'Dim CALl',
  'caseload.external': 'Allanol',
  'caseload.totals.fte': '{fte} CALl',
  'caseload.totals.per-fte': '{perFte} i bob CALl',
  'caseload.chart-title': 'Plant i bob SAA',
  'caseload.empty': "Does dim SAA wedi'u cofrestru eto.",
  'caseload.label.children': 'Plant',
  'caseload.label.fte': 'CALl',
  'caseload.label.per-fte': 'I bob CALl',
  'caseload.label.due-soon': "Adolygiadau'n ddyledus yn ystod y {days, number} diwrnod nesaf",
  'caseload.label.by-track': 'Yn ôl llwybr',
  'caseload.label.by-legal-status': 'Yn ôl statws cyfreithiol',
  'caseload.label.iro': 'SAA',
  'caseload.label.band': 'Band',
};
