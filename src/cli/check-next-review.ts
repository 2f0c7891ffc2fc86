// npm run check-next-review: compares every child's stored next review (issue 12) with what the
// timescale engine answers now under the configured policy, bank holidays and closure days.
// Reports drift by case ref only (never names). Reads only; the embedded store must not be held by the bot.
import { findNextReviewDrift } from '../app/next-review-fields.js';
import { loadConfig } from '../config.js';
import { createCalendar } from '../domain/calendar.js';
import { isAppError } from '../domain/errors.js';
import { getPolicy } from '../domain/policies.js';
import { openStore } from '../store/open-store.js';
import { ChildrenRepository } from '../store/repositories/children-repository.js';

export const USAGE = `usage: npm run check-next-review

Recomputes every child's next review (TIMESCALE_POLICY, HOLIDAY_REGION, CLOSURE_DAYS) and compares it
with the one stored on the child. Prints each child that differs by case ref, with the stored and the
recomputed due date, rule, booking and fingerprint. Exit code: 0 none differ, 1 drift found, 2 the
check could not run. The bot recomputes stale ones itself at start when the policy or calendar changed.
`;

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (argv.length > 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  try {
    const cfg = loadConfig();
    const inputs = {
      policy: getPolicy(cfg.timescalePolicy),
      calendar: createCalendar({ region: cfg.holidayRegion, closureDays: cfg.closureDays }),
    };
    const store = await openStore({ mongodbUri: cfg.mongodbUri, mongodbDb: cfg.mongodbDb, dataDir: cfg.dataDir });
    try {
      const { checked, drifted } = await findNextReviewDrift(new ChildrenRepository(store), inputs);
      for (const d of drifted) {
        process.stdout.write(`${d.ref}: stored ${d.stored ?? 'not computed'}; recomputed ${d.recomputed ?? 'none'}\n`);
      }
      process.stdout.write(`checked ${checked} children: ${drifted.length} with a stored next review that differs\n`);
      return drifted.length === 0 ? 0 : 1;
    } finally {
      await store.close();
    }
  } catch (err) {
    process.stderr.write(
      `check-next-review: ${isAppError(err) ? err.message : String((err as Error).message ?? err)}\n`,
    );
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
