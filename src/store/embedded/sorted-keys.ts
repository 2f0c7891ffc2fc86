// The ordered half of an embedded index (issue 12, docs/DESIGN.md "Store"): every (key tuple, id) pair
// kept in order, so a range of keys is found by binary search and read in order, costing per entry in
// the range rather than per document. Pairs live in blocks of at most 2 × BLOCK entries (a flat sorted
// array would move 100,000 pointers on every insert); the blocks themselves are in order.

const BLOCK = 512;

/** One block: parallel arrays (no object per entry), ordered by key, then id. */
interface Block {
  keys: string[];
  ids: string[];
}

/** (key, id) pairs compare by key, then by id: a document's place among equal keys is stable. */
function before(k1: string, id1: string, k2: string, id2: string): boolean {
  return k1 < k2 || (k1 === k2 && id1 < id2);
}

export class SortedKeys {
  private blocks: Block[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Replaces the contents with these pairs (any order): one sort instead of one insert per pair. */
  build(pairs: { key: string; id: string }[]): void {
    pairs.sort((a, b) => (before(a.key, a.id, b.key, b.id) ? -1 : before(b.key, b.id, a.key, a.id) ? 1 : 0));
    this.blocks = [];
    for (let i = 0; i < pairs.length; i += BLOCK) {
      const slice = pairs.slice(i, i + BLOCK);
      this.blocks.push({ keys: slice.map((p) => p.key), ids: slice.map((p) => p.id) });
    }
    this.count = pairs.length;
  }

  insert(key: string, id: string): void {
    if (this.blocks.length === 0) {
      this.blocks.push({ keys: [key], ids: [id] });
      this.count = 1;
      return;
    }
    const b = this.blockFor(key, id);
    const block = this.blocks[b]!;
    const at = positionIn(block, key, id);
    if (block.keys[at] === key && block.ids[at] === id) return; // already there
    block.keys.splice(at, 0, key);
    block.ids.splice(at, 0, id);
    this.count++;
    if (block.keys.length > 2 * BLOCK) {
      this.blocks.splice(b + 1, 0, { keys: block.keys.splice(BLOCK), ids: block.ids.splice(BLOCK) });
    }
  }

  delete(key: string, id: string): void {
    if (this.blocks.length === 0) return;
    const b = this.blockFor(key, id);
    const block = this.blocks[b]!;
    const at = positionIn(block, key, id);
    if (block.keys[at] !== key || block.ids[at] !== id) return;
    block.keys.splice(at, 1);
    block.ids.splice(at, 1);
    this.count--;
    if (block.keys.length === 0) this.blocks.splice(b, 1);
  }

  /**
   * Pairs from the first whose key is ≥ `from`, in order, for as long as `keep(key)` holds (the caller
   * stops at the end of its range). Reads only the pairs it yields, plus one.
   */
  *from(from: string, keep: (key: string) => boolean): Generator<[key: string, id: string]> {
    if (this.blocks.length === 0) return;
    let b = this.blockFor(from, '');
    let i = positionIn(this.blocks[b]!, from, '');
    for (; b < this.blocks.length; b++, i = 0) {
      const { keys, ids } = this.blocks[b]!;
      for (; i < keys.length; i++) {
        if (!keep(keys[i]!)) return;
        yield [keys[i]!, ids[i]!];
      }
    }
  }

  /** The block a pair belongs in: the last whose first pair is not after it (the first block if none). */
  private blockFor(key: string, id: string): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const first = this.blocks[mid]!;
      if (before(key, id, first.keys[0]!, first.ids[0]!)) hi = mid - 1;
      else lo = mid;
    }
    return lo;
  }
}

/** The first position in the block whose pair is not before (key, id). */
function positionIn(block: Block, key: string, id: string): number {
  let lo = 0;
  let hi = block.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(block.keys[mid]!, block.ids[mid]!, key, id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
