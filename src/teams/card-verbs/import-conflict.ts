import { z } from 'zod';
import { settleImportConflict, type SettleChoice } from '../../app/import/sync-conflicts.js';
import { conflictSubject } from '../cards/import-report.js';
import type { MessageKey } from '../i18n/translate.js';
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

const SETTLED: Readonly<Record<SettleChoice, MessageKey>> = {
  'keep-teams': 'import.settled.keep',
  'take-case-system': 'import.settled.take',
};
const ALREADY: Readonly<Record<SettleChoice, MessageKey>> = {
  'keep-teams': 'import.already.keep',
  'take-case-system': 'import.already.take',
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
      const what = conflictSubject(r.conflict, ctx.t);
      if (r.already) {
        const when = formatBookingStart(r.already.at.toISOString(), ctx.deps.tzName, ctx.t);
        return { kind: 'message', text: ctx.t(ALREADY[r.already.choice], { name: r.already.by, when, what }) };
      }
      return { kind: 'message', text: ctx.t(SETTLED[choice], { what }) };
    },
  });
}

export const IMPORT_CONFLICT_ACTIONS: readonly CardVerb[] = [
  settleAction('import.conflict.keep', 'keep-teams'),
  settleAction('import.conflict.take', 'take-case-system'),
];
