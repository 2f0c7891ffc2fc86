import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { AuditLog } from '../../src/store/repositories/audit-log.js';
import { AUDIT_LIMITS, payloadSummary } from '../../src/store/repositories/audit-bounds.js';
import { makeTempDir, removeDir } from './helpers/temp-dir.js';

// Audit records are bounded (issue 10): audit.record() itself stores what was tried, by whom, ids,
// sizes and a SHA-256 of an untrusted payload — never the payload — and writes whatever it is given.

const staff = { id: 'g-1', name: 'Ffion Powell', kind: 'staff' as const };
const AT = new Date('2026-11-25T10:00:00Z');

/** A refused guest invoke as invoke.ts records it today: the card's data under details.data. */
const refusedInvoke = (data: unknown) => ({
  at: AT,
  actor: staff,
  action: 'action.refused',
  subject: 'liaison.save',
  details: { reason: 'not available', guest: true, data },
});

function deep(n: number): unknown {
  let v: Record<string, unknown> = { leaf: 'bottom' };
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}

/** Every key anywhere in a stored record (iteratively: the record is small, but be safe). */
function allKeys(v: unknown): string[] {
  const out: string[] = [];
  const stack = [v];
  while (stack.length) {
    const x = stack.pop();
    if (x && typeof x === 'object' && !(x instanceof Date)) {
      for (const [k, c] of Object.entries(x)) {
        out.push(k);
        stack.push(c);
      }
    }
  }
  return out;
}

