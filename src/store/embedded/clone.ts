// Deep copy for stored documents. structuredClone would turn ObjectId into a plain object,
// so BSON values (immutable in practice) and other class instances are shared, not copied.
export function cloneValue<T>(value: T, undefinedToNull = false): T {
  return copy(value, undefinedToNull) as T;
}

function copy(v: unknown, undefToNull: boolean): unknown {
  if (v === undefined) return undefToNull ? null : undefined;
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => copy(x, undefToNull));
  if (v instanceof Date) return new Date(v.getTime());
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = copy((v as Record<string, unknown>)[k], undefToNull);
  return out;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Freezes a stored document's plain objects and arrays, once, the first time the store hands it out, so reads
 * can hand it out without a copy: a caller that tries to change it gets a TypeError instead of
 * silently changing the store. Dates and BSON values are left as they are (not plain data).
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    for (const x of value) deepFreeze(x);
  } else if (isPlainObject(value)) {
    // for…in reads the object's cached key list; Object.keys copies it into a new array each time, and a team
    // view freezes thousands of projected rows (docs/DESIGN.md "Memory"). A plain object inherits no enumerable key.
    for (const k in value) deepFreeze(value[k]);
  } else {
    return value;
  }
  return Object.freeze(value);
}

const entrusted = new WeakSet<object>();

/**
 * Hands a freshly built document to the embedded store to keep as it is, without the copy insertOne and
 * insertMany make of a caller's document (an import's 100,000 planned children, issue 12: the copies were
 * 2.8 s of it). The caller promises that nothing in it is changed afterwards, and that it holds no
 * undefined value (the copy would make it null). It is deep-frozen on its first way out, like every stored
 * document. A no-op for MongoDB, whose driver serialises the document at once.
 */
export function entrust<T extends object>(doc: T): T {
  entrusted.add(doc);
  return doc;
}

/** Whether `doc` was entrusted (and not taken yet): the store then takes it as it is, once. */
export function takeEntrusted(doc: object): boolean {
  return entrusted.delete(doc);
}
