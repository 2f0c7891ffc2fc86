import { ObjectId } from 'bson';
import { aggregate as mingoAggregate, updateOne as mingoUpdateOne } from 'mingo';
import { applyUpdateFast } from './apply-update.js';
import type {
  DeleteResult,
  Document,
  Filter,
  FindOptions,
  InsertManyResult,
  InsertOneResult,
  OptionalUnlessRequiredId,
  Sort,
  UpdateFilter,
  UpdateResult,
  WithId,
} from 'mongodb';
import { isAppError } from '../../domain/errors.js';
import type { DocCollection, FindCursorLike } from '../doc-collection.js';
import { cloneValue, deepFreeze, isPlainObject, takeEntrusted } from './clone.js';
import type { CollectionLog, LogSource } from './collection-log.js';
import { DocTable } from './doc-table.js';
import { DuplicateKeyError, EqualityIndex, defaultIndexName, type IndexSpec, type StringRange } from './indexes.js';
import { serializeRecord, serializeRecords, type ReplayedCollection } from './log-file.js';
import { compileQuery } from './mingo-query.js';
import { ReadDeps, seqToWaitFor, type UnsyncedWrite } from './read-deps.js';
import { indexEntries, type SnapshotContent } from './snapshot-file.js';
import { insertModifier, normalizeSort, prepareUpdate, seedFromFilter, withIdFirst } from './update-helpers.js';
import { valueKey } from './value-key.js';

type Doc = Document & { _id: unknown };

export interface CollectionHost {
  assertOpen(): void;
  /** Throws store-unavailable while the store refuses writes (a failed write, until it recovers). */
  assertWritable(): void;
  /** Live documents of another collection, for $lookup (read-only). */
  documentsOf(name: string): Document[];
}

interface FindOpts {
  sort?: Sort;
  skip?: number;
  limit?: number;
  projection?: Document;
}

interface UpdateOpts {
  upsert?: boolean;
  arrayFilters?: Document[];
}

interface UpdateOutcome {
  matched: number;
  modified: number;
  upsertedId: unknown;
  before: Doc | null;
  after: Doc | null;
  seq: number;
}

const ID_INDEX = '_id_';
/** Changes remembered one by one until durable (read-deps.ts); beyond this, they count as one that every read waits for. */
const MAX_UNSYNCED = 1_024;
const NO_IDS: ReadonlySet<string> = new Set();
/** An insertMany of at least this many documents enters them in the non-unique indexes on first use. */
const DEFER_INDEXES_FROM = 1_000;

/** Equality on an index's first fields and a string range on the next: read in index order (issue 12). */
interface RangePlan {
  ix: EqualityIndex;
  eqKeys: string[];
  field: string;
  range: StringRange;
  /** The filter names only these fields and the range has only string bounds: the index alone answers it. */
  indexOnly: boolean;
}

/**
 * A collection evaluated by mingo over an in-memory Map, with MongoDB's write semantics added
 * (upsert seeding, $setOnInsert, unique indexes, driver-shaped results).
 *
 * Copy-on-write: stored documents are never mutated; an update clones, changes the clone and swaps
 * it in. Reads hand out the stored documents themselves, no copy, deep-frozen on their first way out
 * (so a caller's change throws instead of changing the store): a caller that wants a changed one copies it. Each change is applied synchronously (so log order is apply
 * order) and the operation resolves once its log line is fsynced. Reads also wait until the
 * state they saw is durable, so no caller acts on a change a crash could still undo.
 */
export class MingoCollection<T extends Document = Document> implements DocCollection<T>, LogSource {
  private readonly docs = new DocTable<Doc>();
  private readonly sizes = new Map<string, number>();
  private readonly allIndexes: EqualityIndex[] = [];
  /**
   * Documents a bulk insert stored but has not yet entered in the non-unique indexes: they are entered in one go
   * the first time anything uses the indexes (issue 12: an import's 100,000 children in 15 indexes cost seconds,
   * and a one-off import process never reads them). Unique indexes are kept up to date at once (they refuse).
   */
  private unindexed: Doc[] = [];
  private live = 0;
  private indexBytes = 0;
  /** The read running now notes here what it looked at (read-deps.ts). */
  private reading: ReadDeps | null = null;
  /** Changes not known to be durable yet, oldest first (read-deps.ts). */
  private unsynced: UnsyncedWrite[] = [];

  constructor(
    readonly name: string,
    private readonly log: CollectionLog,
    private readonly host: CollectionHost,
  ) {}

  // --- loading and log support -------------------------------------------------------------

  /** Fills the collection from a replayed log (no log writes). */
  load(docs: Iterable<{ doc: Document; bytes: number }>, indexes: Iterable<IndexSpec>): void {
    for (const { doc, bytes } of docs) {
      const id = valueKey(doc._id);
      this.docs.set(id, doc as Doc);
      this.sizes.set(id, bytes);
      this.live += bytes;
    }
    for (const spec of indexes) {
      const ix = this.buildIndex(spec);
      this.allIndexes.push(ix);
      this.indexBytes += serializeRecord({ op: 'idx', ...spec }).length;
    }
  }

