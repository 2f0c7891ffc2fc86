import { viewCase } from '../../app/view-case.js';
import { stagesOf } from '../../app/resolutions.js';
import { renderCard } from '../cards.js';
import { caseCardData } from '../cards/case.js';
import type { CommandSpec } from './command-context.js';
import { assertCaseRef } from '../../domain/case-ref.js';

const EXAMPLE = '/case C1001';

export const caseCommand: CommandSpec = {
  name: 'case',
  usage: '/case REF',
  description:
    "A child's timeline: next review and its rule, bookings, past reviews within or outside timescale (personal chat only)",
  example: EXAMPLE,
  inCommandList: true,
  scopes: ['personal'],
  async run(ctx) {
    const ref = ctx.args.trim();
    assertCaseRef(ref, EXAMPLE);
    const view = await viewCase(ctx.deps, ctx.actor, ref, ctx.conversationType);
    return renderCard(
      'case',
      caseCardData(view, stagesOf(ctx.deps), ctx.deps.policy, ctx.deps.tzName, { t: ctx.t, language: ctx.language }),
    );
  },
};
