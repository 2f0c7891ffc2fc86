import { stringifyEjson } from './ejson-codec.js';

// Map keys for index lookups: values MongoDB treats as equal must map to the same string.
// (Numeric types are not told apart in JS, so 1, 1.0 and Long(1) already coincide.)
export function valueKey(v: unknown): string {
  if (v === null || v === undefined) return 'z';
  switch (typeof v) {
    case 'string':
      return 's' + v;
    case 'number':
      return 'n' + (Object.is(v, -0) ? 0 : v);
    case 'bigint':
      return 'n' + v.toString();
    case 'boolean':
      return v ? 'T' : 'F';
    default:
      break;
  }
  if (v instanceof Date) return 'd' + v.getTime();
  if (isObjectId(v)) return 'o' + v.toHexString();
  return 'j' + stringifyEjson(v);
}

export function isObjectId(v: unknown): v is { toHexString(): string } {
  return typeof v === 'object' && v !== null && (v as { _bsontype?: unknown })._bsontype === 'ObjectId';
}
