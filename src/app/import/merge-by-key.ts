// One merge of a stored list with the file's list, by key (docs/DESIGN.md "Import format"), used for a
// child's events, reviews and bookings alike: a new key is appended; a listed record the bot made is
// never overwritten (a difference is reported instead); any other listed record is replaced; a stored
// record the file does not list is kept (an import deletes nothing). Stored order is kept. Pure.

export interface KeyedMergeRules<Stored, Incoming, Why = string> {
  /** The identity a stored record and a file record share (e.g. a review id, an event's type and date). */
  keyOf(record: Stored | Incoming): string;
  /** The record appended for a file record whose key is not stored yet. */
  added(incoming: Incoming): Stored;
  /** The record that replaces a stored one the import may overwrite. */
  updated(existing: Stored, incoming: Incoming): Stored;
  /** A stored record the import must not overwrite (one the bot made). */
  isProtected(existing: Stored): boolean;
  /** Why a protected record and the file's differ, or null when they agree. */
  conflict(existing: Stored, incoming: Incoming): Why | null;
}

export interface KeyedMergeResult<Stored, Why = string> {
  merged: Stored[];
  /** File records not applied because the stored one is protected and differs: their index in the file, and why. */
  conflicts: { index: number; message: Why }[];
}

export function mergeByKey<Stored, Incoming, Why = string>(
  stored: readonly Stored[],
  incoming: readonly Incoming[],
  rules: KeyedMergeRules<Stored, Incoming, Why>,
): KeyedMergeResult<Stored, Why> {
  // Nothing stored (every new child): each file record is added, unless a key comes twice.
  if (stored.length === 0 && distinctKeys(incoming, (r) => rules.keyOf(r))) {
    return { merged: incoming.map((r) => rules.added(r)), conflicts: [] };
  }
  const merged = [...stored];
  const conflicts: KeyedMergeResult<Stored, Why>['conflicts'] = [];
  // First position of each key (a later file record with the same key meets the one just merged).
  const at = new Map<string, number>();
  merged.forEach((record, i) => {
    const key = rules.keyOf(record);
    if (!at.has(key)) at.set(key, i);
  });
  incoming.forEach((record, index) => {
    const key = rules.keyOf(record);
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, merged.length);
      merged.push(rules.added(record));
      return;
    }
    const existing = merged[i]!;
    if (rules.isProtected(existing)) {
      const message = rules.conflict(existing, record);
      if (message !== null) conflicts.push({ index, message });
      return;
    }
    merged[i] = rules.updated(existing, record);
  });
  return { merged, conflicts };
}

/** Whether no two records share a key (lists are short: pairwise, without a map for each). */
export function distinctKeys<T>(records: readonly T[], keyOf: (record: T) => string): boolean {
  if (records.length > 16) return new Set(records.map(keyOf)).size === records.length;
  const keys = records.map(keyOf);
  for (let i = 1; i < keys.length; i++) for (let j = 0; j < i; j++) if (keys[i] === keys[j]) return false;
  return true;
}
