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
    super(`E11000 duplicate key error collection: ${collection} index: ${index} dup key: { ${Object.keys(keyPattern).map((k) => `${k}: <redacted>`).join(', ')} }`);
    this.name = 'DuplicateKeyError';
  }
}

export function defaultIndexName(key: Record<string, 1 | -1>): string {
  return Object.entries(key).map(([k, v]) => `${k}_${v}`).join('_');
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

export const KEY_SEP = '\u0000';

/**
 * An equality index (Map from key tuple to document ids). It may return a superset of the
 * matches; every candidate is re-checked with the full filter, so it only has to never miss one.
 */
export class EqualityIndex {
  readonly fields: string[];
  private readonly paths: string[][];
  private readonly map = new Map<string, Set<string>>();

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.key);
    this.paths = this.fields.map((f) => f.split('.'));
  }

  keysOf(doc: Document): string[] {
    const perField = this.paths.map((p) => fieldKeys(doc, p));
    if (this.spec.sparse && perField.every((f) => f.missing)) return [];
    let tuples = [''];
    perField.forEach((f, i) => {
      tuples = tuples.flatMap((t) => f.keys.map((k) => (i === 0 ? k : t + KEY_SEP + k)));
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
      let ids = this.map.get(k);
      if (!ids) this.map.set(k, (ids = new Set()));
      ids.add(id);
    }
  }

  remove(id: string, keys: readonly string[]): void {
    for (const k of keys) {
      const ids = this.map.get(k);
      if (!ids) continue;
      ids.delete(id);
      if (ids.size === 0) this.map.delete(k);
    }
  }

  lookup(key: string): ReadonlySet<string> | undefined {
    return this.map.get(key);
  }

  keyValue(doc: Document): Record<string, unknown> {
    return Object.fromEntries(this.paths.map((p, i) => [this.fields[i]!, valuesAtPath(doc, p)[0] ?? null]));
  }
}
