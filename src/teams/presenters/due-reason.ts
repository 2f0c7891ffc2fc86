// Why a review is due when it is, in the reader's language (issue 13). The engine keeps the reason as data
// (domain/timescales.ts DueReason) beside its English sentence; a next review stored before the reason was
// kept has only the sentence, which is shown as it is until the child is next written or recomputed.
import { formatDateShort } from '../../domain/dates-format.js';
import type { Limit } from '../../domain/policies.js';
import type { DueReason } from '../../domain/timescales.js';
import type { Translate } from '../i18n/translate.js';
import { datesOf, ENGLISH, label } from './labels.js';

function limitText(limit: Limit, t: Translate): string {
  return t(`due-reason.limit.${limit.unit}`, { n: limit.n });
}

/** The reason as a sentence: "3 months after the first review held on 24 Mar 2016". */
export function dueReasonText(reason: DueReason, t: Translate = ENGLISH): string {
  const day = (d: string) => formatDateShort(d, datesOf(t));
  if (reason.k === 'fwd') {
    // The code's label starts a card line ("Safety"); inside a sentence it starts small ("safety"), an
    // abbreviation aside ("IFST referral").
    const words = label(reason.reason, '—', t);
    const inSentence = /^\p{Lu}\p{Ll}/u.test(words) ? words.charAt(0).toLowerCase() + words.slice(1) : words;
    return t('due-reason.forward', { reason: inSentence, was: day(reason.was) });
  }
  const limit = limitText(reason.limit, t);
  switch (reason.k) {
    case 'start':
      return t('due-reason.start', { limit, startedBy: t(`due-reason.started-by.${reason.rule}`), on: day(reason.on) });
    case 'second': {
      const { rule, on } = reason.cycle;
      if (rule === 'W39.1') return t('due-reason.second', { limit, held: day(reason.heldOn) });
      const since =
        rule === 'UPC' || rule === 'ADP' ? (`due-reason.second-since-${rule}` as const) : 'due-reason.second-cycle';
      return t(since, { limit, on: day(on), held: day(reason.heldOn) });
    }
    case 'later':
      return t('due-reason.later', { limit, held: day(reason.heldOn) });
    case 'ifst-second':
      return t('due-reason.second', { limit, held: day(reason.heldOn) });
    case 'ifst-final':
      return reason.from === 'start'
        ? t('due-reason.ifst-final-start', { limit, on: day(reason.on) })
        : t('due-reason.ifst-final-previous', { limit, on: day(reason.on) });
    case 'ifst-final-late':
      return t('due-reason.ifst-final-late', { limit, held: day(reason.heldOn), was: day(reason.finalWas) });
  }
}

/** A next review's explanation for the reader: from its reason when known, else the stored English sentence. */
export function explanationFor(
  next: { explanation: string; reason?: DueReason | null },
  t: Translate = ENGLISH,
): string {
  return next.reason ? dueReasonText(next.reason, t) : next.explanation;
}
