import type { Document } from 'mongodb';
import { AppError } from '../../domain/errors.js';
import { parseRecord, type LinePlace } from './log-file.js';
import { valueKey } from './value-key.js';

/** A document still as its line in the log read at start-up: parsed the first time it is read. */
class Unparsed {
  constructor(
    readonly offset: number,
    readonly bytes: number,
  ) {}
}

/**
 * A collection's documents by id (valueKey). Opened from a snapshot (snapshot-file.ts), a document is kept
 * as the place of its line in the log until it is first read, so start-up costs no parsing (issue 12:
 * parsing 100k documents was most of it); the log's bytes are let go once every document has been parsed.
 * The indexes come from the snapshot, so a query parses only the documents it reads.
 */
export class DocTable<D extends Document> {
  private readonly map = new Map<string, D | Unparsed>();
  private source: { buf: Buffer; file: string } | null = null;
  private unparsed = 0;

  get size(): number {
    return this.map.size;
  }

  /** Adds documents known by their line's place in `buf` (the log, read whole): each is parsed when first read. */
  addUnparsed(buf: Buffer, file: string, entries: Iterable<[id: string, place: LinePlace]>): void {
    this.source = { buf, file };
    for (const [id, p] of entries) {
      if (this.map.get(id) instanceof Unparsed) this.unparsed--;
      this.map.set(id, new Unparsed(p.offset, p.bytes));
      this.unparsed++;
    }
    if (this.unparsed === 0) this.source = null;
  }

  has(id: string): boolean {
    return this.map.has(id);
  }

  get(id: string): D | undefined {
    const v = this.map.get(id);
    return v instanceof Unparsed ? this.parse(id, v) : v;
  }

  set(id: string, doc: D): this {
    this.forget(id);
    this.map.set(id, doc);
    return this;
  }

  delete(id: string): boolean {
    this.forget(id);
    return this.map.delete(id);
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  *values(): Generator<D> {
    for (const [id, v] of this.map) yield v instanceof Unparsed ? this.parse(id, v) : v;
  }

  *entries(): Generator<[string, D]> {
    for (const [id, v] of this.map) yield [id, v instanceof Unparsed ? this.parse(id, v) : v];
  }

  [Symbol.iterator](): Generator<[string, D]> {
    return this.entries();
  }

  private forget(id: string): void {
    if (this.map.get(id) instanceof Unparsed) this.parsedOne();
  }

  private parsedOne(): void {
    if (--this.unparsed === 0) this.source = null;
  }

  private parse(id: string, at: Unparsed): D {
    const { buf, file } = this.source!;
    let doc: Document | null = null;
    try {
      const rec = parseRecord(buf.toString('utf8', at.offset, at.offset + at.bytes));
      if (rec.op === 'put') doc = rec.doc;
    } catch {
      // reported below
    }
    // The snapshot named this line for this document and the file's checksum matched it: only a bug gets here.
    if (!doc || !sameId(doc, id)) {
      throw new AppError(
        'store-corrupt',
        `${file}: the line at byte ${at.offset} is not the document its snapshot says; ` +
          'stop the bot, delete the .snap file beside it and start again (the log is read in full).',
        { file, offset: at.offset },
      );
    }
    this.map.set(id, doc as D);
    this.parsedOne();
    return doc as D;
  }
}

function sameId(doc: Document, id: string): boolean {
  return typeof doc._id === 'string' ? id === 's' + doc._id : valueKey(doc._id) === id;
}
