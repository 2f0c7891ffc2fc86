import { assertCaseRef } from '../../domain/case-ref.js';
import { rescheduleOptions, RESCHEDULE_EXAMPLE } from '../../app/booking/reschedule.js';
import { rescheduleFormCard } from '../cards/reschedule-form.js';
import type { CommandSpec } from './command-context.js';
import { ANY_CONVERSATION } from './command-spec.js';

export const rescheduleCommand: CommandSpec = {
  name: 'reschedule',
  usage: '/reschedule REF',
  description: 'Move, cancel or adjourn a booked review: free slots up to the due-by date; a manager approves the move',
  example: RESCHEDULE_EXAMPLE,
  roles: ['iro', 'business-support', 'social-worker'],
  inCommandList: false,
  scopes: ANY_CONVERSATION,
  async run(ctx) {
    const ref = ctx.args.trim();
    assertCaseRef(ref, RESCHEDULE_EXAMPLE);
    const opts = await rescheduleOptions(ctx.deps, ctx.actor, ref);
    return rescheduleFormCard(opts, ctx.showChildNames, opts.mayCancel, ctx.deps.tzName, ctx.t);
  },
};
