import type { Document, Sort } from 'mongodb';
import { cloneValue, isPlainObject } from './clone.js';

export interface PreparedUpdate {
  /** Passed to mingo's updater: update operators, or an aggregation pipeline. */
  modifier: Document | Document[];
  /** Applied (as $set) only when an upsert inserts. */
  setOnInsert: Document | null;
}

/** Splits off $setOnInsert (mingo has no such operator) and copies values so callers can't alias them. */
export function prepareUpdate(update: unknown): PreparedUpdate {
  if (Array.isArray(update)) return { modifier: cloneValue(update, true), setOnInsert: null };
  const keys = isPlainObject(update) ? Object.keys(update) : [];
  if (keys.length === 0 || keys.some((k) => !k.startsWith('$'))) {
    throw new Error('Update document requires atomic operators');
  }
  const { $setOnInsert, ...rest } = cloneValue(update as Document, true);
  return { modifier: rest, setOnInsert: isPlainObject($setOnInsert) ? $setOnInsert : null };
}

/** The modifier an upsert applies to its seed document: $setOnInsert joins $set. */
export function insertModifier(p: PreparedUpdate): Document | Document[] {
  if (Array.isArray(p.modifier) || !p.setOnInsert) return p.modifier;
  return { ...p.modifier, $set: { ...(p.modifier.$set as Document | undefined), ...p.setOnInsert } };
}

/**
 * The document an upsert starts from, as MongoDB builds it: the filter's equality conditions
 * (top level and inside $and), dotted paths expanded into nested documents.
 */
export function seedFromFilter(filter: Document): Document {
  const seed: Document = {};
  const visit = (f: Document): void => {
    for (const [k, v] of Object.entries(f)) {
      if (k === '$and' && Array.isArray(v)) {
        for (const clause of v) if (isPlainObject(clause)) visit(clause);
        continue;
      }
      if (k.startsWith('$')) continue;
      if (isPlainObject(v) && Object.keys(v).some((x) => x.startsWith('$'))) {
        if ('$eq' in v) setPath(seed, k, cloneValue(v.$eq, true));
        continue;
      }
      if (v instanceof RegExp) continue;
      setPath(seed, k, cloneValue(v, true));
    }
  };
  visit(filter);
  return seed;
}

function setPath(target: Document, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node: Document = target;
  for (const p of parts.slice(0, -1)) {
    if (!isPlainObject(node[p])) node[p] = {};
    node = node[p] as Document;
  }
  node[parts[parts.length - 1]!] = value;
}

/** MongoDB puts _id first in every stored document. */
export function withIdFirst<D extends Document>(doc: D): D {
  if (Object.keys(doc)[0] === '_id') return doc;
  return { _id: doc._id as unknown, ...doc } as unknown as D; // the spread keeps the key where it was put: first
}

/** The driver accepts several sort shapes; mingo wants { field: 1 | -1 }. */
export function normalizeSort(sort: Sort | undefined): Record<string, 1 | -1> | undefined {
  if (sort === undefined || sort === null) return undefined;
  const dir = (d: unknown): 1 | -1 => (d === -1 || d === 'desc' || d === 'descending' ? -1 : 1);
  const out: Record<string, 1 | -1> = {};
  if (typeof sort === 'string') out[sort] = 1;
  else if (sort instanceof Map) for (const [k, v] of sort as Map<string, unknown>) out[k] = dir(v);
  else if (Array.isArray(sort)) {
    if (sort.length === 2 && typeof sort[0] === 'string' && !Array.isArray(sort[1]) && typeof sort[1] !== 'string') {
      out[sort[0]] = dir(sort[1]);
    } else {
      for (const item of sort as unknown[]) {
        if (typeof item === 'string') out[item] = 1;
        else if (Array.isArray(item)) out[String(item[0])] = dir(item[1]);
      }
    }
  } else if (typeof sort === 'object') for (const [k, v] of Object.entries(sort)) out[k] = dir(v);
  return Object.keys(out).length ? out : undefined;
}
