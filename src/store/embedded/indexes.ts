import type { Document } from 'mongodb';
import { isPlainObject } from './clone.js';
import { SortedKeys } from './sorted-keys.js';
import { valueKey } from './value-key.js';

export interface IndexSpec {
  name: string;
  key: Record<string, 1 | -1>;
  unique: boolean;
  sparse: boolean;
}

/** Shaped like the driver's MongoServerError for E11000 so callers can test `err.code === 11000`. */
export class DuplicateKeyError extends Error {
  readonly code = 11000;
  readonly codeName = 'DuplicateKey';
  constructor(
    collection: string,
    index: string,
    readonly keyPattern: Record<string, 1 | -1>,
    readonly keyValue: Record<string, unknown>,
  ) {
    // Key values stay out of the message (they may be personal data); they are on keyValue.
    super(
      `E11000 duplicate key error collection: ${collection} index: ${index} dup key: { ${Object.keys(keyPattern)
        .map((k) => `${k}: <redacted>`)
        .join(', ')} }`,
    );
    this.name = 'DuplicateKeyError';
  }
}

export function defaultIndexName(key: Record<string, 1 | -1>): string {
  return Object.entries(key)
    .map(([k, v]) => `${k}_${v}`)
    .join('_');
}

/** Values found at a dotted path, fanning out over arrays the way MongoDB's matcher does. */
export function valuesAtPath(value: unknown, parts: readonly string[], i = 0): unknown[] {
  if (i === parts.length) return [value];
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const el of value) if (isPlainObject(el)) out.push(...valuesAtPath(el, parts, i));
    if (/^\d+$/.test(parts[i]!)) out.push(...valuesAtPath(value[Number(parts[i])], parts, i + 1));
    return out.length ? out : [undefined];
  }
  if (!isPlainObject(value)) return [undefined];
  return valuesAtPath(value[parts[i]!], parts, i + 1);
}

const AN_ARRAY = Symbol('an array on the path');

/** The value at a dotted path when no array lies on the way (undefined: not there), else AN_ARRAY. */
function scalarAt(doc: Document, parts: readonly string[]): unknown {
  let v: unknown = doc;
  for (const part of parts) {
    if (Array.isArray(v)) return AN_ARRAY;
    if (!isPlainObject(v)) return undefined;
    v = v[part];
  }
  return Array.isArray(v) ? AN_ARRAY : v;
}

/** Keys a document is found under for one field: each value, and each element of array values. */
function fieldKeys(doc: Document, parts: readonly string[]): { keys: string[]; missing: boolean } {
  const keys = new Set<string>();
  let missing = true;
  for (const v of valuesAtPath(doc, parts)) {
    if (v !== undefined) missing = false;
    keys.add(valueKey(v));
    if (Array.isArray(v)) for (const el of v) keys.add(valueKey(el));
  }
  return { keys: [...keys], missing };
}

// A compound key joins its fields' keys with KEY_SEP; inside a field's key every \u0000 becomes
// \u0000\u0001, so the first KEY_SEP in a compound key always ends the first field's key.
const KEY_SEP = '\u0000\u0000';
const escapeKey = (k: string): string => (k.includes('\u0000') ? k.replaceAll('\u0000', '\u0000\u0001') : k);
const firstOf = (tuple: string): string => {
  const i = tuple.indexOf(KEY_SEP);
  return i < 0 ? tuple : tuple.slice(0, i);
};

/** String bounds on one field (MongoDB compares strings with strings only, so other types never fall inside). */
export interface StringRange {
  gt?: string;
  gte?: string;
  lt?: string;
  lte?: string;
}

/**
 * An equality index (Map from key tuple to document ids) with its tuples also kept in order (sorted-keys.ts)
 * for ranges: equality on the first fields, a string range on the next (issue 12: the due lists). It may
 * return a superset of the matches; every candidate is re-checked with the full filter, so it only has to
 * never miss one.
 * A compound index also answers equality on its first field alone (MongoDB's index prefix), e.g.
 * the outbox's { status, enqueuedAt, _id } finds the pending messages without reading the sent ones.
 * A sparse single-field index holds exactly the documents that have the field: { $exists: true }.
 */
