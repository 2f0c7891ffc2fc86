import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { DEV_APP_ID, packageModeFrom, PackageError } from '../../tools/package-app.js';
import { validateManifest, type TeamsManifest } from '../../tools/manifest.js';

// `npm run package` as the README gives it (no flags, nothing set) makes a development package
// (issue 11 point 8); production needs both MicrosoftAppId and BOT_DOMAIN.

const run = promisify(execFile);
const CLI = path.resolve(__dirname, '..', '..', 'tools', 'package-app.ts');
const TSX = path.resolve(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');

function envWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const n of ['MicrosoftAppId', 'BOT_DOMAIN', 'TEAMS_APP_ID', ...names]) delete env[n];
  return env;
}

describe('CLI: npm run package (tools/package-app.ts)', function () {
  this.timeout(60_000);
  let out: string;
  beforeEach(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-pkg-cli-'));
  });
  afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

  it('with nothing set writes a valid development package, marked as such', async () => {
    const { stdout } = await run(TSX, [CLI, '--out', out], { env: envWithout() });
    assert.match(stdout, /A development package/);
    assert.deepEqual(fs.readdirSync(out), ['iro-bot-app.dev.zip']);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, 'iro-bot-app.dev.zip')));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as TeamsManifest & {
      id: string;
      name: { short: string };
      validDomains: string[];
    };
    assert.deepEqual(validateManifest(manifest), []);
    assert.equal(manifest.id, DEV_APP_ID);
    assert.equal(manifest.name.short, 'IRO Bot (dev)');
    assert.deepEqual(manifest.validDomains, ['localhost']);
  });

  it('with only one of MicrosoftAppId and BOT_DOMAIN set, refuses and names the missing one', async () => {
    await assert.rejects(
      run(TSX, [CLI, '--out', out], { env: { ...envWithout(), BOT_DOMAIN: 'iro-bot.council.example' } }),
      (e: { code?: number; stderr?: string }) => e.code === 1 && /MicrosoftAppId is not set/.test(e.stderr ?? ''),
    );
    assert.deepEqual(fs.readdirSync(out), []);
  });

  it('chooses the mode from flags first, then from the environment', () => {
    assert.equal(packageModeFrom({}, []), 'dev');
    assert.equal(packageModeFrom({ MicrosoftAppId: 'x' }, []), 'production');
    assert.equal(packageModeFrom({ BOT_DOMAIN: ' ' }, []), 'dev');
    assert.equal(packageModeFrom({}, ['--production']), 'production');
    assert.equal(packageModeFrom({ MicrosoftAppId: 'x', BOT_DOMAIN: 'y' }, ['--dev']), 'dev');
    assert.throws(() => packageModeFrom({}, ['--dev', '--production']), PackageError);
  });
});
