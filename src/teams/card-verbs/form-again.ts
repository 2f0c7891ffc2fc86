// A refused form comes back filled in (issue 11): the card is answered with the same form, the values
// that were typed and what was wrong, instead of a one-line message that makes the person start again.
import { randomUUID } from 'node:crypto';
import { isAppError, type AppError } from '../../domain/errors.js';
import type { AdaptiveCardJson } from '../cards.js';
import { errorNotice } from '../error-replies.js';
import type { FormError } from '../card-parts.js';
import type { ActionReply } from './action-spec.js';
import type { Translate } from '../i18n/translate.js';

/**
 * Runs a form's verb (`t`: the clicker's catalogue); when it is refused for what was typed (invalid input, or a conflict such as a
 * slot taken meanwhile), answers with `form(error)` instead. Refusals about who may act (forbidden,
 * not found) and failures keep their plain answer: the form is never re-shown to someone who may not see it.
 */
export async function orFormAgain(
  t: Translate,
  attempt: () => Promise<ActionReply>,
  form: (error: FormError, err: AppError) => Promise<AdaptiveCardJson>,
): Promise<ActionReply> {
  try {
    return await attempt();
  } catch (err) {
    if (!isAppError(err) || (err.code !== 'invalid-input' && err.code !== 'conflict')) throw err;
    // What was wrong, in the clicker's language (issue 13).
    const notice = errorNotice(err, randomUUID(), t);
    let card: AdaptiveCardJson;
    try {
      card = await form({ title: notice.title, text: notice.text }, err);
    } catch {
      throw err; // the form itself cannot be shown now (e.g. booked meanwhile): the original answer stands
    }
    return { kind: 'card', card };
  }
}
