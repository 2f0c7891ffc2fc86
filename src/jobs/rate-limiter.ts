// Sliding-window limits per conversation (Teams: per bot per thread 7 sends/1 s, 60/30 s).
// Pure bookkeeping on numbers (ms), so it is unit-tested with the real constants on a fake clock.
//
// Why "finish time": the sender records a send when its HTTP call settles and checks a new send
// against that. Teams sees a request somewhere between our start and our finish, so
// start(next) − finish(previous) ≥ window guarantees the gap Teams observes is ≥ window too, even
// with network jitter. One send per conversation is in flight at a time (head-of-line order).

export interface WindowLimit {
  max: number;
  windowMs: number;
}

export interface ConversationLimits {
  /** Sends per second per conversation (Teams: 7). */
  perSecond: number;
  /** Sends per 30 seconds per conversation (Teams: 60). */
  per30s: number;
  /** Window lengths; only tests shrink them to keep real-time runs short. */
  secondMs?: number;
  thirtySecondsMs?: number;
}

export const TEAMS_LIMITS: ConversationLimits = { perSecond: 7, per30s: 60 };

export function windowsOf(limits: ConversationLimits): WindowLimit[] {
  return [
    { max: limits.perSecond, windowMs: limits.secondMs ?? 1_000 },
    { max: limits.per30s, windowMs: limits.thirtySecondsMs ?? 30_000 },
  ];
}

export class SlidingWindowLimiter {
  private readonly windows: WindowLimit[];
  private readonly longest: number;
  private readonly keep: number;
  private readonly sends = new Map<string, number[]>();

  constructor(windows: WindowLimit[]) {
    if (!windows.length || windows.some((w) => !(w.max >= 1) || !(w.windowMs > 0)))
      throw new Error('rate limits must be positive');
    this.windows = windows;
    this.longest = Math.max(...windows.map((w) => w.windowMs));
    this.keep = Math.max(...windows.map((w) => w.max));
  }

  /** Earliest instant (ms) at which a new send to `key` may start; ≤ now means "now". */
  nextAllowedAt(key: string, now: number): number {
    const times = this.sends.get(key);
    if (!times) return now;
    let at = now;
    for (const w of this.windows) {
      // The send `max` places back must be a full window before the new one.
      if (times.length >= w.max) at = Math.max(at, times[times.length - w.max]! + w.windowMs);
    }
    return at;
  }

  /** Records a send (attempt) to `key` that settled at `at` (ms). Times must not go backwards. */
  record(key: string, at: number): void {
    let times = this.sends.get(key);
    if (!times) this.sends.set(key, (times = []));
    times.push(Math.max(at, times[times.length - 1] ?? at));
    // Keep only what can still matter: the last `keep` sends inside the longest window.
    const cutoff = at - this.longest;
    let drop = Math.max(0, times.length - this.keep);
    while (drop < times.length && times[drop]! <= cutoff) drop++;
    if (drop) times.splice(0, drop);
  }

  /** Forgets conversations with nothing inside the longest window (keeps memory flat). */
  prune(now: number): void {
    for (const [key, times] of this.sends) {
      if (times[times.length - 1]! <= now - this.longest) this.sends.delete(key);
    }
  }

  /** Number of conversations with recent sends (tests). */
  get size(): number {
    return this.sends.size;
  }
}
