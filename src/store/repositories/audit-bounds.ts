import { createHash } from 'node:crypto';
import type { AuditDoc } from '../documents.js';

// Audit records are bounded by construction (issue 10): whatever a caller hands to `audit.record()` —
// an untrusted card payload of 240 KB, an object nested 5,000 deep, a cycle, `$`/`.` keys, `__proto__`,
// a getter that throws — the record written is small, JSON-safe and never the raw payload.
//
// - `payload` (and the details keys in PAYLOAD_KEYS) is stored as its summary: SHA-256, bytes, depth,
//   node count. Never its content.
// - Every other detail is kept as given when it is small (ids, counts, dates, reasons); a string is
//   cut at AUDIT_LIMITS.string, a too deep / too wide value becomes a summary, and a record still over
//   AUDIT_LIMITS.recordBytes keeps only the summary of its details.
// - Walking the input never recurses on it (an explicit stack) and never throws.

export const AUDIT_LIMITS = {
  /** Characters kept of any string (action, subject, actor, detail values). */
  string: 300,
  action: 100,
  subject: 200,
  actorId: 128,
  actorName: 200,
  /** Characters kept of a detail key. */
  key: 64,
  /** Keys kept per object, items per array. */
  width: 40,
  /** Nesting kept inside details (details itself = 1). */
  depth: 4,
  /** Largest record written (JSON bytes); over it the details are replaced by their summary. */
  recordBytes: 8 * 1024,
  /** Values visited when hashing a payload; beyond it the hash covers a prefix (complete: false). */
  hashNodes: 2_000_000,
} as const;

/** Detail keys that carry what someone sent (untrusted): stored as a summary only. */
export const PAYLOAD_KEYS: ReadonlySet<string> = new Set(['payload', 'data', 'value', 'body', 'activity']);

/** What is kept of a payload: enough to recognise it again (hash) and to see its size, nothing of its content. */
export interface PayloadSummary {
  sha256: string;
  /** UTF-8 bytes of the canonical form hashed. */
  bytes: number;
  /** Deepest nesting seen. */
  depth: number;
  /** Values visited. */
  nodes: number;
  /** False when the hash covers only the first AUDIT_LIMITS.hashNodes values. */
  complete: boolean;
  /** Why a detail was summarised instead of kept (absent for `payload`). */
  omitted?: 'payload' | 'too-deep' | 'too-wide' | 'too-long' | 'too-large' | 'unreadable';
}

/** What callers give: an audit document, plus an optional untrusted payload stored as its summary. */
export type AuditInput = Omit<AuditDoc, '_id' | 'payload'> & { payload?: unknown };

const ACTOR_KINDS: ReadonlySet<string> = new Set(['staff', 'system', 'cli']);

type Work = { v: unknown; depth: number } | { lit: string } | { exit: object };

/** Reads a property without letting a throwing getter or proxy trap escape. */
function read(obj: object, key: string): { ok: true; v: unknown } | { ok: false } {
  try {
    return { ok: true, v: (obj as Record<string, unknown>)[key] };
  } catch {
    return { ok: false };
  }
}

function ownKeys(obj: object): string[] | null {
  try {
    return Object.keys(obj);
  } catch {
    return null;
  }
}

function isDate(v: unknown): v is Date {
  try {
    return v instanceof Date;
  } catch {
    return false;
  }
}

function isArray(v: unknown): v is unknown[] {
  try {
    return Array.isArray(v);
  } catch {
    return false;
  }
}

