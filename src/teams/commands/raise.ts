import { prepareRaise } from '../../app/resolutions.js';
import { renderCard } from '../cards.js';
import { resolutionRaiseCardData } from '../cards/resolution-raise.js';
import type { CommandSpec } from './command-context.js';
import { assertCaseRef } from '../../domain/case-ref.js';

const EXAMPLE = '/raise C1001';

export const raiseCommand: CommandSpec = {
  name: 'raise',
  usage: '/raise REF',
  description: 'Raise a resolution (informal or formal) about a child on your caseload (IRO, personal chat)',
  example: EXAMPLE,
  roles: ['iro'],
  inCommandList: true,
  scopes: ['personal'],
  async run(ctx) {
    const ref = ctx.args.trim();
    assertCaseRef(ref, EXAMPLE);
    const { child, today } = await prepareRaise(ctx.deps, ctx.actor, ref);
    return renderCard('resolution-raise', resolutionRaiseCardData(child, today, ctx.showChildNames, ctx.t));
  },
};
