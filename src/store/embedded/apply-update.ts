import { isEqual } from 'mingo/util';
import type { Document } from 'mongodb';
import { isPlainObject } from './clone.js';

// The update operators the repositories use, applied without mingo (issue 12): mingo's updater builds its
// options and operator tables afresh on every call (~320 µs an update; the start-up sweep spent half its time
// there), and the caller had to deep-copy the whole document first. Here only the objects on the changed paths
// are copied; the rest is shared with the stored version, which is never changed (copy-on-write,
// mingo-collection.ts). Anything else (positional paths, arrayFilters, other operators or modifiers, a path
// through an array or a scalar, overlapping paths, a $pull by condition) returns null and mingo applies it,
// so the answers, errors included, stay mingo's. test/store/embedded/apply-update.spec.ts compares the two.

/** $set, $unset, $inc, $push (a value or { $each }), $pull (elements whose named fields equal scalars). */
const OPERATORS = new Set(['$set', '$unset', '$inc', '$push', '$pull']);
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

export type FastUpdate<D> = { changed: false } | { changed: true; doc: D };

/** The update applied to a copy of `doc`, or null when mingo must apply it. `doc` itself is never changed. */
export function applyUpdateFast<D extends Document>(doc: D, modifier: Document): FastUpdate<D> | null {
  const steps = plan(modifier);
  if (!steps) return null;
  const root: Document = { ...doc };
  const fresh = new WeakSet<object>([root]);
  let changed = false;
  for (const step of steps) {
    const parent = parentOf(root, step, fresh);
    if (parent === ABORT) return null;
    if (parent === null) continue; // $unset / $pull through a missing field: nothing to do
    const outcome = apply(step, parent);
    if (outcome === ABORT) return null;
    changed ||= outcome;
  }
  return changed ? { changed: true, doc: root as D } : { changed: false };
}

interface Step {
  op: string;
  parts: string[];
  value: unknown;
}

const ABORT = Symbol('mingo applies this update');

/** The steps in mingo's order (operators, then fields, as written), or null for an update mingo must apply. */
function plan(modifier: Document): Step[] | null {
  if (!isPlainObject(modifier)) return null;
  const steps: Step[] = [];
  for (const [op, fields] of Object.entries(modifier)) {
    if (!OPERATORS.has(op) || !isPlainObject(fields)) return null;
    for (const [path, value] of Object.entries(fields)) {
      const parts = path.split('.');
      if (parts[0] === '_id' || parts.some((p) => p === '' || p.includes('$') || /^\d+$/.test(p) || UNSAFE.has(p)))
        return null;
      if (!supported(op, value)) return null;
      steps.push({ op, parts, value });
    }
  }
  const paths = steps.map((s) => s.parts.join('.'));
  for (const [i, a] of paths.entries()) {
    for (const b of paths.slice(i + 1)) if (a === b || a.startsWith(b + '.') || b.startsWith(a + '.')) return null;
  }
  return steps;
}

function supported(op: string, value: unknown): boolean {
  switch (op) {
    case '$inc':
      return typeof value === 'number';
    case '$push':
      if (!isPlainObject(value) || !Object.keys(value).some((k) => k.startsWith('$'))) return true;
      return Object.keys(value).length === 1 && Array.isArray(value.$each);
    case '$pull': {
      if (!isPlainObject(value)) return false;
      const entries = Object.entries(value);
      return (
        entries.length > 0 &&
        entries.every(([k, v]) => !k.startsWith('$') && !k.includes('.') && isScalar(v) && v !== null)
      );
    }
    default:
      return true;
  }
}

/**
 * The object holding the step's last field, copied (with every object above it) unless made in this update;
 * missing objects on the way are made for the operators that create ($set, $inc, $push); null when one is
 * missing for the others; ABORT when the path runs through anything but a plain object.
 */
function parentOf(root: Document, step: Step, fresh: WeakSet<object>): Document | null | typeof ABORT {
  let node = root;
  for (const part of step.parts.slice(0, -1)) {
    const cur: unknown = node[part];
    let next: Document;
    if (cur === undefined) {
      if (step.op === '$unset' || step.op === '$pull') return null;
      next = {};
    } else if (isPlainObject(cur)) {
      next = fresh.has(cur) ? cur : { ...cur };
    } else {
      return ABORT;
    }
    fresh.add(next);
    node[part] = next;
    node = next;
  }
  return node;
}

/** Applies one step to its (already copied) parent; whether it changed anything, or ABORT. */
function apply(step: Step, parent: Document): boolean | typeof ABORT {
  const key = step.parts[step.parts.length - 1]!;
  const cur: unknown = parent[key];
  switch (step.op) {
    case '$set':
      if (isEqual(cur, step.value)) return false;
      parent[key] = step.value;
      return true;
    case '$unset':
      if (!Object.hasOwn(parent, key)) return false;
      delete parent[key];
      return cur !== undefined;
    case '$inc': {
      if (cur !== undefined && typeof cur !== 'number') return ABORT;
      const next = ((cur as number | undefined) || 0) + (step.value as number);
      parent[key] = next;
      return next !== cur;
    }
    case '$push': {
      const v = step.value;
      const each = isPlainObject(v) && Array.isArray(v.$each) ? (v.$each as unknown[]) : [v];
      if (cur === undefined) {
        parent[key] = [...each];
        return true;
      }
      if (!Array.isArray(cur)) return ABORT;
      if (each.length === 0) return false;
      parent[key] = [...(cur as unknown[]), ...each];
      return true;
    }
    case '$pull': {
      if (cur === undefined) return false;
      if (!Array.isArray(cur)) return ABORT;
      const spec = Object.entries(step.value as Document);
      const kept: unknown[] = [];
      for (const el of cur as unknown[]) {
        // mingo matches a scalar element against the condition in its own way (it pulls -1 for {key: -1}):
        // an array holding anything but documents is mingo's to change, so the answer stays the same.
        if (!isPlainObject(el)) return ABORT;
        // Only plain values compared: an array or object under a named field is mingo's to match.
        if (spec.some(([k]) => !isScalar(el[k]) && el[k] !== undefined)) return ABORT;
        if (!spec.every(([k, want]) => el[k] === want)) kept.push(el);
      }
      if (kept.length === cur.length) return false;
      parent[key] = kept;
      return true;
    }
    default:
      return ABORT;
  }
}

function isScalar(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}
