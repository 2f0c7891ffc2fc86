// Bench: nextReview for 100,000 synthetic children (target under 1 s). Deterministic data, so runs
// compare; one untimed warm-up pass loads holiday years and lets the JIT settle.
import { performance } from 'node:perf_hooks';
import { createCalendar, fromDayNumber, toDayNumber } from '../src/domain/calendar.js';
import { getPolicy } from '../src/domain/policies.js';
import { nextReview } from '../src/domain/timescales.js';
import type { ChildEvent, ChildHistory, HeldReview, Track } from '../src/domain/types.js';
import { BRING_FORWARD_REASONS, LATE_REASONS } from '../src/domain/types.js';
import { prng } from '../tools/synthetic-data.js';

/** Valid histories: a mix of tracks, restarts, bring-forwards, late reviews and new episodes. */
export function syntheticChildren(count: number, seed = 20160401): ChildHistory[] {
  const rnd = prng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const base = toDayNumber('2010-01-01');
  const out: ChildHistory[] = [];

  for (let i = 0; i < count; i++) {
    const ref = `B${i}`;
    const roll = rnd();
    const track: Track = roll < 0.7 ? 'cla' : roll < 0.85 ? 'short-breaks' : 'ifst';
    const events: ChildEvent[] = [];
    const reviews: HeldReview[] = [];
    let t = base + int(0, 365 * 6);
    const episodes = track === 'cla' && rnd() < 0.1 ? 2 : 1;
    for (let ep = 0; ep < episodes; ep++) {
      const startType =
        track === 'cla'
          ? 'became-looked-after'
          : track === 'short-breaks'
            ? 'short-breaks-started'
            : 'ifst-intensive-started';
      events.push({ type: startType, date: fromDayNumber(t) });
      const n = track === 'ifst' ? int(0, 3) : int(0, 10);
      for (let k = 0; k < n; k++) {
        if (track === 'cla' && k > 0 && rnd() < 0.12) {
          events.push({
            type: rnd() < 0.7 ? 'unplanned-placement-change' : 'placed-for-adoption',
            date: fromDayNumber(t + int(1, 30)),
          });
        }
        if (rnd() < 0.06) {
          const on = t + int(1, 20);
          events.push({
            type: 'review-brought-forward',
            date: fromDayNumber(on),
            dueBy: fromDayNumber(on + int(5, 30)),
            reason: pick(BRING_FORWARD_REASONS),
          });
        }
        t += track === 'ifst' ? int(20, 100) : k === 0 ? int(14, 40) : int(60, 200);
        const late = rnd() < 0.05;
        reviews.push({
          id: `${ref}-${reviews.length + 1}`,
          heldOn: fromDayNumber(t),
          recordDistributedOn: rnd() < 0.9 ? fromDayNumber(t + int(0, 20)) : null,
          lateReason: late ? pick(LATE_REASONS) : null,
        });
      }
      if (ep + 1 < episodes || (track !== 'ifst' && rnd() < 0.08)) {
        t += int(1, 90);
        events.push({ type: 'ceased-looked-after', date: fromDayNumber(t) });
        t += int(1, 400);
      }
    }
    out.push({ ref, track, events, reviews });
  }
  return out;
}

export async function benchTimescales(count = 100_000): Promise<{ children: number; ms: number }> {
  const children = syntheticChildren(count);
  const calendar = createCalendar({ region: 'GB-WLS', closureDays: [] });
  const policy = getPolicy('wales');
  const pass = (): number => {
    let due = 0;
    for (const c of children) if (nextReview(c, policy, calendar)) due++;
    return due;
  };
  pass(); // warm-up
  const started = performance.now();
  const due = pass();
  const ms = Math.round(performance.now() - started);
  console.log(`timescales: nextReview for ${count} children in ${ms} ms (${due} with a review due)`);
  return { children: count, ms };
}

if (require.main === module) {
  benchTimescales().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
