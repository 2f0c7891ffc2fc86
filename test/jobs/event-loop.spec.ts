import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import {
  FOREGROUND_WAIT_MS,
  requestStarted,
  requestsInFlight,
  stepper,
  yieldToEventLoop,
} from '../../src/jobs/event-loop.js';
import { messageActivity } from '../helpers/activities.js';
import { startHarness } from '../helpers/bot-harness.js';
import { alex } from '../helpers/people.js';

// Jobs take their steps between requests (issue 12: a message's answer near the echo floor).

/** Whether `p` has settled after the event loop has turned a few times. */
async function settledSoon(p: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void p.then(() => (settled = true));
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  return settled;
}

describe('jobs give way to requests (jobs/event-loop.ts)', () => {
  it('with no request in flight, a step only lets the event loop turn', async () => {
    assert.equal(requestsInFlight(), 0);
    let ranBetween = false;
    setImmediate(() => (ranBetween = true));
    await yieldToEventLoop();
    assert.equal(ranBetween, true);
  });

  it('while a request is being answered, a step waits until it is done', async () => {
    const done = requestStarted();
    try {
      const step = yieldToEventLoop();
      assert.equal(await settledSoon(step), false);
      done();
      assert.equal(await settledSoon(step), true);
    } finally {
      done();
    }
    assert.equal(requestsInFlight(), 0);
  });

  it('waits for every request in flight, and a request counted done twice counts once', async () => {
    const a = requestStarted();
    const b = requestStarted();
    try {
      const step = yieldToEventLoop();
      a();
      a();
      assert.equal(requestsInFlight(), 1);
      assert.equal(await settledSoon(step), false);
      b();
      assert.equal(await settledSoon(step), true);
    } finally {
      a();
      b();
    }
  });

  it('waits at most FOREGROUND_WAIT_MS for a request that does not end', async () => {
    const done = requestStarted();
    try {
      const t = performance.now();
      await yieldToEventLoop();
      const waited = performance.now() - t;
      assert.ok(waited >= FOREGROUND_WAIT_MS - 5, `waited ${waited} ms`);
      assert.ok(waited < FOREGROUND_WAIT_MS + 1_000, `waited ${waited} ms`);
    } finally {
      done();
    }
  });

  it('a stepper yields once its slice has run, not on every item', async () => {
    let turns = 0;
    const count = () => {
      turns++;
      if (turns < 1_000) setImmediate(count);
    };
    const long = stepper(60_000);
    setImmediate(count);
    for (let i = 0; i < 100; i++) await long();
    assert.equal(turns, 0, 'a slice of a minute never yields');
    const none = stepper(0);
    for (let i = 0; i < 3; i++) await none();
    assert.ok(turns >= 3, 'a slice of 0 ms yields on every item');
    turns = 1_000;
  });

  it('within its slice, a stepper lets the loop turn while a request is in flight but does not wait for it', async () => {
    const long = stepper(60_000);
    const done = requestStarted();
    try {
      let turned = false;
      setImmediate(() => (turned = true));
      await long();
      assert.equal(turned, true, 'the request went first');
      const t = performance.now();
      for (let i = 0; i < 20; i++) await long();
      assert.ok(performance.now() - t < FOREGROUND_WAIT_MS, 'no item waited for the request');
    } finally {
      done();
    }
  });

  it('at the end of its slice, a stepper waits while a request is in flight', async () => {
    const none = stepper(0);
    const done = requestStarted();
    try {
      const step = none();
      assert.equal(await settledSoon(step), false);
      done();
      assert.equal(await settledSoon(step), true);
    } finally {
      done();
    }
  });

  it('the HTTP server counts a message as in flight until its answer is sent', async function () {
    this.timeout(30_000);
    const h = await startHarness();
    try {
      // A first message loads what a first turn loads (card templates), which holds the loop for a while.
      await h.post(messageActivity(h.connector.url, alex, 'help'));
      // The reply goes through the connector, which answers late: the turn, and so the request, lasts that long.
      h.connector.setDelay(200);
      const answered = h.post(messageActivity(h.connector.url, alex, 'help'));
      const t = performance.now();
      while (requestsInFlight() === 0 && performance.now() - t < 5_000) await new Promise((r) => setTimeout(r, 5));
      assert.equal(requestsInFlight(), 1);
      const step = yieldToEventLoop();
      assert.equal(await settledSoon(step), false);
      assert.equal((await answered).status, 200);
      await step;
      assert.equal(requestsInFlight(), 0);
    } finally {
      await h.stop();
    }
  });
});
