import { z } from 'zod';
import { settleImportConflict, type SettleChoice } from '../../app/import/sync-conflicts.js';
import { formatBookingStart } from '../presenters/labels.js';
import { defineAction, type CardVerb } from './action-spec.js';
import { parseData } from './booking-data.js';

// The two buttons under each conflict of a sync report (cards/import-report.json). The subject is the
// child the conflict is about, so the one access check runs first; the use case then admits admins only.

const schema = z.object({
  conflictId: z
    .string()
    .max(80)
    .regex(/^[0-9a-f]{16}:\d{1,6}$/, 'not a conflict on one of my cards'),
});

const DONE: Record<SettleChoice, string> = {
  'keep-teams': "Kept Teams' record",
  'take-case-system': "Took the case system's record",
};

function settleAction(verb: string, choice: SettleChoice): CardVerb {
  return defineAction({
    verb,
    subject: 'child',
    async run(ctx, subject) {
      const input = parseData(schema, ctx.data, '/help');
      const r = await settleImportConflict(ctx.deps, ctx.actor, {
        ref: subject.ref,
        conflictId: input.conflictId,
        choice,
      });
      const what = `${r.conflict.ref} ${r.conflict.section.replace(/s$/, '')} ${r.conflict.key}`;
      if (r.already) {
        const when = formatBookingStart(r.already.at.toISOString(), ctx.deps.tzName);
        return {
          kind: 'message',
          text: `Already settled by ${r.already.by} at ${when}: ${DONE[r.already.choice].toLowerCase()} for ${what}. Nothing was changed.`,
        };
      }
      return { kind: 'message', text: `${DONE[choice]} for ${what}. It is on the case's timeline.` };
    },
  });
}

export const IMPORT_CONFLICT_ACTIONS: readonly CardVerb[] = [
  settleAction('import.conflict.keep', 'keep-teams'),
  settleAction('import.conflict.take', 'take-case-system'),
];
