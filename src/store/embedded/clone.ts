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
