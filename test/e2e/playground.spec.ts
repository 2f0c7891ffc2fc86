import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { assertChromiumInstalled, launchChromium } from './helpers/chromium.js';
import { emptyStack, startDemoStack, type DemoStack } from './helpers/demo-bot.js';
import { openConversation, sendMessage, waitConnected, waitForCard } from './helpers/playground-page.js';

// End to end, as a person would after `npm start`: the bot with the demo data, the Agents Playground,
// and a real (headless) browser chatting as Alex Wilber (iro-1).

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');
// A Monday: the demo data is relative to this date, so C1001 (Dylan Evans) is due this very day.
const NOW = '2026-11-23T09:00:00Z';

describe('e2e: Agents Playground', function () {
  this.timeout(60_000);
  let stack: DemoStack | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  before(async function () {
    assertChromiumInstalled(); // fail (not skip) with the install command before starting anything
    stack = emptyStack();
    await startDemoStack({ now: NOW }, stack);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page && !page.isClosed()) {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-failure.png') }).catch(() => undefined);
      const out = stack?.playground?.output().trim();
      if (out) console.error(`Agents Playground output:\n${out.slice(-3000)}`);
    }
  });

  after(async function () {
    // Each step on its own, so one failure does not leave the next process running.
    await browser?.close().catch(() => undefined);
    await stack?.stop();
  });

  it('answers /due this week in the personal chat with the "Reviews due this week" card', async function () {
    const p = page!;
    await p.goto(stack!.playground!.url, { waitUntil: 'domcontentloaded', timeout: 20_000 });
    await waitConnected(p);
    await openConversation(p, 'Personal Chat');
    await sendMessage(p, '/due this week');

    const card = await waitForCard(p, ['Reviews due this week', 'C1001']);
    const text = await card.innerText();
    assert.match(text, /Reviews due this week/);
    assert.match(text, /C1001/);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await card.scrollIntoViewIfNeeded();
    await p.screenshot({ path: path.join(ARTIFACTS, 'e2e-due-this-week.png') });
    await card.screenshot({ path: path.join(ARTIFACTS, 'e2e-due-this-week-card.png') });
  });
});
