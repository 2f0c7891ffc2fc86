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
    for (const k of Object.keys(value)) deepFreeze(value[k]);
  } else {
    return value;
  }
  return Object.freeze(value);
}

/**
 * Whether a document can be stored as it is, without a copy: every plain object and array in it is frozen
 * (so nobody can change it under the store, the same guarantee reads give) and no value is undefined (the
 * copy would turn it into null). Anything else — a class instance, a Date, a BSON value — is shared by a
 * copy too. An import hands over 100,000 freshly built documents this way (issue 12).
 */
export function isStorableAsIs(value: unknown): boolean {
  if (value === undefined) return false;
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    if (!Object.isFrozen(value)) return false;
    for (const x of value) if (!isStorableAsIs(x)) return false;
    return true;
  }
  if (!isPlainObject(value)) return true;
  if (!Object.isFrozen(value)) return false;
  for (const k in value) if (!isStorableAsIs(value[k])) return false;
  return true;
}
