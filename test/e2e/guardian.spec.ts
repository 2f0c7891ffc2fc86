import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { demoPlaygroundConfig } from '../../src/cli/playground.js';
import { assertChromiumInstalled, launchChromium } from './helpers/chromium.js';
import { emptyStack, startDemoStack, type DemoStack } from './helpers/demo-bot.js';
import { openConversation, sendMessage, waitConnected, waitForCard } from './helpers/playground-page.js';

// End to end as the Children's Guardian: the playground's current user is Ffion Powell (g-1), a guest
// with an #EXT# UPN, matched to the directory on first contact. She sees her liaison items and
// nothing else: /due is refused.

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');
const NOW = '2026-11-23T09:00:00Z';

describe('e2e: the Guardian (a guest) in the Agents Playground', function () {
  this.timeout(60_000);
  let stack: DemoStack | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  before(async function () {
    assertChromiumInstalled(); // fail (not skip) with the install command before starting anything
    const cfg = demoPlaygroundConfig({ currentUser: 'g-1' });
    assert.match(cfg.currentUser.userPrincipleName, /#EXT#/);
    stack = emptyStack();
    await startDemoStack({ now: NOW, playgroundConfig: cfg }, stack);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page && !page.isClosed()) {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-guardian-failure.png') }).catch(() => undefined);
      const out = stack?.playground?.output().trim();
      if (out) console.error(`Agents Playground output:\n${out.slice(-3000)}`);
    }
  });

  after(async function () {
    await browser?.close().catch(() => undefined);
    await stack?.stop();
  });

  it('shows the Guardian their liaison items and refuses /due', async function () {
    const p = page!;
    await p.goto(stack!.playground!.url, { waitUntil: 'domcontentloaded', timeout: 20_000 });
    await waitConnected(p);
    await openConversation(p, 'Personal Chat');

    await sendMessage(p, '/actions');
    const card = await waitForCard(p, ['Your liaison items', 'Guardian liaison']);
    const text = await card.innerText();
    assert.match(text, /L3 · Make contact|L7 · Discussion due/);
    assert.doesNotMatch(text, /Dylan|Evans/, 'no child who is not hers, and initials only');

    await sendMessage(p, '/due this week');
    const refused = await waitForCard(p, ['not available to you']);
    const refusal = await refused.innerText();
    assert.match(refusal, /as a guest you can use \/actions and \/help/i);
    assert.doesNotMatch(refusal, /Reviews due/);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await p.screenshot({ path: path.join(ARTIFACTS, 'e2e-guardian.png') });
    const audit = await stack!.bot!.deps.audit.list({ action: 'command.refused', 'actor.id': 'g-1' });
    assert.ok(audit.some((a) => a.subject === 'due'), 'the attempt is audited');
  });
});
