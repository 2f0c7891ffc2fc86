// A lease document so that one instance at a time runs a job (docs/DESIGN.md "Proactive delivery and
// jobs"): several bot instances on one MongoDB each try to take it before sweeping. One atomic
// findOneAndUpdate with upsert: it matches when the lease is ours (renewal) or expired (takeover);
// when it is live and someone else's, the filter matches nothing and the upsert's insert collides
// with the existing `_id` (duplicate key, code 11000) — that is the "no". Two instances racing for
// a lease that does not exist yet: one insert wins, the other gets the duplicate key.
//
// Clocks: each instance compares against its own `now`; keep TTLs well above expected clock skew.
// The lease only limits duplicate *work*: outbox idempotency keys already make a double sweep safe.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Store } from '../store/doc-collection.js';
import { DELIVERY_COLLECTIONS, type LeaseDoc } from '../store/delivery-documents.js';
import { isDuplicateKeyError } from '../store/open-store.js';

/** Takes or renews lease `name` for `holder` until now + ttlMs. False while another holder's lease is live. */
export async function acquireLease(
  store: Store,
  name: string,
  holder: string,
  ttlMs: number,
  now: Date,
): Promise<boolean> {
  if (!(ttlMs > 0)) throw new Error(`lease TTL must be positive, got ${ttlMs}`);
  const leases = store.collection<LeaseDoc>(DELIVERY_COLLECTIONS.leases);
  const expiresAt = new Date(now.getTime() + ttlMs);
  try {
    const doc = await leases.findOneAndUpdate(
      { _id: name, $or: [{ holder }, { expiresAt: { $lte: now } }] },
      { $set: { holder, expiresAt } },
      { upsert: true, returnDocument: 'after' },
    );
    return doc?.holder === holder;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}

/** Gives the lease up (on shutdown) so another instance need not wait for it to expire. Only the holder can. */
export async function releaseLease(store: Store, name: string, holder: string): Promise<boolean> {
  const res = await store.collection<LeaseDoc>(DELIVERY_COLLECTIONS.leases).deleteOne({ _id: name, holder });
  return res.deletedCount === 1;
}

/** A lease held by one job of this instance: taken or renewed by `hold`, given up by `release`. */
export interface JobLease {
  /** Takes or renews the lease; false while another instance holds it (or the store cannot say). */
  hold(): Promise<boolean>;
  release(): Promise<void>;
  /** How often a long piece of work renews it (a third of the TTL). */
  readonly renewEveryMs: number;
}

export function jobLease(store: Store, name: string, holder: string, ttlMs: number, clock: () => Date): JobLease {
  return {
    hold: () => acquireLease(store, name, holder, ttlMs, clock()).catch(() => false),
    release: async () => {
      await releaseLease(store, name, holder).catch(() => false);
    },
    renewEveryMs: Math.max(1, Math.floor(ttlMs / 3)),
  };
}

/** A holder name unique to one job instance: host and process, and a random part (two instances may share a process in tests). */
export function instanceHolder(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