describe('audit records are bounded', function () {
  this.timeout(60_000);
  let dir: string;
  let store: EmbeddedStore;
  let audit: AuditLog;
  const auditBytes = async () => (await stat(path.join(dir, 'audit.log'))).size;

  beforeEach(async () => {
    dir = await makeTempDir('audit');
    store = await openEmbeddedStore(dir);
    audit = new AuditLog(store);
  });
  afterEach(async () => {
    await store?.close().catch(() => undefined);
    await removeDir(dir);
  });

  it('200 refused invokes of 240 KB each: every attempt recorded with its hash and size; the collection stays small', async () => {
    const payloads = Array.from({ length: 200 }, (_, i) => ({ ref: 'C101', notes: `${i}:`.padEnd(240 * 1024, 'x') }));
    const rawBytes = payloads.reduce((n, p) => n + Buffer.byteLength(JSON.stringify(p)), 0);
    const t0 = Date.now();
    for (const p of payloads) await audit.record(refusedInvoke(p));
    const ms = Date.now() - t0;
    const onDisk = await auditBytes();
    const rows = await audit.list({ action: 'action.refused' });
    const inMemory = Buffer.byteLength(JSON.stringify(rows));
    console.log(
      `      flood: ${rows.length} records, payloads ${(rawBytes / 1e6).toFixed(1)} MB → audit log ${(onDisk / 1024).toFixed(1)} KB on disk, ${(inMemory / 1024).toFixed(1)} KB read back, ${ms} ms`,
    );
    assert.equal(rows.length, 200, 'every attempt is recorded');
    assert.ok(onDisk < 200 * 1024, `audit log is ${onDisk} bytes`);
    for (const [i, row] of rows.entries()) {
      const data = row.details!.data as Record<string, unknown>;
      assert.equal(data.sha256, payloadSummary(payloads[i]).sha256, 'the payload is recognisable by its hash');
      assert.ok((data.bytes as number) > 240 * 1024);
      assert.equal(data.omitted, 'payload');
      assert.equal(row.details!.reason, 'not available', 'small facts are kept as given');
      assert.doesNotMatch(JSON.stringify(row), /xxxx/, 'never the payload itself');
    }
    assert.equal(new Set(rows.map((r) => (r.details!.data as { sha256: string }).sha256)).size, 200);
  });

  it('a payload nested 5,000 (and 200,000) deep is recorded, and survives a restart', async () => {
    await audit.record(refusedInvoke(deep(5_000)));
    await audit.record({ at: AT, actor: staff, action: 'action.refused', subject: 'x', payload: deep(200_000) });
    await audit.record({
      at: AT,
      actor: staff,
      action: 'action.refused',
      subject: 'y',
      details: { nested: deep(5_000) },
    });
    await store.close();
    store = await openEmbeddedStore(dir);
    audit = new AuditLog(store);
    const rows = await audit.list();
    assert.equal(rows.length, 3);
    assert.equal((rows[0]!.details!.data as { depth: number }).depth, 5_001);
    assert.equal(rows[1]!.payload!.depth, 200_001);
    assert.equal(rows[1]!.payload!.complete, true);
    assert.match(rows[1]!.payload!.sha256, /^[0-9a-f]{64}$/);
    // Kept down to AUDIT_LIMITS.depth, then summarised.
    const nested = rows[2]!.details!.nested as { a: { a: { omitted: string; depth: number } } };
    assert.equal(nested.a.a.omitted, 'too-deep');
    assert.equal(nested.a.a.depth, 4_999);
    assert.ok((await auditBytes()) < 4 * 1024);
  });

  it('cyclic, $ and . keys, __proto__, throwing getters, proxies, BigInt, symbols: written, safe and readable', async () => {
    const cyclic: Record<string, unknown> = { ref: 'C101' };
    cyclic.self = cyclic;
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": true}, "$where": "sleep(1000)", "a.b": {"$gt": ""}, "constructor": {"prototype": 1}}',
    );
    const getter = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    const odd = {
      n: 10n,
      s: Symbol('s'),
      f: () => 1,
      nan: Number.NaN,
      inf: Infinity,
      bad: new Date('x'),
      u: undefined,
    };
    const inputs: unknown[] = [cyclic, hostile, getter, proxy, odd, [cyclic, cyclic]];
    for (const v of inputs) {
      await audit.record({ at: AT, actor: staff, action: 'probe', details: { detail: v, data: v }, payload: v });
    }
    // Whatever the entry itself is.
    await audit.record(null as never);
    await audit.record({
      at: new Date('nonsense'),
      actor: { id: 'x'.repeat(1e6), name: 'n'.repeat(1e6), kind: 'root' },
      action: 'a'.repeat(1e6),
      subject: 's'.repeat(1e6),
    } as never);
    await store.close();
    store = await openEmbeddedStore(dir);
    audit = new AuditLog(store);
    const rows = await audit.list();
    assert.equal(rows.length, inputs.length + 2);
    for (const row of rows) {
      assert.ok(row.at instanceof Date && !Number.isNaN(row.at.getTime()));
      const keys = allKeys(row);
      assert.ok(
        keys.every((k) => !k.startsWith('$') && !k.includes('.') && k !== '__proto__'),
        `safe keys: ${keys.join(',')}`,
      );
      assert.ok(Buffer.byteLength(JSON.stringify(row)) <= AUDIT_LIMITS.recordBytes + 200);
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
    const hostileRow = rows[1]!.details!.detail as Record<string, unknown>;
    assert.deepEqual(Object.keys(hostileRow).sort(), ['___proto__', '_constructor', '_where', 'a_b']);
    assert.equal(rows[0]!.details!.detail && (rows[0]!.details!.detail as Record<string, unknown>).self, '[cycle]');
    const last = rows.at(-1)!;
    assert.equal(last.actor.kind, 'system');
    assert.ok(
      last.actor.id.length <= AUDIT_LIMITS.actorId &&
        last.action.length <= AUDIT_LIMITS.action &&
        last.subject!.length <= AUDIT_LIMITS.subject,
    );
    assert.ok(last.actor.name!.length <= AUDIT_LIMITS.actorName);
  });

  it('keeps the small records consumers read exactly as given (import, report, setup, withheld deliveries)', async () => {
    const importDetails = {
      sourceName: 'small-valid.json',
      staff: { inserted: 6, updated: 0, unchanged: 0 },
      children: { inserted: 3, updated: 0, unchanged: 0 },
      conflicts: 0,
      conflictRefs: ['C1001'],
    };
    await audit.record({ at: AT, actor: { id: 'import', kind: 'cli' }, action: 'import', details: importDetails });
    await audit.record({
      at: AT,
      actor: staff,
      action: 'report.view',
      subject: 'compliance',
      details: { from: '2026-04-01', to: '2026-09-30', kind: 'half-year' },
    });
    await audit.record({
      at: AT,
      actor: staff,
      action: 'command.refused',
      subject: 'case',
      details: { reason: 'r', guest: true, args: 'C103' },
    });
    const rows = await audit.list();
    assert.deepEqual(rows[0]!.details, importDetails);
    assert.deepEqual(rows[1]!.details, { from: '2026-04-01', to: '2026-09-30', kind: 'half-year' });
    assert.equal((await audit.list({ action: 'command.refused', 'details.args': 'C103' })).length, 1);
    assert.equal(rows[0]!.payload, undefined);
  });

  it('property: any value at all, as details or payload, is written within the record cap', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withSparseArray: true,
          withNullPrototype: true,
          maxDepth: 6,
        }),
        async (v) => {
          await audit.record({ at: AT, actor: staff, action: 'probe', details: { v, data: v }, payload: v });
        },
      ),
      { numRuns: 150 },
    );
    const rows = await audit.list({ action: 'probe' });
    assert.equal(rows.length, 150);
    for (const row of rows) assert.ok(Buffer.byteLength(JSON.stringify(row)) <= AUDIT_LIMITS.recordBytes + 200);
  });

  it('the hash is SHA-256 of a canonical form: equal payloads hash equal, different ones differ', () => {
    const a = payloadSummary({ ref: 'C101', n: [1, 2] });
    assert.equal(a.sha256, createHash('sha256').update('{"ref":"C101","n":[1,2]}').digest('hex'));
    assert.equal(a.bytes, 24);
    assert.notEqual(payloadSummary({ ref: 'C102', n: [1, 2] }).sha256, a.sha256);
  });
});
