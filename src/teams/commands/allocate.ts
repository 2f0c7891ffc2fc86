import { allocationView } from '../../app/allocation.js';
import { assertCaseRef } from '../../domain/case-ref.js';
import type { StaffDoc } from '../../store/documents.js';
import type { AdaptiveCardJson } from '../cards.js';
import type { FormError, TypedValues } from '../card-parts.js';
import { allocateCard } from '../cards/allocate.js';
import type { AppDeps } from '../../app/deps.js';
import type { Language, Translate } from '../i18n/translate.js';
import type { CommandSpec } from './command-context.js';

const EXAMPLE = '/allocate C1001';

// /allocate REF (issue 14; docs/DESIGN.md "Allocation"): a reviewing team manager reallocates a child.
export const allocateCommand: CommandSpec = {
  name: 'allocate',
  usage: '/allocate REF',
  description: "Reallocate a child to another IRO, choosing from each IRO's caseload (reviewing team managers)",
  example: EXAMPLE,
  roles: ['team-manager'],
  inCommandList: false,
  scopes: ['personal'],
  async run(ctx) {
    const ref = ctx.args.trim();
    assertCaseRef(ref, EXAMPLE);
    return allocateForm(ctx.deps, ctx.actor, ref, { t: ctx.t, language: ctx.language }, ctx.showChildNames);
  },
};

/** The allocation card for a child, live (caseloads now); refused to whoever is not a reviewing team manager. */
export async function allocateForm(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  words: { t: Translate; language: Language },
  showNames: boolean,
  again?: { values: TypedValues; error: FormError },
): Promise<AdaptiveCardJson> {
  const view = await allocationView(deps, actor, ref);
  const next = view.child.nextReview;
  return allocateCard({
    ...words,
    child: view.child,
    choices: view.choices,
    iroName: view.iroName,
    notifiedBy: null,
    next: next?.dueBy && next.rule ? { dueBy: next.dueBy, rule: next.rule } : null,
    showNames,
    again,
  });
}
