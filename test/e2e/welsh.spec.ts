import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PERSONAS } from '../../src/cli/demo-personas.js';
import { startPersonaPlaygrounds } from '../../src/cli/start-local.js';
import { translator } from '../../src/teams/i18n/translate.js';
import { launchChromium } from './helpers/chromium.js';
import { emptyStack, startDemoStack, type DemoStack } from './helpers/demo-bot.js';
import { ARTIFACTS } from './helpers/e2e-session.js';
import { startLocaleProxy, type LocaleProxy } from './helpers/locale-proxy.js';
import {
  botCards,
  chooseOption,
  openConversation,
  pickDate,
  sendMessage,
  waitConnected,
  waitForCard,
} from './helpers/playground-page.js';

// Issue 13, end to end: a Welsh-speaking IRO whose Teams client is Welsh (locale cy-GB) and who has chosen
// no language asks "/dyledus yr wythnos hon" in the Agents Playground and books a review with "/trefnu".
// The Playground always writes "en-US"; a proxy in front of the bot sets cy-GB as a Welsh client would
// (helpers/locale-proxy.ts). Nothing else differs from `npm start`.

const NOW = '2026-11-23T09:00:00Z'; // Mon 23 Nov 2026: C1002 (Seren Jones) is due Tue 24 Nov, not booked
const cy = translator('cy');

describe('e2e: a Welsh-speaking IRO (cy-GB) in the Agents Playground', function () {
  this.timeout(90_000);
  const stack: DemoStack = emptyStack();
  let proxy: LocaleProxy | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  before(async function () {
    await startDemoStack({ now: NOW, personas: [] }, stack);
    const bot = stack.bot!;
    proxy = await startLocaleProxy(bot.server.url, 'cy-GB');
    const iro = DEMO_PERSONAS.filter((p) => p.key === 'iro');
    stack.seats = await startPersonaPlaygrounds({ ...bot, server: { ...bot.server, url: proxy.url } }, 0, iro);
    browser = await launchChromium();
    // The browser stays en-US: the Playground's date picker is driven in its own words (helpers/playground-page.ts).
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-welsh-failure.png') }).catch(() => undefined);
    }
  });
  after(async function () {
    await browser?.close().catch(() => undefined);
    await proxy?.close().catch(() => undefined);
    await stack.stop();
  });

  it('/dyledus yr wythnos hon answers in Welsh, and /trefnu books the review', async function () {
    const p = page!;
    const deps = stack.bot!.deps;
    assert.equal((await deps.staff.get('iro-1'))?.language ?? null, null, 'Alex has chosen no language');
    await p.goto(stack.seat('iro').url, { waitUntil: 'domcontentloaded', timeout: 20_000 });
    await waitConnected(p);
    await openConversation(p, 'Personal Chat');

    await sendMessage(p, '/dyledus yr wythnos hon');
    const due = await waitForCard(p, [cy('due.title.window', { window: cy('due.window.this-week') }), 'C1002']);
    const dueText = await due.innerText();
    assert.match(dueText, /Maw 24 Tach 2026/, 'dates in Welsh');
    assert.doesNotMatch(dueText, /Reviews due|Not booked/);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await due.screenshot({ path: path.join(ARTIFACTS, 'e2e-welsh-due.png') }).catch(() => undefined);

    await sendMessage(p, '/trefnu C1002');
    // The booking form: the card for C1002 with a date to pick (the due card above also names C1002).
    const form = botCards(p)
      .filter({ hasText: 'C1002' })
      .filter({ has: p.locator('input[placeholder="Select a date..."]') })
      .first();
    await form.waitFor({ state: 'visible', timeout: 20_000 });
    await pickDate(p, form, '2026-11-24');
    await chooseOption(p, form, 'Select a time...', '2:00 PM');
    // The form's first button books (its title is the reader's word for Book).
    await form.locator('.ac-actionSet button').first().click();

    const booked = await waitForCard(p, [cy('booking.title.booked'), 'C1002']);
    const bookedText = await booked.innerText();
    assert.match(bookedText, /Maw 24 Tach 2026 14:00/);
    assert.match(bookedText, new RegExp(cy('booking.fact.venue')));
    const child = (await deps.children.get('C1002'))!;
    assert.ok(
      child.bookings.some((b) => b.start.startsWith('2026-11-24T14:00') && b.status !== 'cancelled'),
      `the booking is stored: ${JSON.stringify(child.bookings.map((b) => b.start))}`,
    );
    await booked.screenshot({ path: path.join(ARTIFACTS, 'e2e-welsh-booked.png') }).catch(() => undefined);
  });
});
