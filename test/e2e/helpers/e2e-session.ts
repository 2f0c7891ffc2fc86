import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { emptyStack, startDemoStack, type DemoStack } from './demo-bot.js';

export const ARTIFACTS = path.resolve(__dirname, '..', '..', '..', 'test-artifacts');

export interface E2ESession {
  stack: DemoStack;
  browser: Browser;
  page: Page;
}

/**
 * Registers the hooks every Playground test needs inside a `describe`: the bot with the demo data,
 * the Agents Playground and headless Chromium before; a screenshot and the Playground's output on
 * failure; everything stopped after (each on its own, so one failure leaves nothing running).
 */
export function useE2ESession(
  opts: Parameters<typeof startDemoStack>[0] & { name: string; viewportHeight?: number },
): () => E2ESession {
  let stack: DemoStack | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  before(async function () {
    const { name: _name, viewportHeight, ...stackOptions } = opts;
    stack = emptyStack();
    await startDemoStack(stackOptions, stack);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: viewportHeight ?? 1000 } });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page && !page.isClosed()) {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, `e2e-${opts.name}-failure.png`) }).catch(() => undefined);
      for (const seat of stack?.seats ?? []) {
        const out = seat.playground.output().trim();
        if (out) console.error(`Agents Playground (${seat.persona.key}) output:\n${out.slice(-1500)}`);
      }
    }
  });

  after(async function () {
    await browser?.close().catch(() => undefined);
    await stack?.stop();
  });

  return () => {
    if (!stack || !browser || !page) throw new Error('the e2e session did not start');
    return { stack, browser, page };
  };
}