  /**
   * Fills the collection from a snapshot (no document parsed, no index key computed: snapshot-file.ts), then
   * applies the log's records written after it. `file` is the log, read from as documents are first needed.
   */
  loadSnapshot(snap: SnapshotContent, file: string, tail: ReplayedCollection): void {
    this.docs.addUnparsed(file, snap.ids, snap.at);
    for (let i = 0; i < snap.ids.length; i++) {
      this.sizes.set(snap.ids[i]!, snap.at[2 * i + 1]!);
      this.live += snap.at[2 * i + 1]!;
    }
    for (const s of snap.indexes) {
      const ix = new EqualityIndex(s.spec);
      ix.loadEntries(() => indexEntries(snap, s), s.multiKeyDocs);
      this.indexes.push(ix);
      this.indexBytes += serializeRecord({ op: 'idx', ...s.spec }).length;
    }
    // The records after the snapshot, on top of it (a document's last record wins, as in a full replay).
    for (const id of tail.deleted) {
      const old = this.docs.get(id);
      if (!old) continue;
      this.unindex(id, old);
      this.docs.delete(id);
      this.live -= this.sizes.get(id) ?? 0;
      this.sizes.delete(id);
    }
    for (const [id, { doc, bytes }] of tail.docs) {
      const old = this.docs.get(id);
      if (old) this.unindex(id, old);
      for (const ix of this.indexes) {
        const keys = ix.keysOf(doc);
        if (ix.conflict(id, keys)) throw new DuplicateKeyError(this.name, ix.spec.name, ix.spec.key, ix.keyValue(doc));
        ix.add(id, keys);
      }
      this.docs.set(id, doc as Doc);
      this.live += bytes - (this.sizes.get(id) ?? 0);
      this.sizes.set(id, bytes);
    }
    for (const spec of tail.indexes.values()) {
      if (this.indexes.some((ix) => ix.spec.name === spec.name)) continue;
      this.indexes.push(this.buildIndex(spec));
      this.indexBytes += serializeRecord({ op: 'idx', ...spec }).length;
    }
  }

  /** The indexes as they are, for a snapshot (read-only). */
  indexList(): readonly EqualityIndex[] {
    return this.indexes;
  }

  snapshot(): { indexes: IndexSpec[]; docs: Document[] } {
    return { indexes: this.allIndexes.map((ix) => ix.spec), docs: Array.from(this.docs.values()) };
  }

  /** The store closes: lets go of the log file documents not yet read are read from. */
  close(): void {
    this.docs.close();
  }

  liveBytes(): number {
    return this.live + this.indexBytes;
  }

  get size(): number {
    return this.docs.size;
  }

  /** Current documents, uncloned: callers must not mutate them. */
  rawDocuments(): Document[] {
    this.reading?.noteAll();
    return Array.from(this.docs.values());
  }

  // --- DocCollection ------------------------------------------------------------------------

  async insertOne(doc: OptionalUnlessRequiredId<T>): Promise<InsertOneResult<T>> {
    this.assertWritable();
    const d = doc as Document;
    // Like the driver, an _id is generated and set on the caller's object.
    if (d._id === undefined) d._id = new ObjectId();
    const seq = this.put(null, storable(d));
    await this.log.waitFor(seq);
    return { acknowledged: true, insertedId: d._id as InsertOneResult<T>['insertedId'] } as InsertOneResult<T>;
  }

  async insertMany(docs: ReadonlyArray<OptionalUnlessRequiredId<T>>): Promise<InsertManyResult<T>> {
    this.assertWritable();
    if (docs.length === 0) throw new Error('Invalid BulkOperation, Batch cannot be empty'); // as the driver
    const insertedIds: Record<number, unknown> = {};
    let seq = this.log.lastSeq;
    const stored = docs.map((doc) => {
      const d = doc as Document;
      if (d._id === undefined) d._id = new ObjectId();
      return storable(d);
    });
    const lines = serializeRecords(stored.map((doc) => ({ op: 'put', doc })));
    try {
      // Ordered, like the driver's default: stops at the first error, earlier inserts stay.
      stored.forEach((doc, i) => {
        seq = this.put(null, doc, lines[i], docs.length >= DEFER_INDEXES_FROM);
        insertedIds[i] = doc._id;
      });
    } catch (err) {
      await this.log.waitFor(seq);
      throw err;
    }
    await this.log.waitFor(seq);
    return { acknowledged: true, insertedCount: docs.length, insertedIds } as InsertManyResult<T>;
  }

  async findOne(
    filter: Filter<T>,
    options?: { sort?: Sort; skip?: number; projection?: Document },
  ): Promise<WithId<T> | null> {
    const [doc] = await this.read(() =>
      this.output(this.match(filter as Document, { ...options, limit: 1 }), options?.projection),
    );
    return (doc ?? null) as WithId<T> | null;
  }

  find(filter: Filter<T>, options?: FindOptions & FindOpts): FindCursorLike<WithId<T>> {
    // Evaluated at toArray(), like the driver's lazy cursor.
    return {
      toArray: () =>
        this.read(() => this.output(this.match(filter as Document, options), options?.projection)) as Promise<
          WithId<T>[]
        >,
    };
  }

  async countDocuments(filter?: Filter<T>): Promise<number> {
    return this.read(() => {
      if (!filter || !Object.keys(filter).length) {
        this.reading?.noteAll();
        return this.docs.size;
      }
      return this.countFromIndex(filter as Document) ?? this.match(filter as Document).length;
    });
  }

