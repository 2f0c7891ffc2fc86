import { coverPlan } from '../../app/cover.js';
import { today, type AppDeps } from '../../app/deps.js';
import { COVER_EXAMPLE } from '../../domain/cover.js';
import { AppError } from '../../domain/errors.js';
import type { StaffDoc } from '../../store/documents.js';
import type { FormError, TypedValues } from '../card-parts.js';
import type { AdaptiveCardJson } from '../cards.js';
import { coverCard } from '../cards/cover.js';
import type { Language, Translate } from '../i18n/translate.js';
import type { CommandSpec } from './command-context.js';

// /cover @IRO FROM to TO (issue 14; docs/DESIGN.md "Allocation"): a reviewing team manager sets cover for
// an IRO's absence from a card listing that IRO's reviews due or booked in those dates.
const DATES = /^(.+?)\s+(\d{4}-\d{2}-\d{2})\s+(?:to\s+)?(\d{4}-\d{2}-\d{2})$/i;

export const coverCommand: CommandSpec = {
  name: 'cover',
  usage: '/cover @IRO FROM to TO',
  description:
    "Cover an IRO's absence: their reviews due or booked between two dates (YYYY-MM-DD), each offered to the other IROs (reviewing team managers)",
  example: COVER_EXAMPLE,
  roles: ['team-manager'],
  inCommandList: false,
  scopes: ['personal'],
  async run(ctx) {
    const m = DATES.exec(ctx.args.trim());
    if (!m)
      throw new AppError(
        'invalid-input',
        'name the absent IRO, then the first and last day of the absence',
        { example: COVER_EXAMPLE },
        { key: 'errors.cover.usage' },
      );
    const person = await ctx.resolvePerson(m[1]!);
    if (!person) {
      const name = m[1]!.replace(/<\/?at>/gi, '').slice(0, 60);
      throw new AppError(
        'invalid-input',
        `I can't find "${name}" in the staff directory: name the IRO with an @mention, their e-mail address or their staff id`,
        { example: COVER_EXAMPLE },
        { key: 'errors.cover.unknown-person', params: { name } },
      );
    }
    return coverForm(ctx.deps, ctx.actor, { absentId: person._id, from: m[2], to: m[3] }, ctx, ctx.showChildNames);
  },
};

export async function coverForm(
  deps: AppDeps,
  actor: StaffDoc,
  input: { absentId: string; from: string; to: string },
  words: { t: Translate; language: Language },
  showNames: boolean,
  again?: { values: TypedValues; error: FormError },
): Promise<AdaptiveCardJson> {
  const plan = await coverPlan(deps, actor, input);
  return coverCard({ plan, words: { t: words.t, language: words.language }, today: today(deps), showNames, again });
}
