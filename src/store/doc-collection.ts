import type {
  Document,
  Filter,
  UpdateFilter,
  OptionalUnlessRequiredId,
  WithId,
  InsertOneResult,
  InsertManyResult,
  UpdateResult,
  DeleteResult,
  Sort,
  FindOptions,
} from 'mongodb';

// The narrow port every repository is written against. The official driver's Collection<T>
// satisfies it as-is (checked by test/store/driver-fits.spec.ts); the embedded adapter implements it.
// Documents it returns are read-only: the embedded store hands out its stored documents deep-frozen
// (no copy per read; a change throws a TypeError) and shares their Date objects, so code that wants a
// changed document builds a new one (spread, map) and never calls a setter on a date it read.
export interface FindCursorLike<T> {
  toArray(): Promise<T[]>;
}

export interface DocCollection<T extends Document> {
  insertOne(doc: OptionalUnlessRequiredId<T>): Promise<InsertOneResult<T>>;
  insertMany(docs: ReadonlyArray<OptionalUnlessRequiredId<T>>): Promise<InsertManyResult<T>>;
  findOne(
    filter: Filter<T>,
    options?: { sort?: Sort; skip?: number; projection?: Document },
  ): Promise<WithId<T> | null>;
  find(
    filter: Filter<T>,
    options?: FindOptions & { sort?: Sort; limit?: number; skip?: number; projection?: Document },
  ): FindCursorLike<WithId<T>>;
  updateOne(filter: Filter<T>, update: UpdateFilter<T>, options?: { upsert?: boolean }): Promise<UpdateResult<T>>;
  updateMany(filter: Filter<T>, update: UpdateFilter<T>, options?: { upsert?: boolean }): Promise<UpdateResult<T>>;
  findOneAndUpdate(
    filter: Filter<T>,
    update: UpdateFilter<T>,
    options: { returnDocument: 'before' | 'after'; upsert?: boolean; sort?: Sort; projection?: Document },
  ): Promise<WithId<T> | null>;
  deleteOne(filter: Filter<T>): Promise<DeleteResult>;
  countDocuments(filter?: Filter<T>): Promise<number>;
  createIndex(
    keys: Record<string, 1 | -1>,
    options?: { unique?: boolean; name?: string; sparse?: boolean },
  ): Promise<string>;
  aggregate<R extends Document = Document>(pipeline: Document[]): FindCursorLike<R>;
}

/**
 * Whether the store can do its job now. `degraded`: writes are refused (embedded: a failed write,
 * until the disk takes writes again) or the database does not answer (MongoDB); `reason` says why,
 * without paths or data. `problems`: what an administrator should look at (data set aside, ...).
 */
export interface StoreHealth {
  status: 'ok' | 'degraded';
  reason?: string;
  problems: string[];
}

/** An opened store: embedded (one process) or MongoDB. */
export interface Store {
  readonly kind: 'embedded' | 'mongodb';
  collection<T extends Document>(name: string): DocCollection<T>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

/**
 * A store that can make a change across collections all or nothing by undoing it (the embedded store:
 * embedded/undo-point.ts), for a process that holds it alone with nothing else writing (the import CLI).
 */
export interface UndoableStore extends Store {
  /** Runs `change`; if it fails or the process dies before it returns, none of its writes is kept. */
  undoable<T>(label: string, change: () => Promise<T>): Promise<T>;
  /** Labels of changes a crash interrupted that opening the store undid. */
  undoneAtOpen(): readonly string[];
}

export function isUndoable(store: Store): store is UndoableStore {
  return typeof (store as Partial<UndoableStore>).undoable === 'function';
}