  aggregate<R extends Document = Document>(pipeline: Document[]): FindCursorLike<R> {
    return {
      toArray: () =>
        this.read(() => {
          for (const stage of pipeline) {
            if ('$out' in stage || '$merge' in stage)
              throw new Error('the embedded store does not support $out or $merge');
          }
          const first = pipeline[0];
          const source = first && isPlainObject(first.$match) ? this.source(first.$match) : this.rawDocuments();
          const result = mingoAggregate(source, pipeline, { collectionResolver: (n) => this.host.documentsOf(n) });
          return result.map((d) => cloneValue(d)) as R[];
        }),
    };
  }

  // arrayFilters is accepted beyond the port (the driver takes it too) for `$[name]` updates.
  async updateOne(filter: Filter<T>, update: UpdateFilter<T>, options?: UpdateOpts): Promise<UpdateResult<T>> {
    return this.updateResult(this.update(filter as Document, update, { ...options, multi: false }));
  }

  async updateMany(filter: Filter<T>, update: UpdateFilter<T>, options?: UpdateOpts): Promise<UpdateResult<T>> {
    return this.updateResult(this.update(filter as Document, update, { ...options, multi: true }));
  }

  async findOneAndUpdate(
    filter: Filter<T>,
    update: UpdateFilter<T>,
    options: UpdateOpts & { returnDocument: 'before' | 'after'; sort?: Sort; projection?: Document },
  ): Promise<WithId<T> | null> {
    const out = this.update(filter as Document, update, { ...options, multi: false });
    const doc = options.returnDocument === 'after' ? out.after : out.before;
    const [result] = doc ? this.output([doc], options.projection) : [];
    await this.log.waitFor(out.seq);
    return (result ?? null) as WithId<T> | null;
  }

  async deleteOne(filter: Filter<T>): Promise<DeleteResult> {
    this.assertWritable();
    const [doc] = this.match(filter as Document, { limit: 1 });
    if (!doc) return this.read(() => ({ acknowledged: true, deletedCount: 0 }));
    const id = valueKey(doc._id);
    const size = this.sizes.get(id);
    this.unindex(id, doc);
    this.docs.delete(id);
    this.live -= size ?? 0;
    this.sizes.delete(id);
    const seq = this.log.append(serializeRecord({ op: 'del', _id: doc._id }), () => this.restore(id, null, doc, size), {
      id,
      put: false,
    });
    this.noteWrite(seq, id, 'all');
    await this.log.waitFor(seq);
    return { acknowledged: true, deletedCount: 1 };
  }

  async createIndex(
    keys: Record<string, 1 | -1>,
    options?: { unique?: boolean; name?: string; sparse?: boolean },
  ): Promise<string> {
    this.assertWritable();
    const spec: IndexSpec = {
      name: options?.name ?? defaultIndexName(keys),
      key: { ...keys },
      unique: !!options?.unique,
      sparse: !!options?.sparse,
    };
    if (Object.keys(keys).length === 1 && keys._id !== undefined) return this.read(() => ID_INDEX);
    const same = this.indexes.find((ix) => ix.spec.name === spec.name || sameKey(ix.spec.key, spec.key));
    if (same) {
      if (
        same.spec.name === spec.name &&
        sameKey(same.spec.key, spec.key) &&
        same.spec.unique === spec.unique &&
        same.spec.sparse === spec.sparse
      ) {
        return this.read(() => spec.name);
      }
      // MongoDB's codes: 86 same name with other keys, 85 same keys under another name or options.
      const code = same.spec.name === spec.name && !sameKey(same.spec.key, spec.key) ? 86 : 85;
      throw Object.assign(
        new Error(`index ${spec.name} conflicts with existing index ${same.spec.name} on ${this.name}`),
        {
          code,
          codeName: code === 86 ? 'IndexKeySpecsConflict' : 'IndexOptionsConflict',
        },
      );
    }
    const ix = this.buildIndex(spec);
    this.allIndexes.push(ix);
    const line = serializeRecord({ op: 'idx', ...spec });
    this.indexBytes += line.length;
    await this.log.waitFor(
      this.log.append(
        line,
        () => {
          this.allIndexes.splice(this.allIndexes.indexOf(ix), 1);
          this.indexBytes -= line.length;
        },
        null,
      ),
    );
    return spec.name;
  }

  // --- internals ----------------------------------------------------------------------------

  /** The indexes, each holding every document (entering a bulk insert's documents first, if any wait). */
  private get indexes(): EqualityIndex[] {
    if (this.unindexed.length > 0) {
      const docs = this.unindexed;
      this.unindexed = [];
      const ids = docs.map((doc) => valueKey(doc._id)); // once, not once per index
      for (const ix of this.allIndexes) {
        if (ix.spec.unique) continue;
        for (let i = 0; i < docs.length; i++) ix.add(ids[i]!, ix.keysOf(docs[i]!));
      }
    }
    return this.allIndexes;
  }

  private assertWritable(): void {
    this.host.assertOpen();
    this.host.assertWritable();
  }

