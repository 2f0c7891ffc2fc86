import { closeSync, openSync, readSync } from 'node:fs';
import type { Document } from 'mongodb';
import { AppError } from '../../domain/errors.js';
import { parseRecord } from './log-file.js';
import { valueKey } from './value-key.js';

/**
 * A collection's documents by id (valueKey). Opened from a snapshot (snapshot-file.ts), a document is kept
 * as the place of its line in the log until it is first read, so start-up costs no parsing (issue 12:
 * parsing 100k documents was most of it). The line is read from the file when first needed, through a
 * descriptor held open until every document has been parsed (or the store closes): holding the log's bytes
 * instead kept the whole file in memory (211 MB at 100k children, docs/DESIGN.md "Memory"), since a sweep
 * reads only the children it needs. The log is append-only and replaced only by a rename after every
 * document was read (compaction, a rewrite), so a line's place stays valid in the file this descriptor opened.
 * The indexes come from the snapshot, so a query parses only the documents it reads.
 */
const SCRATCH_KEPT_BYTES = 256 * 1024;

export class DocTable<D extends Document> {
  /** A document, or (a number) one still as its line in the log read at start-up: the ordinal of its place in `at`. */
  private readonly map = new Map<string, D | number>();
  private source: { fd: number; file: string; at: Float64Array } | null = null;
  private unparsed = 0;
  /** Space for reading one line, kept between reads up to SCRATCH_KEPT_BYTES. */
  private scratch = Buffer.alloc(0);

  get size(): number {
    return this.map.size;
  }

  /**
   * Starts the table with documents known by their line's place in `file` (the log, unchanged since it was read
   * and checked): offset and length of ids[i]'s line at at[2i] and at[2i+1]. Each is read and parsed when first needed.
   */
  addUnparsed(file: string, ids: readonly string[], at: Float64Array): void {
    if (this.map.size) throw new Error('addUnparsed starts an empty table');
    if (ids.length === 0) return;
    this.source = { fd: openSync(file, 'r'), file, at };
    for (let i = 0; i < ids.length; i++) this.map.set(ids[i]!, i);
    this.unparsed = ids.length;
  }

  /** Lets the log file go (the store closes); documents not read by then can no longer be. */
  close(): void {
    if (!this.source) return;
    closeSync(this.source.fd);
    this.source = null;
  }

  has(id: string): boolean {
    return this.map.has(id);
  }

  get(id: string): D | undefined {
    const v = this.map.get(id);
    return typeof v === 'number' ? this.parse(id, v) : v;
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
    for (const [id, v] of this.map) yield typeof v === 'number' ? this.parse(id, v) : v;
  }

  *entries(): Generator<[string, D]> {
    for (const [id, v] of this.map) yield [id, typeof v === 'number' ? this.parse(id, v) : v];
  }

  [Symbol.iterator](): Generator<[string, D]> {
    return this.entries();
  }

  private forget(id: string): void {
    if (typeof this.map.get(id) === 'number') this.parsedOne();
  }

  private parsedOne(): void {
    if (--this.unparsed === 0) this.close();
  }

  private parse(id: string, ordinal: number): D {
    if (!this.source) throw new Error('the store is closed');
    const { fd, file, at } = this.source;
    const offset = at[2 * ordinal]!;
    const length = at[2 * ordinal + 1]!;
    let doc: Document | null = null;
    try {
      const into = length <= this.scratch.length ? this.scratch : Buffer.allocUnsafe(length);
      if (into.length <= SCRATCH_KEPT_BYTES) this.scratch = into;
      if (readSync(fd, into, 0, length, offset) === length) {
        const rec = parseRecord(into.toString('utf8', 0, length));
        if (rec.op === 'put') doc = rec.doc;
      }
    } catch {
      // reported below
    }
    // The snapshot named this line for this document and the file's checksum matched it: only a bug gets here.
    if (!doc || !sameId(doc, id)) {
      throw new AppError(
        'store-corrupt',
        `${file}: the line at byte ${offset} is not the document its snapshot says; ` +
          'stop the bot, delete the .snap file beside it and start again (the log is read in full).',
        { file, offset },
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
