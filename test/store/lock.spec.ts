// The store lock knows it is ours: pid + that process's start time + host. A stale lock (dead pid,
// or a pid now used by another process) is taken over with a warning; a live holder or another
// host's lock is refused with what to do.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import pino from 'pino';
import sinon from 'sinon';
import { isAppError } from '../../src/domain/errors.js';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { processStart } from '../../src/store/embedded/lock-file.js';
import { deadPid, helperPath, spawnTs } from './helpers/spawn.js';
import { makeTempDir, removeDir } from './helpers/temp-dir.js';

describe('embedded store lock', function () {
  this.timeout(20000);
  let dir: string;
  let store: EmbeddedStore | undefined;
  const children: ChildProcess[] = [];
  beforeEach(async () => {
    dir = await makeTempDir('lock');
  });
  afterEach(async () => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
    await store?.close();
    store = undefined;
    await removeDir(dir);
  });

  const lockFile = () => path.join(dir, 'LOCK');
  const newFormat = (pid: number, start: string | null, host = os.hostname()) =>
    `${pid}\n${JSON.stringify({ pid, start, host, since: '2026-12-01T10:00:00.000Z' })}\n`;
  const sleeper = async (cmd: string, args: string[]): Promise<number> => {
    const c = spawn(cmd, args, { stdio: 'ignore' });
    children.push(c);
    await new Promise((r) => setTimeout(r, 100));
    return c.pid!;
  };
  const openWithWarnings = async () => {
    const logger = pino({ level: 'silent' });
    const warn = sinon.spy(logger, 'warn');
    store = await openEmbeddedStore(dir, { logger });
    return warn.args.map((a) => a[0] as unknown as Record<string, unknown>);
  };

  it('writes pid, process start time and host; the first line stays the bare pid', async () => {
    store = await openEmbeddedStore(dir);
    const [first, second] = (await readFile(lockFile(), 'utf8')).split('\n');
    assert.equal(first, String(process.pid));
    const rec = JSON.parse(second!);
    assert.equal(rec.pid, process.pid);
    assert.equal(rec.host, os.hostname());
    assert.equal(rec.start, processStart(process.pid));
    assert.match(rec.start, /^linux:[0-9a-f-]+:\d+$/);
  });

  it('takes over a lock whose pid now belongs to another live process (start time differs)', async () => {
    const pid = await sleeper('sleep', ['30']);
    await writeFile(lockFile(), newFormat(pid, 'linux:some-other-boot:12345'));
    const warnings = await openWithWarnings();
    assert.deepEqual(warnings, [{ lock: lockFile(), stalePid: pid, why: 'pid reused by another process' }]);
    assert.equal((await readFile(lockFile(), 'utf8')).split('\n')[0], String(process.pid));
  });

  it("takes over an earlier version's lock (pid only) naming a live process that is not the bot", async () => {
    const pid = await sleeper('sleep', ['30']);
    await writeFile(lockFile(), `${pid}\n`);
    const warnings = await openWithWarnings();
    assert.equal(warnings[0]?.why, 'pid reused by another process');
  });

  it("takes over an earlier version's lock naming a process that started after the lock was written", async () => {
    const pid = await sleeper(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    await writeFile(lockFile(), `${pid}\n`);
    const hourAgo = new Date(Date.now() - 3600_000);
    await utimes(lockFile(), hourAgo, hourAgo);
    const warnings = await openWithWarnings();
    assert.equal(warnings[0]?.why, 'pid reused by another process');
  });

  it('takes over the lock of a dead process', async () => {
    const pid = await deadPid();
    await writeFile(lockFile(), newFormat(pid, 'linux:x:1'));
    assert.equal((await openWithWarnings())[0]?.why, 'no such process');
  });

  it('refuses while the bot holds it, saying which process and how to stop it or remove the lock', async () => {
    const holder = spawnTs(helperPath('hold-open.ts'), [dir]);
    children.push(holder);
    await new Promise<void>((resolve) => holder.stdout!.on('data', (d) => String(d).includes('ready') && resolve()));
    await assert.rejects(openEmbeddedStore(dir), (e: unknown) => {
      assert.ok(isAppError(e, 'store-locked'));
      assert.match(
        e.message,
        new RegExp(
          `in use by process ${holder.pid}: process ${holder.pid} on this host has held ${lockFile()} since \\d{4}-`,
        ),
      );
      assert.match(e.message, new RegExp(`kill ${holder.pid}`));
      assert.match(
        e.message,
        new RegExp(`If you are sure process ${holder.pid} is not the bot, delete ${lockFile()} and start again`),
      );
      return true;
    });
  });

  it("refuses another host's lock, naming the host and what to do", async () => {
    await writeFile(lockFile(), newFormat(4242, 'linux:x:1', 'bot-host-2'));
    await assert.rejects(openEmbeddedStore(dir), (e: unknown) => {
      assert.ok(isAppError(e, 'store-locked'));
      assert.match(e.message, /in use by process 4242 on host bot-host-2 .*not this host/);
      assert.match(
        e.message,
        /Stop the bot on bot-host-2 first; if you are sure no bot on bot-host-2 uses this folder any more, delete .*LOCK and start again/,
      );
      return true;
    });
    assert.equal((await readFile(lockFile(), 'utf8')).split('\n')[0], '4242', 'the lock is left alone');
  });
});