  /**
   * Runs a read now, then waits until everything it could have seen is on disk. If a write it saw
   * failed instead, that change has been undone: read again (reads go on while writes are refused).
   */
  private async read<R>(fn: () => R): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      this.host.assertOpen();
      const deps = new ReadDeps();
      this.reading = deps;
      let result: R;
      try {
        result = fn();
      } finally {
        this.reading = null;
      }
      try {
        // Only the changes this answer could show (read-deps.ts); a read that cannot say waits for them all.
        await this.log.waitFor(seqToWaitFor(deps, this.pendingWrites(), this.log.lastSeq));
        return result;
      } catch (err) {
        if (attempt >= 3 || !isAppError(err, 'store-unavailable')) throw err;
      }
    }
  }

  /**
   * Stored documents go out as they are, deep-frozen the first time one is handed out (a frozen one
   * costs one check): start-up replays without paying for it. A projection's new objects are frozen too.
   */
  private output(docs: Doc[], projection: Document | undefined): Document[] {
    if (!projection || !Object.keys(projection).length) return docs.map((d) => deepFreeze(d));
    const tree = inclusionTree(projection);
    if (tree) {
      const out: Document[] = [];
      for (const d of docs) {
        const picked = pick(d, tree);
        if (!picked) break;
        out.push(deepFreeze(picked));
      }
      if (out.length === docs.length) return out;
    }
    return compileQuery({})
      .find(docs, projection)
      .all()
      .map((d) => deepFreeze(cloneValue(d as Document)));
  }

  /** Stored documents matching the filter (uncloned). */
  private match(filter: Document, opts: FindOpts = {}): Doc[] {
    const sort = normalizeSort(opts.sort);
    // By _id, or a sparse index's { $exists: true }: the candidates are the answer, no filter to run on them.
    const exact = this.exactMatches(filter);
    const plan = exact ? null : this.rangePlan(filter);
    if (plan) {
      const walk = sort ? orderedWalk(plan, sort) : null;
      if (walk) return this.walkInOrder(filter, plan, walk, opts.skip ?? 0, Math.abs(opts.limit ?? 0));
    }
    const narrowed = exact ?? (plan ? this.fromRange(plan) : this.narrowest(filter));
    // No index narrows it: each document is tested as the table yields it (scan).
    // Unsorted, it stops once skip + limit have matched (findOne, deleteOne), as mingo's cursor did.
    const enough = !sort && opts.limit ? (opts.skip ?? 0) + Math.abs(opts.limit) : Infinity;
    const source = narrowed ?? this.scan(filter, enough);
    if (source.length === 0) return [];
    // Those, or a range the index answers alone, need no second look at each document (mingo tests `$in` against
    // the whole list: an import's 100,000 refs made it quadratic).
    const answered = exact !== null || !!plan?.indexOnly || narrowed === null;
    const matched = () => (answered ? source : compileQuery(filter).find<Doc>(source).all());
    if (!sort && answered) return pageOf(source, opts);
    if (sort && Object.keys(sort).length === 1 && sort._id !== undefined) {
      const byId = sortedByStringId(matched(), sort._id);
      if (byId) return pageOf(byId, opts);
    }
    return this.sortedPage(answered ? {} : filter, source, sort, opts);
  }

  /** mingo's filter, sort, skip and limit over `source`. */
  private sortedPage(filter: Document, source: Doc[], sort: Record<string, 1 | -1> | undefined, opts: FindOpts): Doc[] {
    let cursor = compileQuery(filter).find<Doc>(source);
    if (sort) cursor = cursor.sort(sort);
    if (opts.skip) cursor = cursor.skip(opts.skip);
    if (opts.limit) cursor = cursor.limit(Math.abs(opts.limit));
    return cursor.all();
  }

  /**
   * The matches themselves when the filter is only an index's answer: `{ _id: a value }` or `{ _id: { $in: [values] } }`, or
   * `{ field: { $exists: true } }` on a sparse single-field index (it holds exactly the documents with the field).
   */
  private exactMatches(filter: Document | undefined): Doc[] | null {
    if (!isPlainObject(filter)) return null;
    const keys = Object.keys(filter);
    if (keys.length !== 1) return null;
    const field = keys[0]!;
    if (field === '_id') {
      const ids = idValues(filter._id);
      return ids ? this.byIdValues(ids) : null;
    }
    if (!existsTrue(filter[field])) return null;
    const ix = this.indexes.find((i) => i.spec.sparse && i.fields.length === 1 && i.fields[0] === field);
    return ix ? this.fromIds(ix.allIds(), ix) : null;
  }

  /**
   * The documents a filter matches, when no index narrows it: each tested as the table yields it, so a full
   * scan holds only its matches. (Taking every document into an array first cost an 800 KB array per query at
   * 100k children, allocated straight in V8's old generation and kept until a major GC: docs/DESIGN.md "Memory".)
   */
  private scan(filter: Document, enough = Infinity): Doc[] {
    this.reading?.noteAll(); // it looked at every document (read-deps.ts)
    const out: Doc[] = [];
    const query = Object.keys(filter).length ? compileQuery<Doc>(filter) : null;
    for (const d of this.docs.values()) {
      if (out.length >= enough) break;
      if (!query || query.test(d)) out.push(d);
    }
    return out;
  }

  /**
   * A superset of the matching documents, narrowed by _id or else by whichever equality index gives the fewest
   * (an index on IRO and another on the unreadable histories: the few unreadable ones, not the IRO's hundreds);
   * null when no index narrows the filter (every document is a candidate: scan).
   */
  private narrowest(filter: Document): Doc[] | null {
    const idEq = equalityValue(filter._id);
    if (idEq.ok) return this.byIdValues([idEq.value]);
    const idIn = inValues(filter._id);
    if (idIn) return this.byIdValues(idIn);
    let best: ReadonlySet<string> | null = null;
    let bestIx: EqualityIndex | null = null;
    const consider = (ids: ReadonlySet<string> | undefined, ix: EqualityIndex) => {
      if (best === null || (ids?.size ?? 0) < best.size) {
        best = ids ?? new Set<string>();
        bestIx = ix;
      }
    };
    for (const ix of this.indexes) {
      const eqs = ix.fields.map((f) => equalityValue(filter[f]));
      if (eqs.every((e) => e.ok)) {
        consider(ix.lookup(eqs.map((e) => valueKey(e.value))), ix);
        continue;
      }
      if (ix.fields.length === 1) {
        const vals = inValues(filter[ix.fields[0]!]);
        if (vals) {
          const ids = new Set<string>();
          for (const v of vals) for (const id of ix.lookup([valueKey(v)]) ?? []) ids.add(id);
          consider(ids, ix);
        } else if (ix.spec.sparse && existsTrue(filter[ix.fields[0]!])) consider(ix.allIds(), ix);
        else if (!ix.spec.sparse && neValue(filter[ix.fields[0]!]) !== undefined)
          // Every document but those under one key: the stale next reviews at start-up are none of 100k.
          consider(ix.idsExcept(valueKey(neValue(filter[ix.fields[0]!]))), ix);
        continue;
      }
      // Equality on the first field of a compound index (its prefix), or a list of values for it; not when that
      // field has a (non-sparse) index of its own, which gives the same candidates.
      if (this.indexes.some((o) => o.fields.length === 1 && o.fields[0] === ix.fields[0] && !o.spec.sparse)) continue;
      const first: unknown = filter[ix.fields[0]!];
      const eq = equalityValue(first);
      const vals = eq.ok ? [eq.value] : inValues(first);
      if (!vals || (eq.ok && (isPlainObject(eq.value) || Array.isArray(eq.value)))) continue;
      const ids = new Set<string>();
      for (const v of vals) for (const id of ix.lookupFirst(valueKey(v)) ?? []) ids.add(id);
      consider(ids, ix);
    }
    return best === null ? null : this.fromIds(best, bestIx);
  }

  /** Where a query starts: a range along an index, else the narrowest equality candidates. */
  private source(filter: Document): Doc[] {
    const plan = this.rangePlan(filter);
    return plan ? this.fromRange(plan) : (this.narrowest(filter) ?? this.scan(filter));
  }

  /**
   * The best range plan for the filter, if any: equality on an index's first fields and a string range on the
   * next. Preferred over an index answering equality on fewer fields (by IRO and date beats by IRO alone), not
   * over one answering equality on as many or more.
   */
  private rangePlan(filter: Document): RangePlan | null {
    if (!isPlainObject(filter) || equalityValue(filter._id).ok || inValues(filter._id)) return null;
    let best: RangePlan | null = null;
    for (const ix of this.indexes) {
      const eqKeys: string[] = [];
      for (const f of ix.fields) {
        const eq = equalityValue(filter[f]);
        if (!eq.ok || isPlainObject(eq.value) || Array.isArray(eq.value)) break;
        eqKeys.push(valueKey(eq.value));
      }
      if (eqKeys.length >= ix.fields.length) continue;
      const field = ix.fields[eqKeys.length]!;
      const range = stringRange(filter[field], ix.multiKey);
      if (!range) continue;
      if (best && best.eqKeys.length >= eqKeys.length) continue;
      const named = new Set(ix.fields.slice(0, eqKeys.length + 1));
      const indexOnly =
        Object.keys(filter).every((k) => named.has(k)) &&
        Object.keys(filter[field] as Document).length === Object.keys(range).length &&
        !ix.multiKey;
      best = { ix, eqKeys, field, range, indexOnly };
    }
    if (!best) return null;
    // An equality index on more fields (or as many) narrows at least as well.
    for (const ix of this.indexes) {
      if (ix.fields.length > best.eqKeys.length && ix.fields.every((f) => equalityValue(filter[f]).ok)) return null;
    }
    return best;
  }

  private fromRange(plan: RangePlan): Doc[] {
    // Every id of the range, as a set: a read notes what it looked at (read-deps.ts), and a multikey index names a
    // document once per tuple.
    const ids = new Set<string>();
    for (const [, id] of plan.ix.range(plan.eqKeys, plan.range)) ids.add(id);
    return this.fromIds(ids, plan.ix);
  }

  /**
   * A sorted, skipped, limited read along the index: documents come in the sort's order, so it stops once
   * `limit` have matched, costing per document read up to there rather than per document in the range.
   * Documents with the same value of the sorted field are sorted among themselves by the rest of the sort.
   */
  private walkInOrder(filter: Document, plan: RangePlan, walk: Walk, skip: number, limit: number): Doc[] {
    const test = compileQuery(filter);
    const out: Doc[] = [];
    let toSkip = skip;
    let group: Doc[] = [];
    let groupPart: string | null = null;
    const seen = new Set<string>();
    const flush = () => {
      const sorted =
        walk.tieSort && group.length > 1 ? compileQuery({}).find<Doc>(group).sort(walk.tieSort).all() : group;
      for (const d of sorted) {
        if (toSkip > 0) toSkip--;
        else out.push(d);
      }
      group = [];
    };
    const entries = plan.ix.range(plan.eqKeys, plan.range);
    for (const [part, id] of walk.descending ? [...entries].reverse() : entries) {
      if (part !== groupPart) {
        flush();
        if (limit && out.length >= limit) break;
        groupPart = part;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      const doc = this.docs.get(id);
      if (doc && (plan.indexOnly || test.test(doc))) group.push(doc);
    }
    flush();
    // What the page rests on: the index's order up to where the walk stopped, and the documents it read.
    this.reading?.note(seen, plan.ix);
    return limit ? out.slice(0, limit) : out;
  }

  /** Counts the index alone can give: a range it fully answers, equality on all its fields, or $ne on one field. */
  private countFromIndex(filter: Document): number | null {
    const plan = this.rangePlan(filter);
    if (plan) {
      if (!plan.indexOnly) return null;
      this.reading?.noteIndex(plan.ix);
      let n = 0;
      const entries = plan.ix.range(plan.eqKeys, plan.range);
      while (!entries.next().done) n++;
      return n;
    }
    const keys = Object.keys(filter);
    for (const ix of this.indexes) {
      if (ix.fields.length !== keys.length || !ix.fields.every((f) => keys.includes(f))) continue;
      const eqs = ix.fields.map((f) => equalityValue(filter[f]));
      if (eqs.every((e) => e.ok && isScalar(e.value))) {
        this.reading?.noteIndex(ix);
        return ix.lookup(eqs.map((e) => valueKey(e.value)))?.size ?? 0;
      }
      // { field: { $ne: scalar } }: every document but those under that key (a non-sparse index holds every document).
      const ne = ix.fields.length === 1 && !ix.spec.sparse ? neValue(filter[ix.fields[0]!]) : undefined;
      if (ne !== undefined) {
        this.reading?.noteIndex(ix);
        return this.docs.size - (ix.lookup([valueKey(ne)])?.size ?? 0);
      }
    }
    return null;
  }

  /** The documents of these `_id` values (a value listed twice finds its document once). */
  private byIdValues(values: unknown[]): Doc[] {
    return this.fromIds(new Set(values.map(valueKey)));
  }

  /** The documents of these ids (a read notes them, found or not, and the index that chose them). */
  private fromIds(ids: ReadonlySet<string> | undefined, index: EqualityIndex | null = null): Doc[] {
    this.reading?.note(ids ?? NO_IDS, index);
    // One array, not three: a team view's range holds thousands (docs/DESIGN.md "Memory").
    const out: Doc[] = [];
    for (const id of ids ?? []) {
      const d = this.docs.get(id);
      if (d) out.push(d);
    }
    return out;
  }

  private buildIndex(spec: IndexSpec): EqualityIndex {
    const ix = new EqualityIndex(spec);
    for (const [id, doc] of this.docs) {
      const keys = ix.keysOf(doc);
      if (ix.conflict(id, keys)) throw new DuplicateKeyError(this.name, spec.name, spec.key, ix.keyValue(doc));
      ix.add(id, keys);
    }
    return ix;
  }

  /**
   * Swaps in a new document state (checking unique indexes first) and queues its log line (given: serialized
   * already). `deferIndexes` (a new document of a bulk insert): the non-unique indexes take it later, with the rest.
   */
  private put(old: Doc | null, next: Doc, serialized?: string, deferIndexes = false): number {
    const id = valueKey(next._id);
    if (!old && this.docs.has(id)) throw new DuplicateKeyError(this.name, ID_INDEX, { _id: 1 }, { _id: next._id });
    const indexes = deferIndexes && !old ? this.allIndexes.filter((ix) => ix.spec.unique) : this.indexes;
    if (indexes !== this.allIndexes) this.unindexed.push(next);
    const newKeys = indexes.map((ix) => ix.keysOf(next));
    indexes.forEach((ix, i) => {
      if (ix.conflict(id, newKeys[i]!)) {
        if (indexes !== this.allIndexes) this.unindexed.pop();
        throw new DuplicateKeyError(this.name, ix.spec.name, ix.spec.key, ix.keyValue(next));
      }
    });
    // An update moves the document only in the indexes whose keys for it changed (a message queued in a child
    // leaves its due date where it was); a new document enters them all.
    const moved = new Set<EqualityIndex>();
    indexes.forEach((ix, i) => {
      const oldKeys = old ? ix.keysOf(old) : null;
      if (oldKeys && sameKeys(oldKeys, newKeys[i]!)) return;
      if (oldKeys) ix.remove(id, oldKeys);
      ix.add(id, newKeys[i]!);
      moved.add(ix);
    });
    this.docs.set(id, next);
    const line = serialized ?? serializeRecord({ op: 'put', doc: next });
    const size = this.sizes.get(id);
    this.live += line.length - (size ?? 0);
    this.sizes.set(id, line.length);
    const seq = this.log.append(line, () => this.restore(id, next, old, size), { id, put: true });
    this.noteWrite(seq, id, old && indexes === this.allIndexes ? moved : 'all');
    return seq;
  }

  /** Remembers a change until it is durable: reads that could show it wait for it (read-deps.ts). */
  private noteWrite(seq: number, id: string, indexes: UnsyncedWrite['indexes']): void {
    this.unsynced.push({ seq, id, indexes });
    if (this.unsynced.length < MAX_UNSYNCED) return;
    this.pendingWrites();
    // A bulk write with nothing durable yet: one entry that every read waits for stands for them all.
    if (this.unsynced.length >= MAX_UNSYNCED) this.unsynced = [{ seq, id: null, indexes: 'all' }];
  }

  /** The changes not durable yet (those undone after a failed write are gone too). */
  private pendingWrites(): readonly UnsyncedWrite[] {
    const durable = this.log.durableSeq;
    const last = this.log.lastSeq;
    const u = this.unsynced;
    if (u.length > 0 && (u[0]!.seq <= durable || u[u.length - 1]!.seq > last)) {
      this.unsynced = u.filter((w) => w.seq > durable && w.seq <= last);
    }
    return this.unsynced;
  }

  /** Undoes one change to a document: `after` (null: it was deleted) goes, `before` (null: it was new) comes back. */
  private restore(id: string, after: Doc | null, before: Doc | null, beforeSize: number | undefined): void {
    if (after) this.unindex(id, after);
    if (before) {
      this.docs.set(id, before);
      for (const ix of this.indexes) ix.add(id, ix.keysOf(before));
    } else {
      this.docs.delete(id);
    }
    this.live += (beforeSize ?? 0) - (this.sizes.get(id) ?? 0);
    if (beforeSize === undefined) this.sizes.delete(id);
    else this.sizes.set(id, beforeSize);
  }

  private unindex(id: string, doc: Doc): void {
    for (const ix of this.indexes) ix.remove(id, ix.keysOf(doc));
  }

  private update(filter: Document, update: unknown, o: UpdateOpts & { multi: boolean; sort?: Sort }): UpdateOutcome {
    this.assertWritable();
    const prepared = prepareUpdate(update);
    const out: UpdateOutcome = {
      matched: 0,
      modified: 0,
      upsertedId: null,
      before: null,
      after: null,
      seq: this.log.lastSeq,
    };
    const targets = this.match(filter, o.multi ? {} : { sort: o.sort, limit: 1 });
    for (const old of targets) {
      const next = applyModifier(old, filter, prepared.modifier, o.arrayFilters);
      out.matched++;
      out.before ??= old;
      if (next) {
        if (valueKey(next._id) !== valueKey(old._id))
          throw new Error("Performing an update on the path '_id' would modify the immutable field '_id'");
        out.seq = this.put(old, next);
        out.modified++;
      }
      out.after ??= next ?? old;
    }
    if (out.matched === 0 && o.upsert) {
      const seeded =
        applyModifier(seedFromFilter(filter) as Doc, {}, insertModifier(prepared), o.arrayFilters) ??
        (seedFromFilter(filter) as Doc);
      if (seeded._id === undefined) seeded._id = new ObjectId();
      const doc = withIdFirst(seeded);
      out.seq = this.put(null, doc);
      out.upsertedId = doc._id;
      out.after = doc;
    }
    return out;
  }

  private async updateResult(out: UpdateOutcome): Promise<UpdateResult<T>> {
    await this.log.waitFor(out.seq);
    return {
      acknowledged: true,
      matchedCount: out.matched,
      modifiedCount: out.modified,
      upsertedCount: out.upsertedId === null ? 0 : 1,
      upsertedId: out.upsertedId,
    } as UpdateResult<T>;
  }
}

