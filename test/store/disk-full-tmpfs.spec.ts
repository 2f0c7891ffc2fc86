// The real boundary: a 2 MB tmpfs that truly fills up (ENOSPC from the kernel, short writes and
// all). Registered only when running as root on Linux; skipped if mounting is not allowed here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Document } from 'mongodb';
import pino from 'pino';
import { isAppError } from '../../src/domain/errors.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';

if (process.platform === 'linux' && process.getuid?.() === 0)
  describe('embedded store on a really full disk (tmpfs)', function () {
    this.timeout(60000);
    let mnt: string;
    let mounted = false;
    before(function () {
      mnt = mkdtempSync(path.join(os.tmpdir(), 'iro-store-tmpfs-'));
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt], { stdio: 'ignore' });
        mounted = true;
      } catch {
        this.skip();
      }
    });
    after(() => {
      if (mounted) execFileSync('umount', [mnt]);
      rmSync(mnt, { recursive: true, force: true });
    });

    it('writes until ENOSPC: refused writes are not kept, acknowledged ones all are, and it recovers when space is freed', async () => {
      const dir = path.join(mnt, 'data');
      let store = await openEmbeddedStore(dir, {
        recoveryProbeMs: 50,
        compactThresholdBytes: 256 * 1024,
        logger: pino({ level: 'silent' }),
      });
      writeFileSync(path.join(mnt, 'filler'), Buffer.alloc(1024 * 1024));
      const c = store.collection<Document & { _id: string }>('children');
      const acked = new Set<string>();
      let refused = 0;
      for (let i = 0; refused < 40;) {
        const batch = Array.from({ length: 20 }, () => `c${i++}`);
        const results = await Promise.allSettled(batch.map((_id) => c.insertOne({ _id, pad: 'x'.repeat(500) })));
        results.forEach((r, k) => {
          if (r.status === 'fulfilled') acked.add(batch[k]!);
          else {
            assert.ok(isAppError(r.reason, 'store-unavailable'), String(r.reason));
            refused++;
          }
        });
      }
      assert.deepEqual(await store.health(), {
        status: 'degraded',
        reason: 'disk full: cannot write DATA_DIR/children.log',
        problems: ['disk full: cannot write DATA_DIR/children.log'],
      });
      assert.equal(await c.countDocuments(), acked.size, 'memory holds exactly the acknowledged writes');
      rmSync(path.join(mnt, 'filler'));
      for (const end = Date.now() + 5000; (await store.health()).status !== 'ok';) {
        assert.ok(Date.now() < end, 'did not recover');
        await new Promise((r) => setTimeout(r, 20));
      }
      await c.insertOne({ _id: 'after' });
      acked.add('after');
      await store.close();
      store = await openEmbeddedStore(dir, { logger: pino({ level: 'silent' }) });
      try {
        const ids = (await store.collection<Document & { _id: string }>('children').find({}).toArray()).map(
          (d) => d._id,
        );
        assert.deepEqual(ids.sort(), [...acked].sort());
        assert.deepEqual((await store.health()).problems, [], 'no torn tail left behind');
      } finally {
        await store.close();
      }
    });
  });
