import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// Debian's chromium, never a browser downloaded by playwright (CI installs it with apt; see .ci/run).
export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Throws (so the test fails, not skips) when chromium is missing: the e2e test is part of `npm test`. */
export function assertChromiumInstalled(): void {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
  } catch {
    throw new Error(`${CHROMIUM_PATH} is missing: the end-to-end test needs Debian's chromium. Install it with: apt-get install -y chromium`);
  }
}

/** A headless chromium with a fresh temporary profile (playwright's default for launch()). */
export async function launchChromium(): Promise<Browser> {
  assertChromiumInstalled();
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS, timeout: 30_000 });
}