/** A caller's document as the store keeps it: its own copy, unless it was entrusted to the store (clone.ts). */
function storable(d: Document): Doc {
  return withIdFirst(takeEntrusted(d) ? d : cloneValue(d, true)) as Doc;
}

/** The changed copy of `doc`, or null when the update changes nothing. */
function applyModifier(
  doc: Doc,
  filter: Document,
  modifier: Document | Document[],
  arrayFilters?: Document[],
): Doc | null {
  if (!arrayFilters && !Array.isArray(modifier)) {
    const fast = applyUpdateFast(doc, modifier);
    if (fast) return fast.changed ? fast.doc : null;
  }
  const box = [cloneValue(doc)];
  // The filter is passed so the positional `$` operator can find its array element.
  const res = mingoUpdateOne(box, filter, modifier as never, arrayFilters ? { arrayFilters } : {});
  return res.modifiedCount ? box[0]! : null;
}

/** `{ _id: value }` or `{ _id: { $in: [...] } }` with plain values: the documents found by id are the matches. */
/** The ids an `_id` condition names when it is a plain value or `{ $in: [plain values] }`; null for anything else. */
function idValues(v: unknown): unknown[] | null {
  const eq = equalityValue(v);
  if (eq.ok) return isPlainObject(eq.value) || Array.isArray(eq.value) ? null : [eq.value];
  return inValues(v);
}

