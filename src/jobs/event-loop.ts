// How background jobs share the one thread with requests (issue 12: a message's answer near the echo floor).
// A job does its work in small steps and calls `yieldToEventLoop()` between them. That lets the event loop
// run (awaiting a promise that is already settled does not, so a loop over thousands of documents would hold
// up every request until it ends), and, while a request is being answered, waits for it to finish: a step
// started in the middle of a request's turn would otherwise be paid for by the person waiting for the answer.
// The wait is bounded, so a request that hangs (a slow connector) or a steady stream of them only slows jobs.

import { performance } from 'node:perf_hooks';

/** Longest a job waits for requests in flight before it takes its next step anyway. */
export const FOREGROUND_WAIT_MS = 50;
/** Longest a job's loop runs without letting a request in (a request arriving meanwhile waits that long). */
export const STEP_MS = 2;

let inFlight = 0;
let waiting: (() => void)[] = [];

/**
 * Marks a request as being answered (the HTTP server, for each request it takes); call the function returned
 * once its answer is sent. Calling it more than once counts once.
 */
export function requestStarted(): () => void {
  inFlight++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    inFlight--;
    if (inFlight === 0) {
      const wake = waiting;
      waiting = [];
      for (const w of wake) w();
    }
  };
}

/** Requests being answered now (for tests and logs). */
export function requestsInFlight(): number {
  return inFlight;
}

/**
 * Lets the event loop run (requests, timers, I/O) before a job's next step, and while requests are being
 * answered waits until none is (at most FOREGROUND_WAIT_MS).
 */
export async function yieldToEventLoop(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (inFlight > 0) await noRequestsInFlight(FOREGROUND_WAIT_MS);
}

/**
 * For a loop over many items: call `await step()` before each item. Once the loop has run STEP_MS since it last
 * yielded, it yields as `yieldToEventLoop` does (waiting while a request is in flight). Within the slice, while a
 * request is in flight, it lets the event loop turn once before each item (the request's callbacks go first) but
 * does not wait: so a loop goes on at one slice per FOREGROUND_WAIT_MS at worst, however many requests there are.
 * Otherwise it costs a clock read.
 */
export function stepper(stepMs = STEP_MS): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < stepMs) {
      if (inFlight > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      return;
    }
    await yieldToEventLoop();
    since = performance.now();
  };
}

function noRequestsInFlight(maxMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    // No timer unless a request is in flight: jobs' own timers (and tests that fake them) see nothing new.
    const timer = setTimeout(finish, maxMs);
    timer.unref();
    function finish() {
      clearTimeout(timer);
      waiting = waiting.filter((w) => w !== finish);
      resolve();
    }
    waiting.push(finish);
  });
}
