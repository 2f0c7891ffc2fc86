// Pecyn atgyfeirio Cafcass Cymru: the same keys and placeholders as en/referral.ts.
import type { referralEn } from '../en/referral.js';

export const referralCy: Readonly<Record<keyof typeof referralEn, string>> = {
  'referral.title': 'Pecyn atgyfeirio Cafcass Cymru · {id} · {child}',
  'referral.fact.referred': 'Atgyfeiriwyd',
  'referral.referred': '{at} gan {name}',
  'referral.fact.senior-officer': "Rhoddwyd gwybod i'r uwch swyddog",
  'referral.fact.cut-short': 'Cwtogwyd y broses oherwydd',
  'referral.gathered-by': 'Casglwyd gan {name}, {at}',
  'referral.not-yet': 'Dim eto',
  'referral.progress':
    "Pecyn atgyfeirio · {gathered, number} o {total, plural, zero {# eitem} one {# eitem} two {# eitem} few {# eitem} many {# eitem} other {# eitem}} wedi'u casglu",
  'referral.button.gathered': 'Wedi casglu',
  'referral.item.written-confirmation':
    "Cadarnhad ysgrifenedig o'r atgyfeiriad at gyfreithiwr ar ddyletswydd Cafcass Cymru (Llawlyfr 8.13)", // translator: confirm
  'referral.item.final-order-and-plan': 'Y gorchymyn gofal terfynol a’r cynllun gofal',
  'referral.item.guardian-report': 'Adroddiad diwethaf y Gwarcheidwad',
  'referral.item.review-records': "Cofnodion adolygu'r 12 mis diwethaf",
  'referral.item.iro-report': 'Adroddiad yr SAA ar y camau a gymerwyd',
  'referral.item.wishes-and-feelings': 'Dymuniadau a theimladau’r plentyn',
  'referral.item.professionals-contacts': 'Manylion cyswllt y gweithwyr proffesiynol',
  'referral.item.chronology': 'Cronoleg, pobl allweddol, anghenion amrywiaeth/cyfathrebu',
  'referral.item.latest-care-plan': 'Y cynllun gofal diweddaraf',
};
