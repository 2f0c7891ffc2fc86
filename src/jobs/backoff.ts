// Retry timing for proactive sends: honour Retry-After when Teams gives one, otherwise exponential
// backoff with full jitter (AWS "Exponential Backoff and Jitter") so many conversations that failed
// together do not retry together.

export interface BackoffOptions {
  /** First retry waits up to this long. */
  baseMs: number;
  /** No retry waits longer than this (unless Retry-After says so). */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 60_000 };

/** Delay before retry number `attempt` (1 = first retry): uniform in [0, min(cap, base·2^(attempt−1))]. */
export function jitteredBackoffMs(
  attempt: number,
  opts: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exp = Math.min(opts.capMs, opts.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.floor(random() * exp);
}
