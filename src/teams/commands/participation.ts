// `/participation REF` (issue 15): the pre-review participation checklist of the child's booked review
// (docs/DOMAIN.md "Participation"). The child's IRO answers it on the card; others who may see the child read it.
import { participationView, PARTICIPATION_EXAMPLE } from '../../app/participation.js';
import { assertCaseRef } from '../../domain/case-ref.js';
import { AppError } from '../../domain/errors.js';
import { translator } from '../i18n/translate.js';
import { participationCard } from '../cards/participation.js';
import { staffNames } from '../presenters/common.js';
import type { CommandSpec } from './command-context.js';
import { REVIEWING_ROLES } from '../../domain/access.js';

export const participationCommand: CommandSpec = {
  name: 'participation',
  usage: '/participation REF',
  description: translator('en')('command.participation.description'),
  example: PARTICIPATION_EXAMPLE,
  roles: [...REVIEWING_ROLES, 'social-worker'],
  inCommandList: false,
  scopes: ['personal'],
  async run(ctx) {
    const [ref, ...rest] = ctx.args.trim().split(/\s+/).filter(Boolean);
    assertCaseRef(ref, PARTICIPATION_EXAMPLE);
    if (rest.length)
      throw new AppError(
        'invalid-input',
        'give one case reference',
        { example: PARTICIPATION_EXAMPLE },
        { key: 'errors.command.one-ref' },
      );
    const view = await participationView(ctx.deps, ctx.actor, ref);
    return participationCard({
      view,
      showNames: ctx.showChildNames,
      names: await staffNames(ctx.deps),
      tzName: ctx.deps.tzName,
      now: ctx.deps.clock(),
      t: ctx.t,
      language: ctx.language,
    });
  },
};
