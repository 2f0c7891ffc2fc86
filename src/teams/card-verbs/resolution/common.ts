// Shared parsing and replies of the resolution card verbs. Card data is untrusted (forged or stale
// invokes): every field is validated here and every use case re-checks permission and stage.
import { z } from 'zod';
import type { ResolutionView } from '../../../app/resolutions.js';
import { AppError } from '../../../domain/errors.js';
import { LAST_STAGE } from '../../../domain/resolutions/index.js';
import { renderCard } from '../../cards.js';
import { resolutionViewCardData } from '../../cards/resolution.js';
import { resolutionReferralCardData } from '../../cards/resolution-referral.js';
import type { ActionContext, ActionReply } from '../action-spec.js';

/** Card data arrives as strings ("1"); a missing stage means "don't check". */
const stage = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.coerce.number().int().min(0).max(LAST_STAGE).optional(),
);

/** The stage the card showed (the resolution itself is the verb's subject, loaded with access checked). */
export const onCard = z.object({ stage });

/** Validates card data with `schema`; a forged or malformed invoke changes nothing and says so. */
export function parse<T extends z.ZodTypeAny>(schema: T, ctx: ActionContext): z.infer<T> {
  const r = schema.safeParse(ctx.data);
  if (!r.success) {
    throw new AppError(
      'invalid-input',
      'this card is out of date or incomplete; nothing was changed',
      {
        example: 'Type /resolutions to open the resolution again',
      },
      { key: 'errors.card.out-of-date' },
    );
  }
  return r.data as z.infer<T>;
}

export const optionalText = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(max));

/** The resolution card as `ctx.actor` sees it now. */
export function cardReply(
  ctx: ActionContext,
  view: ResolutionView,
  opts: { updateForAll?: boolean; headline?: string } = {},
): ActionReply {
  return {
    kind: 'card',
    card: renderCard(
      'resolution',
      resolutionViewCardData(view, ctx.showChildNames, ctx.deps.tzName, opts.headline ?? '', ctx.t),
    ),
    updateForAll: opts.updateForAll,
  };
}

export function referralReply(ctx: ActionContext, view: ResolutionView): ActionReply {
  return {
    kind: 'card',
    card: renderCard(
      'resolution-referral',
      resolutionReferralCardData(view, ctx.showChildNames, ctx.deps.tzName, ctx.t),
    ),
    updateForAll: true,
  };
}