function equalityValue(v: unknown): { ok: true; value: unknown } | { ok: false; value?: undefined } {
  if (v === undefined || v === null || v instanceof RegExp) return { ok: false };
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (keys.some((k) => k.startsWith('$'))) {
      return keys.length === 1 && '$eq' in v ? equalityValue(v.$eq) : { ok: false };
    }
  }
  return { ok: true, value: v };
}

/** Where a page read with skip and limit ends (undefined: the end). */
function limitEnd(opts: FindOpts): number | undefined {
  return opts.limit ? (opts.skip ?? 0) + Math.abs(opts.limit) : undefined;
}

function pageOf(docs: Doc[], opts: FindOpts): Doc[] {
  return opts.skip || opts.limit ? docs.slice(opts.skip ?? 0, limitEnd(opts)) : docs;
}

/** An inclusion projection's fields as a tree (`true` at a leaf), or null for anything mingo should do. */
type Tree = Map<string, Tree | true>;

function inclusionTree(projection: Document): Tree | null {
  const tree: Tree = new Map();
  for (const [path, v] of Object.entries(projection)) {
    if (path === '_id') {
      if (v !== 0 && v !== false && v !== 1 && v !== true) return null;
      if (v === 1 || v === true) tree.set('_id', true);
      continue;
    }
    if ((v !== 1 && v !== true) || path.includes('$')) return null;
    let node = tree;
    const parts = path.split('.');
    for (const [i, part] of parts.entries()) {
      const next = node.get(part);
      if (i === parts.length - 1) {
        if (next !== undefined) return null; // a path and one inside it: MongoDB refuses; mingo says so
        node.set(part, true);
      } else if (next === true) {
        return null;
      } else {
        if (!next) node.set(part, new Map());
        node = node.get(part) as Tree;
      }
    }
  }
  if (!('_id' in projection)) tree.set('_id', true);
  return tree;
}

