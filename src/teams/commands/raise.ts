import { prepareRaise } from '../../app/resolutions.js';
import { RESOLUTION_THEMES } from '../../domain/resolutions/index.js';
import { label } from '../presenters/labels.js';
import { renderCard } from '../cards.js';
import { childLabel } from '../presenters/labels.js';
import type { CommandSpec } from './command-context.js';
import { assertCaseRef } from '../../domain/case-ref.js';

const EXAMPLE = '/raise C1001';

export const raiseCommand: CommandSpec = {
  name: 'raise',
  usage: '/raise REF',
  description: "Raise a resolution (informal or formal) about a child on your caseload (IRO, personal chat)",
  example: EXAMPLE,
  roles: ['iro'],
  inCommandList: true,
  scopes: ['personal'],
  async run(ctx) {
    const ref = ctx.args.trim();
    assertCaseRef(ref, EXAMPLE);
    const { child, today } = await prepareRaise(ctx.deps, ctx.actor, ref);
    const team = child.socialWorkTeam ? `the ${label(child.socialWorkTeam)} social work team channel` : "the social worker's and team manager's chats";
    return renderCard('resolution-raise', {
      title: `Raise a resolution · ${childLabel(child, ctx.showChildNames)}`,
      ref: child.ref,
      themes: RESOLUTION_THEMES.map((t) => ({ title: label(t), value: t })),
      hint: `A formal resolution card goes to ${team} with the case reference and initials only, so write the summary for that team. An informal one is only recorded.`,
      today,
    });
  },
};