/** A canonical serialisation fed straight into SHA-256: iterative, cycle-safe, bounded by node count. */
export function payloadSummary(value: unknown, maxNodes: number = AUDIT_LIMITS.hashNodes): PayloadSummary {
  const hash = createHash('sha256');
  let bytes = 0;
  let nodes = 0;
  let maxDepth = 0;
  let complete = true;
  const emit = (s: string) => {
    hash.update(s, 'utf8');
    bytes += Buffer.byteLength(s, 'utf8');
  };
  const ancestors = new Set<object>();
  const stack: Work[] = [{ v: value, depth: 0 }];
  while (stack.length) {
    const w = stack.pop()!;
    if ('lit' in w) {
      emit(w.lit);
      continue;
    }
    if ('exit' in w) {
      ancestors.delete(w.exit);
      continue;
    }
    if (++nodes > maxNodes) {
      complete = false;
      nodes = maxNodes;
      break;
    }
    maxDepth = Math.max(maxDepth, w.depth);
    const v = w.v;
    switch (typeof v) {
      case 'string':
        emit(JSON.stringify(v));
        continue;
      case 'number':
        emit(Number.isFinite(v) ? String(v) : `"${String(v)}"`);
        continue;
      case 'boolean':
        emit(v ? 'true' : 'false');
        continue;
      case 'bigint':
        emit(`"${v.toString()}n"`);
        continue;
      case 'undefined':
        emit('null');
        continue;
      case 'function':
      case 'symbol':
        emit('"[unserialisable]"');
        continue;
      default:
        break;
    }
    if (v === null) {
      emit('null');
      continue;
    }
    const obj = v as object;
    if (isDate(obj)) {
      const t = obj.getTime();
      emit(Number.isNaN(t) ? '"[invalid date]"' : `{"$date":"${obj.toISOString()}"}`);
      continue;
    }
    if (ancestors.has(obj)) {
      emit('"[cycle]"');
      continue;
    }
    const keys = ownKeys(obj);
    if (!keys) {
      emit('"[unreadable]"');
      continue;
    }
    const array = isArray(obj);
    ancestors.add(obj);
    stack.push({ exit: obj }, { lit: array ? ']' : '}' });
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      const r = read(obj, k);
      stack.push(r.ok ? { v: r.v, depth: w.depth + 1 } : { lit: '"[unreadable]"' });
      const sep = i > 0 ? ',' : '';
      stack.push({ lit: array ? sep : `${sep}${JSON.stringify(k)}:` });
    }
    stack.push({ lit: array ? '[' : '{' });
  }
  return { sha256: hash.digest('hex'), bytes, depth: maxDepth, nodes, complete };
}

/** Cuts a string to `max` characters (never splitting a surrogate pair), marking the cut with '…'. */
export function clip(v: unknown, max: number): string {
  let s: string;
  try {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- any value: an object's default text is fine; a throwing toString is caught
    s = typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
  } catch {
    s = '[unreadable]';
  }
  if (s.length <= max) return s;
  let end = max - 1;
  const code = s.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

/** A key safe for MongoDB, EJSON and plain objects: no `$`, no `.`, no prototype names, bounded. */
export function safeKey(k: string): string {
  let s = clip(k, AUDIT_LIMITS.key).replace(/[$.\u0000]/g, '_');
  if (s === '__proto__' || s === 'constructor' || s === 'prototype') s = `_${s}`;
  return s || '_';
}

function summarised(v: unknown, omitted: PayloadSummary['omitted']): PayloadSummary {
  return { ...payloadSummary(v), omitted };
}

/** A detail value as stored: kept when small, else its summary. Recursion is bounded by AUDIT_LIMITS.depth. */
function boundValue(v: unknown, depth: number, ancestors: Set<object>): unknown {
  switch (typeof v) {
    case 'string':
      return v.length > AUDIT_LIMITS.string ? clip(v, AUDIT_LIMITS.string) : v;
    case 'number':
      return Number.isFinite(v) ? v : String(v);
    case 'boolean':
      return v;
    case 'bigint':
      return v.toString();
    case 'undefined':
      return undefined;
    case 'function':
    case 'symbol':
      return '[unserialisable]';
    default:
      break;
  }
  if (v === null) return null;
  const obj = v as object;
  if (isDate(obj)) return Number.isNaN(obj.getTime()) ? null : new Date(obj.getTime());
  // An ObjectId (or anything with a hex id): its string form.
  const hex = read(obj, 'toHexString');
  if (hex.ok && typeof hex.v === 'function') {
    try {
      return clip((hex.v as () => unknown).call(obj), AUDIT_LIMITS.string);
    } catch {
      return '[unreadable]';
    }
  }
  if (ancestors.has(obj)) return '[cycle]';
  const keys = ownKeys(obj);
  if (!keys) return summarised(obj, 'unreadable');
  if (depth >= AUDIT_LIMITS.depth) return summarised(obj, 'too-deep');
  if (keys.length > AUDIT_LIMITS.width) return summarised(obj, 'too-wide');
  ancestors.add(obj);
  try {
    if (isArray(obj)) {
      const out: unknown[] = [];
      for (const k of keys) {
        const r = read(obj, k);
        const b = r.ok ? boundValue(r.v, depth + 1, ancestors) : '[unreadable]';
        out.push(b === undefined ? null : b);
      }
      return out;
    }
    return boundObject(obj, keys, depth, ancestors);
  } finally {
    ancestors.delete(obj);
  }
}

function boundObject(obj: object, keys: string[], depth: number, ancestors: Set<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    let key = safeKey(k);
    for (let n = 2; Object.prototype.hasOwnProperty.call(out, key); n++) key = `${safeKey(k)}~${n}`;
    const r = read(obj, k);
    if (!r.ok) {
      out[key] = '[unreadable]';
      continue;
    }
    const b = depth === 1 && PAYLOAD_KEYS.has(k) ? summarised(r.v, 'payload') : boundValue(r.v, depth + 1, ancestors);
    if (b !== undefined) out[key] = b;
  }
  return out;
}

