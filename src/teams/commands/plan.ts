// `/plan REF` (docs/DOMAIN.md PT1–PT6): the plan between reviews card, in a personal chat.
import { planSettings, viewPlan } from '../../app/plan-tracking.js';
import { assertCaseRef } from '../../domain/case-ref.js';
import { renderCard } from '../cards.js';
import { planCardData } from '../cards/plan.js';
import { translator } from '../i18n/translate.js';
import type { CommandSpec } from './command-context.js';

const EXAMPLE = '/plan C1001';

export const planCommand: CommandSpec = {
  name: 'plan',
  usage: '/plan REF',
  description: translator('en')('command.plan.description'),
  example: EXAMPLE,
  inCommandList: false,
  scopes: ['personal'],
  async run(ctx) {
    const ref = ctx.args.trim();
    assertCaseRef(ref, EXAMPLE);
    const view = await viewPlan(ctx.deps, ctx.actor, ref);
    const data = planCardData(
      view,
      ctx.actor,
      { t: ctx.t, language: ctx.language },
      {
        showNames: ctx.showChildNames,
        page: 0,
        settings: planSettings(ctx.deps),
      },
    );
    return renderCard('plan', data);
  },
};
