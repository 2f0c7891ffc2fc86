/**
 * Lets the event loop run (requests, timers, I/O) before a long job goes on: awaiting a promise that is already
 * settled does not, so a loop over thousands of documents would otherwise hold up every request until it ends.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