function jsonBytes(v: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * The record as written: every string bounded, untrusted payloads summarised, at most
 * AUDIT_LIMITS.recordBytes. Never throws, whatever `entry` is.
 */
export function boundedAuditEntry(entry: AuditInput, now: () => Date = () => new Date()): Omit<AuditDoc, '_id'> {
  const e = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
  const field = (k: string) => {
    const r = read(e, k);
    return r.ok ? r.v : undefined;
  };
  const at = field('at');
  const actorIn = field('actor');
  const actor = (actorIn && typeof actorIn === 'object' ? actorIn : {}) as Record<string, unknown>;
  const actorField = (k: string) => {
    const r = read(actor, k);
    return r.ok ? r.v : undefined;
  };
  const kind = actorField('kind');
  const name = actorField('name');
  const out: Omit<AuditDoc, '_id'> = {
    at: isDate(at) && !Number.isNaN(at.getTime()) ? new Date(at.getTime()) : now(),
    actor: {
      id: clip(actorField('id') ?? 'unknown', AUDIT_LIMITS.actorId) || 'unknown',
      ...(name !== undefined && name !== null ? { name: clip(name, AUDIT_LIMITS.actorName) } : {}),
      kind: typeof kind === 'string' && ACTOR_KINDS.has(kind) ? (kind as AuditDoc['actor']['kind']) : 'system',
    },
    action: clip(field('action') ?? 'unknown', AUDIT_LIMITS.action) || 'unknown',
  };
  const subject = field('subject');
  if (subject !== undefined && subject !== null) out.subject = clip(subject, AUDIT_LIMITS.subject);

  const details = field('details');
  if (details !== undefined && details !== null) {
    let bounded: unknown;
    try {
      const keys = details && typeof details === 'object' && !isArray(details) ? ownKeys(details) : null;
      bounded =
        keys === null
          ? { value: boundValue(details, 1, new Set()) }
          : keys.length > AUDIT_LIMITS.width
            ? summarised(details, 'too-wide')
            : boundObject(details as object, keys, 1, new Set([details as object]));
    } catch {
      bounded = summarised(details, 'unreadable');
    }
    out.details = bounded as Record<string, unknown>;
  }
  if (Object.prototype.hasOwnProperty.call(e, 'payload')) out.payload = payloadSummary(field('payload'));
  if (jsonBytes(out) > AUDIT_LIMITS.recordBytes && out.details) {
    out.details = summarised(details, 'too-large') as unknown as Record<string, unknown>;
  }
  return out;
}
