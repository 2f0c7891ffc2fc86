import { loadChild } from '../../app/booking/booking-common.js';
import { NOTIFY_EXAMPLE } from '../../app/notify-event.js';
import { today as currentDay, type AppDeps } from '../../app/deps.js';
import { assertCaseRef } from '../../domain/case-ref.js';
import { assertMayBringForward, assertMayNotifyEvent } from '../../domain/events.js';
import { AppError, isAppError } from '../../domain/errors.js';
import { nextReview, type NextReview } from '../../domain/timescales.js';
import type { ChildDoc, StaffDoc } from '../../store/documents.js';
import type { AdaptiveCardJson } from '../cards.js';
import type { FormError, TypedValues } from '../card-parts.js';
import { notifyFormCard } from '../cards/notify-form.js';
import { newEntryFormCard } from '../cards/new-entry-form.js';
import { newEntryForm } from '../../app/new-entry.js';
import type { Language, Translate } from '../i18n/translate.js';
import type { CommandSpec } from './command-context.js';

export const notifyCommand: CommandSpec = {
  name: 'notify',
  usage: '/notify REF [forward | correct] | /notify new',
  description:
    'Notify an event that changes review timescales (became looked after, unplanned move, adoption, …); the IRO: "forward" brings the review forward; business support: "new" for a child new to care',
  example: NOTIFY_EXAMPLE,
  roles: ['social-worker', 'business-support', 'iro'],
  inCommandList: false,
  scopes: ['personal'],
  async run(ctx) {
    const [ref, mode, ...rest] = ctx.args.trim().split(/\s+/).filter(Boolean);
    if (ref?.toLowerCase() === 'new' && mode === undefined)
      return newEntryFormFor(ctx.deps, ctx.actor, { t: ctx.t, language: ctx.language });
    assertCaseRef(ref, NOTIFY_EXAMPLE);
    const chosen = mode === undefined ? 'event' : mode.toLowerCase();
    if (rest.length || (chosen !== 'event' && chosen !== 'forward' && chosen !== 'correct'))
      throw new AppError(
        'invalid-input',
        'give a case reference, then "forward" to bring its review forward or "correct" to correct an event',
        { example: NOTIFY_EXAMPLE },
        { key: 'errors.notify.usage' },
      );
    return notifyForm(ctx.deps, ctx.actor, ref, chosen, ctx.showChildNames, ctx.t);
  },
};

/** The new-entry form (docs/DOMAIN.md "New entry to care"); refused to whoever may not notify one. */
export async function newEntryFormFor(
  deps: AppDeps,
  actor: StaffDoc,
  words: { t: Translate; language: Language },
  again?: { values: TypedValues; error: FormError },
): Promise<AdaptiveCardJson> {
  const form = await newEntryForm(deps, actor);
  return newEntryFormCard({ ...words, ...form, again });
}

function safeNext(child: ChildDoc, deps: AppDeps): NextReview | null {
  try {
    return nextReview(child, deps.policy, deps.calendar);
  } catch (err) {
    if (isAppError(err, 'invalid-history')) return null;
    throw err;
  }
}

/** The notify form (or the bring-forward form); who may use it is checked before it is shown (the save checks again). */
export async function notifyForm(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  mode: 'event' | 'forward' | 'correct',
  showNames: boolean,
  t: Translate,
  again?: { values: TypedValues; error: FormError },
): Promise<AdaptiveCardJson> {
  const example = `/case ${ref}`;
  const child = await loadChild(deps, actor, ref, NOTIFY_EXAMPLE);
  if (mode === 'forward') assertMayBringForward(actor, child, example);
  else assertMayNotifyEvent(actor, child, example);
  return notifyFormCard({ mode, child, next: safeNext(child, deps), showNames, today: currentDay(deps), again, t });
}
