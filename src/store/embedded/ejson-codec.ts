import { EJSON, ObjectId } from 'bson';
import { isPlainObject } from './clone.js';
import { sharedText } from './shared-text.js';

// Canonical Extended JSON, as bson's EJSON.stringify(v, { relaxed: false }) writes it and
// EJSON.parse(s, { relaxed: true }) reads it, with fast paths for the common types: the library
// versions were the bulk of load time (about 3x slower on 100k documents). Anything unusual is
// handed to bson, and a test checks both paths give identical output.

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export function stringifyEjson(value: unknown): string {
  // Written straight to text: building the `{ $numberInt: ... }` wrappers first and stringifying them
  // made every stored number and date an object for the garbage collector (most of an import's writes).
  return write(value) as string;
}

/** JSON.stringify(encode(v)), without the intermediate objects; undefined where JSON.stringify gives undefined. */
function write(v: unknown): string | undefined {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return undefined;
    case 'number':
      if (Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX && !Object.is(v, -0)) return `{"$numberInt":"${v}"}`;
      return JSON.stringify(viaBson(v));
    default:
      break;
  }
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + (write(v[i]) ?? 'null');
    return out + ']';
  }
  if (v instanceof Date) {
    const ms = v.getTime();
    return Number.isNaN(ms) ? JSON.stringify(viaBson(v)) : `{"$date":{"$numberLong":"${ms}"}}`;
  }
  if (isPlainObject(v) && typeof v.toJSON !== 'function') {
    let out = '{';
    let first = true;
    for (const k of Object.keys(v)) {
      const text = write(v[k]);
      if (text === undefined) continue;
      out += (first ? '' : ',') + JSON.stringify(k) + ':' + text;
      first = false;
    }
    return out + '}';
  }
  return JSON.stringify(encode(v));
}

/**
 * The text of a log record: the same values as stringifyEjson, written by the engine's own JSON.stringify
 * when the value holds nothing but JSON's types and valid Dates (every stored document in practice), about
 * 3x faster than the writer above (the bulk of an import's and a compaction's time, issue 12). Numbers are
 * then plain JSON numbers rather than `{"$numberInt":…}`: parseEjson (this version and earlier ones) reads
 * both to the same JS number, so nothing is lost; Dates keep their canonical `{"$date":{"$numberLong":…}}`.
 * Anything else (ObjectId, NaN, -0, other BSON types) goes through stringifyEjson.
 */
export function stringifyLogEjson(value: unknown): string {
  return stringifyLogEjsonAll([value])[0]!;
}

/**
 * stringifyLogEjson of each value, with Date#toJSON swapped once for the whole list rather than once per
 * value (redefining a prototype property costs the engine's optimised code each time: an import writes
 * 100,000 documents, issue 12).
 */
export function stringifyLogEjsonAll(values: readonly unknown[]): string[] {
  const out = new Array<string>(values.length);
  const native: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (nativeJsonSafe(values[i])) native.push(i);
    else out[i] = stringifyEjson(values[i]);
  }
  if (native.length === 0) return out;
  // Date#toJSON is swapped only for this synchronous loop: the values hold only plain objects, arrays,
  // Dates and primitives (checked above), so no other code runs while it is swapped.
  const toJSON = Object.getOwnPropertyDescriptor(DATE_PROTOTYPE, 'toJSON')!;
  Object.defineProperty(DATE_PROTOTYPE, 'toJSON', { ...toJSON, value: canonicalDateJson });
  try {
    for (const i of native) out[i] = JSON.stringify(values[i]);
  } finally {
    Object.defineProperty(DATE_PROTOTYPE, 'toJSON', toJSON);
  }
  return out;
}

/** The engine's own Date.prototype, taken at load: a fake clock (sinon) replaces the global Date later. */
const DATE_PROTOTYPE = Date.prototype;

function canonicalDateJson(this: Date): unknown {
  return { $date: { $numberLong: String(this.getTime()) } };
}

/** Whether JSON.stringify (with canonical Dates) writes `v` as EJSON that reads back to the same value. */
function nativeJsonSafe(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return true;
    case 'number':
      return Number.isFinite(v) && !Object.is(v, -0);
    case 'object':
      break;
    default:
      return false;
  }
  if (v === null) return true;
  if (Array.isArray(v)) {
    for (const x of v) if (!nativeJsonSafe(x)) return false;
    return true;
  }
  if (v instanceof Date) return !Number.isNaN(v.getTime()) && !Object.prototype.hasOwnProperty.call(v, 'toJSON');
  if (!isPlainObject(v) || typeof v.toJSON === 'function') return false;
  for (const k in v) if (!nativeJsonSafe(v[k])) return false;
  return true;
}

export function parseEjson(text: string): unknown {
  return decode(JSON.parse(text));
}

function encode(v: unknown): unknown {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX && !Object.is(v, -0)) return { $numberInt: String(v) };
    return viaBson(v);
  }
  if (Array.isArray(v)) return v.map(encode);
  if (v instanceof Date) {
    const ms = v.getTime();
    return Number.isNaN(ms) ? viaBson(v) : { $date: { $numberLong: String(ms) } };
  }
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = encode(v[k]);
    return out;
  }
  if ((v as { _bsontype?: unknown })._bsontype === 'ObjectId') return { $oid: (v as ObjectId).toHexString() };
  return viaBson(v);
}

function viaBson(v: unknown): unknown {
  return EJSON.serialize({ v }, { relaxed: false }).v;
}

function decode(v: unknown): unknown {
  if (typeof v === 'string') return sharedText(v);
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = decode(v[i]);
    return v;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length > 0 && keys[0]!.startsWith('$')) {
    if (keys.length === 1) {
      const x = o[keys[0]!];
      switch (keys[0]) {
        case '$oid':
          if (typeof x === 'string') return new ObjectId(x);
          break;
        case '$numberInt':
          if (typeof x === 'string') return Number.parseInt(x, 10);
          break;
        case '$numberDouble':
          if (typeof x === 'string') return Number(x);
          break;
        case '$numberLong':
          if (typeof x === 'string' && Number.isSafeInteger(Number(x))) return Number(x);
          break;
        case '$date':
          if (isPlainObject(x) && typeof x.$numberLong === 'string' && Object.keys(x).length === 1)
            return new Date(Number(x.$numberLong));
          break;
        default:
          break;
      }
    }
    return EJSON.deserialize(o, { relaxed: true });
  }
  for (const k of keys) o[k] = decode(o[k]);
  return o;
}