/**
 * The fields of an inclusion projection, in the document's own order as MongoDB returns them (an embedded
 * document on the way keeps its place, empty if none of its fields are there); values are shared, not copied.
 * Null where an array lies on a path (MongoDB projects into each element): mingo does those.
 */
function pick(doc: Document, tree: Tree): Document | null {
  const out: Document = {};
  // for…in, not Object.keys: no array of the document's keys for each one picked (clone.ts, deepFreeze).
  for (const key in doc) {
    const want = tree.get(key);
    if (want === undefined) continue;
    const v: unknown = doc[key];
    if (want === true) {
      out[key] = v;
    } else if (Array.isArray(v)) {
      return null;
    } else if (isPlainObject(v)) {
      const inner = pick(v, want);
      if (!inner) return null;
      out[key] = inner;
    }
  }
  return out;
}

/**
 * Documents sorted by a string `_id` (every listing "by ref"): a plain sort in UTF-16 code-unit order, the
 * order mingo gives (and MongoDB, short of characters beyond U+FFFF), without mingo's grouping of every
 * document by its key first. Null when some `_id` is not a string: mingo sorts those, across types.
 */
function sortedByStringId(docs: Doc[], dir: 1 | -1): Doc[] | null {
  if (!docs.every((d) => typeof d._id === 'string')) return null;
  return docs.sort((a, b) => (a._id === b._id ? 0 : (a._id as string) < (b._id as string) ? -dir : dir));
}