export class EqualityIndex {
  readonly fields: string[];
  private readonly paths: string[][];
  /** Key tuple → the one id under it, or a set of several (most keys name one document: no set for each). */
  private readonly map = new Map<string, string | Set<string>>();
  /**
   * Compound indexes: first field's key → ids, built on the first lookupFirst and then kept in step. Most compound
   * indexes never need it (their first field has an index of its own: mingo-collection.ts), and at 100k children
   * each one held ~2.8 MB.
   */
  private byFirst: Map<string, Set<string>> | null = null;
  private readonly sorted = new SortedKeys();
  /**
   * The ordered entries are built on the first range read, then kept in step: start-up pays nothing for them,
   * and an index never read by range (most of them) never holds them.
   */
  private ordered = false;
  /** Documents with more than one tuple (an array value): MongoDB's multikey; ordered reads are then not sorts. */
  private multiKeyDocs = 0;
  /** Entries from a snapshot not yet put in the maps: filled on first use, so start-up does not wait for them. */
  private deferred: (() => Iterable<[key: string, ids: string[]]>) | null = null;

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.key);
    this.paths = this.fields.map((f) => f.split('.'));
  }

  keysOf(doc: Document): string[] {
    // Most documents hold no array on an index's paths: one tuple, built without the fan-out's arrays and sets.
    const parts = new Array<string>(this.paths.length);
    let missing = true;
    for (let i = 0; i < this.paths.length; i++) {
      const v = scalarAt(doc, this.paths[i]!);
      if (v === AN_ARRAY) return this.multiKeysOf(doc);
      if (v !== undefined) missing = false;
      parts[i] = escapeKey(valueKey(v));
    }
    if (this.spec.sparse && missing) return [];
    // Joined rather than concatenated: one flat string, which the maps hash at once (a chain of concatenations
    // is copied flat first, on every lookup of a new key).
    return [parts.length === 1 ? parts[0]! : parts.join(KEY_SEP)];
  }

  /** keysOf where a path meets an array: a tuple for each combination of values, as MongoDB's multikey index. */
  private multiKeysOf(doc: Document): string[] {
    const perField = this.paths.map((p) => fieldKeys(doc, p));
    if (this.spec.sparse && perField.every((f) => f.missing)) return [];
    let tuples = [''];
    perField.forEach((f, i) => {
      tuples = tuples.flatMap((t) => f.keys.map((k) => (i === 0 ? escapeKey(k) : t + KEY_SEP + escapeKey(k))));
    });
    return tuples;
  }

  /** A key this document would share with another document, for unique indexes. */
  conflict(id: string, keys: readonly string[]): string | null {
    this.ready();
    if (!this.spec.unique) return null;
    for (const k of keys) {
      const ids = this.map.get(k);
      if (ids !== undefined && (typeof ids === 'string' ? ids !== id : ids.size > 1 || !ids.has(id))) return k;
    }
    return null;
  }

  add(id: string, keys: readonly string[]): void {
    this.ready();
    for (const k of keys) {
      addId(this.map, k, id);
      if (this.byFirst) addTo(this.byFirst, firstOf(k), id);
      if (this.ordered) this.sorted.insert(k, id);
    }
    if (keys.length > 1) this.multiKeyDocs++;
  }

  /**
   * Gives an empty index a snapshot's entries (key tuple → ids), put in place on the index's first use
   * (start-up, snapshot-file.ts: 14 indexes over 100k children took a second), without reading any document.
   */
  loadEntries(entries: () => Iterable<[key: string, ids: string[]]>, multiKeyDocs: number): void {
    this.deferred = entries;
    this.multiKeyDocs = multiKeyDocs;
  }

  private ready(): void {
    const entries = this.deferred;
    if (!entries) return;
    this.deferred = null;
    // One document under a key is held as its id, as addId does.
    for (const [key, ids] of entries()) this.map.set(key, ids.length === 1 ? ids[0]! : new Set(ids));
  }

  /** Key tuple → ids, for a snapshot. */
  *entries(): Generator<[string, readonly string[]]> {
    this.ready();
    for (const [key, ids] of this.map) yield [key, typeof ids === 'string' ? [ids] : [...ids]];
  }

  get multiKeyDocCount(): number {
    return this.multiKeyDocs;
  }

  /** Puts every tuple in order at once (one sort), the first time a range is read. */
  private ensureOrder(): void {
    this.ready();
    if (this.ordered) return;
    const pairs: { key: string; id: string }[] = [];
    for (const [key, ids] of this.map) {
      if (typeof ids === 'string') pairs.push({ key, id: ids });
      else for (const id of ids) pairs.push({ key, id });
    }
    this.sorted.build(pairs);
    this.ordered = true;
  }

  remove(id: string, keys: readonly string[]): void {
    this.ready();
    // A document's tuples may share a first key: drop it from byFirst only when no tuple of its keeps it.
    for (const k of keys) {
      removeId(this.map, k, id);
      if (this.ordered) this.sorted.delete(k, id);
    }
    if (keys.length > 1) this.multiKeyDocs--;
    if (this.byFirst) {
      for (const first of new Set(keys.map(firstOf))) removeFrom(this.byFirst, first, id);
    }
  }

  /** Ids under these field values, one per field in index order (each a valueKey). */
  lookup(fieldKeys: readonly string[]): ReadonlySet<string> | undefined {
    this.ready();
    const ids = this.map.get(fieldKeys.map(escapeKey).join(KEY_SEP));
    return typeof ids === 'string' ? new Set([ids]) : ids;
  }

  /** Compound indexes: ids whose first field has this value (a valueKey); null for a single-field index. */
  lookupFirst(fieldKey: string): ReadonlySet<string> | undefined | null {
    if (this.fields.length === 1) return null;
    this.ready();
    if (!this.byFirst) {
      this.byFirst = new Map();
      for (const [key, ids] of this.map) {
        const first = firstOf(key);
        if (typeof ids === 'string') addTo(this.byFirst, first, ids);
        else for (const id of ids) addTo(this.byFirst, first, id);
      }
    }
    return this.byFirst.get(escapeKey(fieldKey));
  }

  /** Whether a document has several tuples (an array value), so index order is not MongoDB's sort order. */
  get multiKey(): boolean {
    return this.multiKeyDocs > 0;
  }

  /**
   * Entries whose fields before `eqKeys.length` equal `eqKeys` (valueKeys) and whose next field is a string
   * in `range`, in index order: [that field's key, id]. An id comes once per matching tuple (arrays). Reads
   * only the entries in the range (plus one).
   */
  *range(eqKeys: readonly string[], range: StringRange): Generator<[part: string, id: string]> {
    this.ensureOrder();
    const prefix = eqKeys.length ? eqKeys.map(escapeKey).join(KEY_SEP) + KEY_SEP : '';
    const bound = (v: string | undefined) => (v === undefined ? undefined : escapeKey('s' + v));
    const [gt, gte, lt, lte] = [bound(range.gt), bound(range.gte), bound(range.lt), bound(range.lte)];
    const start = gte !== undefined && (gt === undefined || gte > gt) ? gte : (gt ?? 's');
    const partOf = (tuple: string) => {
      const end = tuple.indexOf(KEY_SEP, prefix.length);
      return end < 0 ? tuple.slice(prefix.length) : tuple.slice(prefix.length, end);
    };
    const inside = (tuple: string) => {
      if (!tuple.startsWith(prefix)) return false;
      const part = partOf(tuple);
      return part.startsWith('s') && (lt === undefined || part < lt) && (lte === undefined || part <= lte);
    };
    for (const [tuple, id] of this.sorted.from(prefix + start, inside)) {
      const part = partOf(tuple);
      if ((gt !== undefined && part <= gt) || (gte !== undefined && part < gte)) continue;
      yield [part, id];
    }
  }

  /** Ids under any key but this one (a valueKey): `{ field: { $ne: value } }` on a single-field index. */
  idsExcept(fieldKey: string): ReadonlySet<string> {
    this.ready();
    const skip = escapeKey(fieldKey);
    const ids = new Set<string>();
    for (const [key, set] of this.map) {
      if (key === skip) continue;
      if (typeof set === 'string') ids.add(set);
      else for (const id of set) ids.add(id);
    }
    return ids;
  }

  /** Every indexed id (a sparse index: the documents that have the field). */
  allIds(): ReadonlySet<string> {
    this.ready();
    const ids = new Set<string>();
    for (const set of this.map.values()) {
      if (typeof set === 'string') ids.add(set);
      else for (const id of set) ids.add(id);
    }
    return ids;
  }

  keyValue(doc: Document): Record<string, unknown> {
    return Object.fromEntries(this.paths.map((p, i) => [this.fields[i]!, valuesAtPath(doc, p)[0] ?? null]));
  }
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  let ids = map.get(key);
  if (!ids) map.set(key, (ids = new Set()));
  ids.add(id);
}

function addId(map: Map<string, string | Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids === undefined) map.set(key, id);
  else if (typeof ids === 'string') {
    if (ids !== id) map.set(key, new Set([ids, id]));
  } else ids.add(id);
}

function removeId(map: Map<string, string | Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids === undefined) return;
  if (typeof ids === 'string') {
    if (ids === id) map.delete(key);
    return;
  }
  ids.delete(id);
  if (ids.size === 0) map.delete(key);
}

function removeFrom(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) map.delete(key);
}
