import assert from 'node:assert/strict';
import type { Document } from 'mongodb';
import type { DocCollection, Store } from '../../src/store/doc-collection.js';
import { COLLECTIONS, type ChildDoc } from '../../src/store/documents.js';
import { openMongoStore, type MongoStore } from '../../src/store/mongo-store.js';
import { ChildrenRepository } from '../../src/store/repositories/children-repository.js';
import { ensureIndexes } from '../../src/store/repositories/indexes.js';
import { OutboxRepository } from '../../src/store/repositories/outbox-repository.js';

// Issue 12: with MongoDB, every query on the hot paths uses an index. The repositories' own queries are
// recorded (a store that passes every call through to the driver and notes find, countDocuments and
// aggregate), then each is explained: its plan must scan an index (IXSCAN, COUNT_SCAN) and never the
// collection (COLLSCAN). Needs a server: skipped, visibly, without MONGODB_URI.

interface Recorded {
  collection: string;
  method: 'find' | 'countDocuments' | 'aggregate';
  args: unknown[];
}

function recordingStore(store: MongoStore, calls: Recorded[]): Store {
  return {
    kind: store.kind,
    health: () => store.health(),
    close: () => store.close(),
    collection<T extends Document>(name: string): DocCollection<T> {
      const col = store.collection<T>(name);
      return new Proxy(col, {
        get(target, prop, receiver) {
          const value: unknown = Reflect.get(target, prop, receiver);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            if (prop === 'find' || prop === 'countDocuments' || prop === 'aggregate') {
              calls.push({ collection: name, method: prop, args });
            }
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    },
  };
}

/** Every `stage` named anywhere in an explain document (classic and slot-based plans, pipelines). */
function stagesOf(explain: unknown, out: string[] = []): string[] {
  if (Array.isArray(explain)) for (const x of explain) stagesOf(x, out);
  else if (explain && typeof explain === 'object') {
    for (const [k, v] of Object.entries(explain)) {
      if (k === 'stage' && typeof v === 'string') out.push(v);
      else stagesOf(v, out);
    }
  }
  return out;
}

describe('MongoDB: the due lists, caseload counts, /actions, outbox and parked messages use indexes (explain)', function () {
  this.timeout(60000);
  let store: MongoStore;
  const calls: Recorded[] = [];

  before(async function () {
    if (!process.env.MONGODB_URI) return this.skip();
    store = await openMongoStore(process.env.MONGODB_URI, `iro_explain_${process.pid}_${Date.now()}`);
    await ensureIndexes(store);
    await new OutboxRepository(store).ensureIndexes();
    const fp = 'policy:0123456789abcdef';
    const child = (ref: string, iroId: string, dueBy: string | null, extra: Partial<ChildDoc> = {}) => ({
      _id: ref,
      ref,
      iroId,
      socialWorkTeam: 'north',
      nextReview: { dueBy, rule: 'W39.2', sequence: 2, explanation: '', booking: null, fingerprint: fp },
      ...extra,
    });
    await store.db
      .collection(COLLECTIONS.children)
      .insertMany([
        child('C1', 'iro-1', '2026-11-20'),
        child('C2', 'iro-1', '2026-12-03'),
        child('C3', 'iro-2', null, { pending: [{ key: 'k1' }] } as never),
      ] as never);
  });
  after(async () => {
    if (!store) return;
    await store.db.dropDatabase();
    await store.close();
  });

  it('the indexes exist', async () => {
    const names = (await store.db.collection(COLLECTIONS.children).listIndexes().toArray()).map((i) => String(i.name));
    for (const name of [
      'iroId.nextReview.dueBy',
      'socialWorkTeam.nextReview.dueBy',
      'nextReview.dueBy',
      'nextReview.fingerprint',
      'nextReview.problem',
      'pending.key',
      'resolutions.status',
      'rescheduleRequests.status',
      'plan.actions.owner.staffId',
      'proceedings.guardianId',
    ]) {
      assert.ok(names.includes(name), `children index ${name}`);
    }
  });

  it('every query the due lists, the team view, the start-up check, the drainer and the sender make scans an index', async () => {
    const recorded = recordingStore(store, calls);
    const children = new ChildrenRepository(recorded);
    const outbox = new OutboxRepository(recorded);
    const week = { $gte: '2026-11-23', $lte: '2026-11-29' };
    await children.listByNextReviewDue('iro-1', { $lt: '2026-11-25' }, { skip: 0, limit: 20 }); // due by IRO
    await children.countByNextReviewDue('iro-1', week);
    await children.listByNextReviewDue(null, week, { skip: 20, limit: 20 }); // service-wide
    await children.countByNextReviewDue(null, { $lt: '2026-11-25' });
    await children.dueCountsByIro(
      { $lte: '2026-11-29' },
      { overdueBefore: '2026-11-25', due: { from: '2026-11-25', to: '2026-11-29' } },
    );
    await children.countWithNextReviewProblem('iro-1');
    await children.countWithNextReviewProblem(null);
    await children.countWithStaleNextReview('policy:0123456789abcdef');
    await children.listByIro('iro-1'); // caseload, per IRO
    await children.listWithPending(100); // parked and queued messages
    await children.listWithOpenResolutions(); // /actions
    await children.listWithPendingRequests();
    await children.listWithPlanActionsFor('iro-1');
    await children.listByGuardian('guardian-1'); // liaison
    await outbox.due(new Date(), 10); // outbox by state
    await outbox.listFailed(10);
    assert.ok(calls.length >= 17, `${calls.length} queries recorded`);
    const db = store.db;
    for (const call of calls) {
      const col = db.collection(call.collection);
      const [first, options] = call.args as [Document, Document | undefined];
      const explain =
        call.method === 'find'
          ? await col.find(first, options).explain('queryPlanner')
          : call.method === 'aggregate'
            ? await col.aggregate(first as unknown as Document[]).explain('queryPlanner')
            : await col.aggregate([{ $match: first }, { $group: { _id: 1, n: { $sum: 1 } } }]).explain('queryPlanner');
      const stages = stagesOf(explain);
      const what = `${call.collection}.${call.method}(${JSON.stringify(first)})`;
      assert.ok(!stages.includes('COLLSCAN'), `${what} scans the collection: ${stages.join(' > ')}`);
      assert.ok(
        stages.some((s) => s === 'IXSCAN' || s === 'COUNT_SCAN' || s === 'DISTINCT_SCAN'),
        `${what} uses no index: ${stages.join(' > ')}`,
      );
    }
  });
});
