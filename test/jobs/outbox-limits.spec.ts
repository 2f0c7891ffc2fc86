import assert from 'node:assert/strict';
import { DEFAULT_BACKOFF, jitteredBackoffMs } from '../../src/jobs/backoff.js';
import { parseRetryAfterMs } from '../../src/teams/delivery-errors.js';
import { SlidingWindowLimiter, TEAMS_LIMITS, windowsOf } from '../../src/jobs/rate-limiter.js';
import { DeliveryError, toDeliveryError } from '../../src/teams/notifier.js';
import { maxInWindow } from './helpers/outbox-env.js';

// Pure parts of delivery, with Teams' real constants: the limiter on a fake clock (plain numbers),
// backoff and Retry-After, and how SDK errors are classified.

describe('outbox rate limiter (Teams limits: 7 per 1 s, 60 per 30 s)', () => {
  /**
   * A greedy sender on a fake clock: starts each send as soon as the limiter allows, the send takes
   * `latency` ms, and Teams sees it at a random instant inside the call.
   */
  function simulate(durationMs: number, latency: () => number, random: () => number) {
    const limiter = new SlidingWindowLimiter(windowsOf(TEAMS_LIMITS));
    const arrivals: number[] = [];
    let t = 0;
    while (true) {
      const start = Math.max(t, limiter.nextAllowedAt('c', t));
      if (start >= durationMs) break;
      const took = latency();
      arrivals.push(start + random() * took);
      t = start + took;
      limiter.record('c', t);
    }
    return arrivals;
  }

  it('never lets Teams see more than 7 in any second or 60 in any 30 s, and uses the allowance', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const latency of [() => 0, () => 5, () => 40 + random() * 400]) {
      const arrivals = simulate(120_000, latency, random);
      assert.ok(maxInWindow(arrivals, 1_000) <= 7, `${maxInWindow(arrivals, 1_000)} in one second`);
      assert.ok(maxInWindow(arrivals, 30_000) <= 60, `${maxInWindow(arrivals, 30_000)} in 30 s`);
      // Four 30 s windows: close to 4 × 60 (the 30 s window is the binding limit).
      assert.ok(arrivals.length >= 225, `only ${arrivals.length} sends in 120 s`);
    }
  });

  it('with zero latency: a burst of 7, then the next second; the 61st waits for the 30 s window', () => {
    const limiter = new SlidingWindowLimiter(windowsOf(TEAMS_LIMITS));
    for (let i = 0; i < 7; i++) {
      assert.equal(limiter.nextAllowedAt('c', 0), 0);
      limiter.record('c', 0);
    }
    assert.equal(limiter.nextAllowedAt('c', 0), 1_000);
    assert.equal(limiter.nextAllowedAt('other', 0), 0, 'conversations are independent');
    let t = 1_000;
    let sent = 7;
    while (sent < 60) {
      t = limiter.nextAllowedAt('c', t);
      limiter.record('c', t);
      sent++;
    }
    assert.equal(t, 8_000); // 8 bursts of 7 (+4) fill 60 by t = 8 s
    assert.equal(limiter.nextAllowedAt('c', t), 30_000);
  });

  it('forgets idle conversations', () => {
    const limiter = new SlidingWindowLimiter(windowsOf(TEAMS_LIMITS));
    limiter.record('a', 0);
    limiter.record('b', 20_000);
    limiter.prune(31_000);
    assert.equal(limiter.size, 1);
    assert.equal(limiter.nextAllowedAt('a', 31_000), 31_000);
  });
});

describe('outbox backoff', () => {
  it('full jitter: uniform in [0, min(cap, base·2^(n−1))]', () => {
    assert.equal(
      jitteredBackoffMs(1, DEFAULT_BACKOFF, () => 0.999999),
      999,
    );
    assert.equal(
      jitteredBackoffMs(3, DEFAULT_BACKOFF, () => 0.5),
      2_000,
    );
    assert.equal(
      jitteredBackoffMs(20, DEFAULT_BACKOFF, () => 0.999999),
      59_999,
    );
    assert.equal(
      jitteredBackoffMs(5, DEFAULT_BACKOFF, () => 0),
      0,
    );
  });

  it('Retry-After: seconds or an HTTP date', () => {
    const now = new Date('2026-11-23T09:00:00Z');
    assert.equal(parseRetryAfterMs('1', now), 1_000);
    assert.equal(parseRetryAfterMs(' 2.5 ', now), 2_500);
    assert.equal(parseRetryAfterMs('Mon, 23 Nov 2026 09:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfterMs('Mon, 23 Nov 2026 08:00:00 GMT', now), 0);
    assert.equal(parseRetryAfterMs('soon', now), undefined);
    assert.equal(parseRetryAfterMs('-1', now), undefined);
    assert.equal(parseRetryAfterMs('', now), undefined);
    assert.equal(parseRetryAfterMs(undefined, now), undefined);
  });
});

describe('notifier: SDK errors → DeliveryError', () => {
  const restError = (statusCode: number | undefined, headers: Record<string, string> = {}, code?: string) =>
    Object.assign(new Error('x'), {
      statusCode,
      code,
      response: statusCode ? { status: statusCode, headers: { get: (n: string) => headers[n] } } : undefined,
    });

  it('429/412/500/502/503/504, 401 and network errors are transient; other 4xx permanent', () => {
    for (const s of [401, 408, 412, 429, 500, 502, 503, 504])
      assert.equal(toDeliveryError(restError(s)).kind, 'transient', String(s));
    for (const s of [400, 403, 404, 413]) assert.equal(toDeliveryError(restError(s)).kind, 'permanent', String(s));
    const net = toDeliveryError(restError(undefined, {}, 'ECONNRESET'));
    assert.deepEqual([net.kind, net.reason, net.statusCode], ['transient', 'network error ECONNRESET', undefined]);
    assert.equal(toDeliveryError(new TypeError('boom')).kind, 'transient');
  });

  it('keeps Retry-After and the error code, never the message text', () => {
    const e = toDeliveryError(restError(429, { 'retry-after': '3' }, 'TooManyRequests'), new Date());
    assert.ok(e instanceof DeliveryError);
    assert.deepEqual(
      [e.kind, e.statusCode, e.retryAfterMs, e.reason],
      ['transient', 429, 3_000, 'HTTP 429 TooManyRequests'],
    );
  });
});
