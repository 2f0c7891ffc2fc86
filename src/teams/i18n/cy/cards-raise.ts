// Ffurflen /raise (issue 13): codi mater i'w ddatrys.
import type { cardsRaiseEn } from '../en/cards-raise.js';

export const cardsRaiseCy: Readonly<Record<keyof typeof cardsRaiseEn, string>> = {
  'raise.title': "Codi mater i'w ddatrys · {child}",
  'raise.to-team': 'sianel tîm gwaith cymdeithasol {team}',
  'raise.to-people': "sgyrsiau'r gweithiwr cymdeithasol a rheolwr y tîm",
  'raise.hint':
    "Mae cerdyn mater ffurfiol yn mynd i {to} gyda'r cyfeirnod achos a'r blaenlythrennau yn unig, felly ysgrifennwch y crynodeb ar gyfer y tîm hwnnw. Dim ond cael ei gofnodi y mae un anffurfiol.",
  'raise.label.theme': 'Thema',
  'raise.label.stage': 'Cam',
  'raise.label.informal': "Anffurfiol (wedi'i gofnodi; dyddiad dilyn i chi)",
  'raise.label.formal': "Ffurfiol, cam 1 (cerdyn i'r tîm gwaith cymdeithasol)",
  'raise.label.summary': "Crynodeb o'r mater",
  'raise.label.ask': 'Beth rydych chi’n gofyn amdano',
  'raise.label.ask-by': 'Erbyn pryd (dewisol)',
  'raise.error.theme': 'Dewiswch thema',
  'raise.error.stage': 'Dewiswch anffurfiol neu ffurfiol',
  'raise.error.summary': 'Ysgrifennwch grynodeb',
  'raise.error.ask': 'Dywedwch beth rydych chi’n gofyn amdano',
  'raise.button': 'Codi',
};
