// What a read waits for (issue 12: per-message overhead). A read answers from memory, which holds every change
// at once, and then waits until the changes it could have shown are durable, so nobody is ever shown something a
// crash would take back. It used to wait for every change queued in its collection: a `/due` read waited for the
// jobs' unrelated writes (a message queued in some other child) to reach the disk, a sync each. Now a read notes
// what its answer rests on: the documents it looked at (by id, found or not) and the indexes whose entries chose
// them or counted them. A change can alter that answer only through one of those documents, or by moving some
// document within one of those indexes (its keys there changed; an insert or a delete changes every index). A read
// that cannot say what it looked at (a scan of everything, an aggregation) waits for every change, as before.

/** A change not yet durable: its document (null: any) and the indexes whose keys for it changed. */
export interface UnsyncedWrite {
  seq: number;
  id: string | null;
  indexes: ReadonlySet<object> | 'all';
}

/** What one read looked at; a read that notes nothing is taken to depend on everything. */
export class ReadDeps {
  private everything = false;
  private noted = false;
  /** Held, not copied (a range can name thousands): they are only asked about before the read's caller goes on. */
  private readonly idSets: ReadonlySet<string>[] = [];
  readonly indexes = new Set<object>();

  /** Documents looked at, by id (found or not), and the index that chose them, if any. */
  note(ids: ReadonlySet<string>, index: object | null = null): void {
    this.noted = true;
    this.idSets.push(ids);
    if (index) this.indexes.add(index);
  }

  /** Whether the read looked at this document. */
  lookedAt(id: string): boolean {
    return this.idSets.some((ids) => ids.has(id));
  }

  /** An index that answered on its own (a count). */
  noteIndex(index: object): void {
    this.noted = true;
    this.indexes.add(index);
  }

  /** Looked at every document. */
  noteAll(): void {
    this.everything = true;
  }

  get dependsOnEverything(): boolean {
    return this.everything || !this.noted;
  }
}

/**
 * The latest change this read must wait for (0: none): the newest write, or, when the read says what it looked at,
 * the newest one that touched a document it looked at or moved entries in an index it used.
 */
export function seqToWaitFor(deps: ReadDeps, unsynced: readonly UnsyncedWrite[], lastSeq: number): number {
  if (deps.dependsOnEverything) return lastSeq;
  let wait = 0;
  for (const w of unsynced) {
    if (w.seq <= wait) continue;
    if (w.id === null || deps.lookedAt(w.id) || touchesIndex(w, deps.indexes)) wait = w.seq;
  }
  // A change undone after a failed write may be remembered past the log's last line (its number is used again):
  // never wait for a line that does not exist yet.
  return Math.min(wait, lastSeq);
}

function touchesIndex(w: UnsyncedWrite, used: ReadonlySet<object>): boolean {
  if (used.size === 0) return false;
  if (w.indexes === 'all') return true;
  for (const ix of used) if (w.indexes.has(ix)) return true;
  return false;
}