/** How a sort can be read along a range plan's index: sorted by its range field first, that field not an array. */
interface Walk {
  descending: boolean;
  /** The rest of the sort, applied among documents with the same range value; null if none. */
  tieSort: Record<string, 1 | -1> | null;
}

function orderedWalk(plan: RangePlan, sort: Record<string, 1 | -1>): Walk | null {
  const entries = Object.entries(sort);
  if (plan.ix.multiKey || entries[0]?.[0] !== plan.field) return null;
  const rest = entries.slice(1);
  return { descending: entries[0][1] === -1, tieSort: rest.length ? Object.fromEntries(rest) : null };
}

/**
 * String bounds of a { $gt, $gte, $lt, $lte } condition (bounds of other types are left to the filter). On a
 * multikey index only one bound is used, as MongoDB does: an array matches when each bound holds for some
 * element, not necessarily the same one, so the bounds do not make one interval.
 */
function stringRange(v: unknown, multiKey: boolean): StringRange | null {
  if (!isPlainObject(v)) return null;
  const range: StringRange = {};
  for (const op of ['gte', 'gt', 'lte', 'lt'] as const) {
    const bound = v[`$${op}`];
    if (typeof bound === 'string') range[op] = bound;
    if (multiKey && Object.keys(range).length) break;
  }
  return Object.keys(range).length ? range : null;
}

function isScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function neValue(v: unknown): unknown {
  if (!isPlainObject(v) || Object.keys(v).length !== 1 || !isScalar(v.$ne)) return undefined;
  return v.$ne;
}

function inValues(v: unknown): unknown[] | null {
  if (!isPlainObject(v) || Object.keys(v).length !== 1 || !Array.isArray(v.$in)) return null;
  return v.$in.every((x) => equalityValue(x).ok && !isPlainObject(x) && !Array.isArray(x)) ? v.$in : null;
}

function existsTrue(v: unknown): boolean {
  return isPlainObject(v) && Object.keys(v).length === 1 && v.$exists === true;
}

function sameKey(a: Record<string, 1 | -1>, b: Record<string, 1 | -1>): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
