import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { ChildrenRepository } from '../../src/store/repositories/children-repository.js';

const TSX = resolve('node_modules/.bin/tsx');
const VALID = resolve('test/fixtures/import/small-valid.json');
const INVALID = resolve('test/fixtures/import/invalid-fields.json');

describe('CLI: npm run import (src/cli/import.ts)', function () {
  this.timeout(60000);
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-cli-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const run = (...args: string[]) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dir,
      IRO_NOW: '2016-07-01T09:00:00Z',
      LOG_LEVEL: 'silent',
    };
    delete env.MONGODB_URI;
    const r = spawnSync(TSX, ['src/cli/import.ts', ...args], { env, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const childCount = async () => {
    const store = await openEmbeddedStore(dir); // also proves the CLI released its lock
    try {
      return await new ChildrenRepository(store).count();
    } finally {
      await store.close();
    }
  };

  it('reads a file with a byte-order mark; refuses bytes that are not UTF-8, and anything that is not a regular file', async () => {
    const valid = await readFile(VALID);
    const withBom = join(dir, 'bom.json');
    await writeFile(withBom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), valid]));
    const bom = run(withBom);
    assert.equal(bom.code, 0, bom.err);
    assert.match(bom.out, /children: 3 inserted/);
    const latin1 = join(dir, 'latin1.json');
    const bad = Buffer.from(
      valid.toString('utf8').replace(/"givenName": ?"[^"]*"/, '"givenName": "Dyl\u00ffn"'),
      'latin1',
    );
    await writeFile(latin1, bad);
    const refused = run(latin1);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /not UTF-8 text/);
    const device = run('/dev/zero');
    assert.equal(device.code, 1);
    assert.match(device.err, /not a regular file/);
    assert.equal(await childCount(), 3, 'the refused files changed nothing');
  });

  it('imports a valid file, prints a summary and exits 0; a re-run reports everything unchanged', async () => {
    const first = run(VALID);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /staff: 6 inserted, 0 updated, 0 unchanged/);
    assert.match(first.out, /children: 3 inserted, 0 updated, 0 unchanged/);
    assert.match(first.out, /conflicts: 0/);
    const second = run(VALID);
    assert.equal(second.code, 0, second.err);
    assert.match(second.out, /children: 0 inserted, 0 updated, 3 unchanged/);
    assert.equal(await childCount(), 3);
  });

  it('rejects an invalid file with every problem and its path, exits 1 and writes nothing', async () => {
    const r = run(INVALID);
    assert.equal(r.code, 1);
    assert.match(r.err, /^children\[0\]\.colour: unknown field$/m);
    assert.match(r.err, /^children\[0\]\.events\[0\]\.date: must be a real date YYYY-MM-DD$/m);
    assert.match(r.err, /nothing was imported/);
    assert.equal(await childCount(), 0);
  });

  it('reports cross-check problems by path', async () => {
    const file = join(dir, 'unknown-iro.json');
    await writeFile(
      file,
      JSON.stringify({ formatVersion: 1, children: [{ ref: 'C1', track: 'cla', iroId: 'iro-9', events: [] }] }),
    );
    const r = run(file);
    assert.equal(r.code, 1);
    assert.match(r.err, /^children\[0\]\.iroId: unknown staff id "iro-9"$/m);
  });

  it('exits 1 on a file that is missing or not JSON, and 2 without an argument', async () => {
    const notJson = join(dir, 'x.json');
    await writeFile(notJson, '{ nope');
    assert.equal(run(notJson).code, 1);
    const missing = run(join(dir, 'missing.json'));
    assert.equal(missing.code, 1);
    assert.match(missing.err, /file not found/);
    assert.equal(run().code, 2);
  });
});
