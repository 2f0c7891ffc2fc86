import type { Document } from 'mongodb';
import { isPlainObject } from './clone.js';
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

/**
 * An equality index (Map from key tuple to document ids). It may return a superset of the
 * matches; every candidate is re-checked with the full filter, so it only has to never miss one.
 * A compound index also answers equality on its first field alone (MongoDB's index prefix), e.g.
 * the outbox's { status, enqueuedAt, _id } finds the pending messages without reading the sent ones.
 * A sparse single-field index holds exactly the documents that have the field: { $exists: true }.
 */
export class EqualityIndex {
  readonly fields: string[];
  private readonly paths: string[][];
  private readonly map = new Map<string, Set<string>>();
  /** Compound indexes: first field's key → ids. */
  private readonly byFirst: Map<string, Set<string>> | null;

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.key);
    this.paths = this.fields.map((f) => f.split('.'));
    this.byFirst = this.fields.length > 1 ? new Map() : null;
  }

  keysOf(doc: Document): string[] {
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
    if (!this.spec.unique) return null;
    for (const k of keys) {
      const ids = this.map.get(k);
      if (ids && (ids.size > 1 || !ids.has(id))) return k;
    }
    return null;
  }

  add(id: string, keys: readonly string[]): void {
    for (const k of keys) {
      addTo(this.map, k, id);
      if (this.byFirst) addTo(this.byFirst, firstOf(k), id);
    }
  }

  remove(id: string, keys: readonly string[]): void {
    // A document's tuples may share a first key: drop it from byFirst only when no tuple of its keeps it.
    for (const k of keys) removeFrom(this.map, k, id);
    if (this.byFirst) {
      for (const first of new Set(keys.map(firstOf))) removeFrom(this.byFirst, first, id);
    }
  }

  /** Ids under these field values, one per field in index order (each a valueKey). */
  lookup(fieldKeys: readonly string[]): ReadonlySet<string> | undefined {
    return this.map.get(fieldKeys.map(escapeKey).join(KEY_SEP));
  }

  /** Compound indexes: ids whose first field has this value (a valueKey); null for a single-field index. */
  lookupFirst(fieldKey: string): ReadonlySet<string> | undefined | null {
    return this.byFirst ? this.byFirst.get(escapeKey(fieldKey)) : null;
  }

  /** Every indexed id (a sparse index: the documents that have the field). */
  allIds(): ReadonlySet<string> {
    const ids = new Set<string>();
    for (const set of this.map.values()) for (const id of set) ids.add(id);
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

function removeFrom(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) map.delete(key);
}
