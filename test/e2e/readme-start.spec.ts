import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './helpers/chromium.js';
import { ARTIFACTS } from './helpers/e2e-session.js';
import { openConversation, sendMessage, waitConnected, waitForCard } from './helpers/playground-page.js';

// The README's own command, the way a newcomer runs it: a fresh `git clone` of this repository into a
// temporary folder, `npm start` there with nothing but a fresh shell's environment (no PORT, DATA_DIR
// or IRO_NOW), then the printed Playground address in a browser and `/due this week` in Personal Chat.
// node_modules is linked from this checkout (what `npm ci` would install) to save a minute.
// Issue 11 point 1: the Playground's config path was relative to the wrong folder, so it fell back to
// its default user and the bot answered "You're not registered".

const REPO = path.resolve(__dirname, '..', '..');

/** What a login shell has: no project variables. */
function freshShellEnv(home: string): NodeJS.ProcessEnv {
  const keep = ['PATH', 'LANG', 'TERM', 'USER', 'LOGNAME', 'SHELL', 'TMPDIR'];
  const env: NodeJS.ProcessEnv = { HOME: home };
  for (const k of keep) if (process.env[k] !== undefined) env[k] = process.env[k];
  return env;
}

describe("e2e: the README's `npm start` in a fresh clone", function () {
  this.timeout(240_000);
  let dir: string | undefined;
  let child: ChildProcess | undefined;
  let browser: Browser | undefined;
  let output = '';

  before(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-bot-clone-'));
    execFileSync('git', ['clone', '--quiet', REPO, path.join(dir, 'iro-bot')], { stdio: 'pipe' });
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'iro-bot', 'node_modules'), 'dir');
  });

  after(async function () {
    await browser?.close().catch(() => undefined);
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGINT');
      } catch {
        /* gone */
      } // npm, node and its Playgrounds: our own group
      const timer = setTimeout(() => {
        try {
          process.kill(-child!.pid!, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (this.currentTest?.state === 'failed' || !/IRO Bot is running/.test(output)) console.error(output.slice(-4000));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts with `npm start`, prints the Playground address, and answers /due this week there', async function () {
    const cwd = path.join(dir!, 'iro-bot');
    const started = Date.now();
    child = spawn('npm', ['start'], {
      cwd,
      env: freshShellEnv(dir!),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (b: Buffer) => {
      output += b.toString();
    });
    child.stderr!.on('data', (b: Buffer) => {
      output += b.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('npm start printed no Playground address within 180 s')),
        180_000,
      );
      const check = () => {
        const m = /Open (http:\/\/localhost:\d+) in your browser/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child!.stdout!.on('data', check);
      child!.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited with ${code}`));
      });
    });
    const ready = Date.now();
    // One Playground address per persona, each on its own port.
    const seats = [...output.matchAll(/^ {2}(.+?) {2,}.*(http:\/\/localhost:\d+)/gm)];
    assert.equal(seats.length, 7, output);
    assert.equal(new Set(seats.map((m) => m[2])).size, 7);
    assert.match(output, /Children's Guardian/);

    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 20_000 });
    await waitConnected(page);
    await openConversation(page, 'Personal Chat');
    await sendMessage(page, '/due this week');
    const card = await waitForCard(page, ['Reviews due this week']);
    const text = await card.innerText();
    assert.doesNotMatch(text, /not registered/i);
    assert.match(text, /C10\d\d/, 'the demo data has a review due this week');
    console.log(
      `      npm start → Playground address: ${((ready - started) / 1000).toFixed(1)} s; → first answer: ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-readme-start.png') });
    assert.ok(
      fs.existsSync(path.join(cwd, 'data', 'playground', 'iro', 'm365agentsplayground.yml')),
      "the Playground config is in the clone's data folder",
    );
  });
});
