import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

// The end-to-end browser, never downloaded by a tool: Debian's Chromium where it is installed, else the
// headless Chromium that the npm package @sparticuz/chromium ships inside its tarball. That package
// inflates its NSS libraries (al2023.tar.br) only on AWS Lambda, so we inflate everything ourselves
// into a versioned cache folder under node_modules/.cache and put the libraries on LD_LIBRARY_PATH of
// the launched browser only (docs/notes/e2e-browser.md).

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserBinary {
  executablePath: string;
  /** Extra environment for the browser process (libraries, fonts); empty for Debian's. */
  env: Record<string, string>;
  source: 'debian' | 'npm';
}

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The folder of @sparticuz/chromium (its `bin/` holds the brotli archives) and its version. */
function npmChromiumPackage(): { dir: string; version: string; requireFrom: NodeJS.Require } {
  const entry = require.resolve('@sparticuz/chromium'); // build/index.js
  const dir = path.resolve(path.dirname(entry), '..');
  const version = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  return { dir, version, requireFrom: createRequire(entry) };
}

/** Writes `final` by building it in a sibling temp path and renaming, so a half-built copy is never used. */
async function buildAtomically(final: string, build: (tmp: string) => Promise<void>): Promise<void> {
  if (fs.existsSync(final)) return;
  const tmp = `${final}.tmp-${process.pid}-${Date.now()}`;
  try {
    await build(tmp);
    fs.renameSync(tmp, final);
  } catch (err) {
    if (!fs.existsSync(final)) throw err; // another process won the race: theirs is complete
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Inflates the npm Chromium (binary, NSS libraries, fonts) into node_modules/.cache/iro-bot-chromium/VERSION
 * once (about 2 s) and returns how to launch it.
 */
export async function npmChromium(): Promise<BrowserBinary> {
  const pkg = npmChromiumPackage();
  const bin = path.join(pkg.dir, 'bin');
  const cache = path.resolve(pkg.dir, '..', '..', '.cache', 'iro-bot-chromium', pkg.version);
  fs.mkdirSync(cache, { recursive: true });
  const { extract } = pkg.requireFrom('tar-fs') as { extract: (dir: string) => NodeJS.WritableStream };

  const executablePath = path.join(cache, 'chromium');
  const libDir = path.join(cache, 'al2023', 'lib');
  const fontsDir = path.join(cache, 'fonts');
  await Promise.all([
    buildAtomically(executablePath, (tmp) =>
      pipeline(
        createReadStream(path.join(bin, 'chromium.br')),
        createBrotliDecompress(),
        createWriteStream(tmp, { mode: 0o755 }),
      ),
    ),
    buildAtomically(path.join(cache, 'al2023'), (tmp) =>
      pipeline(createReadStream(path.join(bin, 'al2023.tar.br')), createBrotliDecompress(), extract(tmp)),
    ),
    buildAtomically(fontsDir, (tmp) =>
      pipeline(createReadStream(path.join(bin, 'fonts.tar.br')), createBrotliDecompress(), extract(tmp)),
    ),
  ]);
  // The package's fonts.conf names Lambda's folders; ours names its Open Sans and the machine's own fonts.
  const fontsConf = path.join(cache, 'fonts.conf');
  await buildAtomically(fontsConf, async (tmp) =>
    fs.writeFileSync(
      tmp,
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        `  <dir>${path.join(fontsDir, 'fonts')}</dir>`,
        '  <dir>/usr/share/fonts</dir>',
        '  <dir>/usr/local/share/fonts</dir>',
        `  <cachedir>${path.join(cache, 'fontconfig-cache')}</cachedir>`,
        '</fontconfig>',
        '',
      ].join('\n'),
    ),
  );
  const ld = [libDir, ...(process.env.LD_LIBRARY_PATH ? [process.env.LD_LIBRARY_PATH] : [])].join(':');
  return { executablePath, env: { LD_LIBRARY_PATH: ld, FONTCONFIG_FILE: fontsConf }, source: 'npm' };
}

/** Debian's Chromium where present (it is the better-integrated build), else the one from npm. */
export async function findBrowser(): Promise<BrowserBinary> {
  if (isExecutable(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, env: {}, source: 'debian' };
  return npmChromium();
}

/** A headless Chromium with a fresh temporary profile (playwright's default for launch()). */
export async function launchChromium(): Promise<Browser> {
  const b = await findBrowser();
  return chromium.launch({
    executablePath: b.executablePath,
    headless: true,
    args: ARGS,
    timeout: 30_000,
    env: { ...process.env, ...b.env } as Record<string, string>,
  });
}
