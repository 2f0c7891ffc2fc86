// A small RFC 4180 reader for case-system exports: quoted fields, "" inside quotes, CRLF or LF line
// ends, a leading byte-order mark. No dependency: the grammar is tiny, and every refusal must name
// the line it is on (the import answers with `file:line` paths, like JSON paths).

export interface CsvTable {
  header: string[];
  /** Data rows, each as long as the header; `line` is the 1-based line the row starts on. */
  rows: { line: number; cells: string[] }[];
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; line: number; message: string };

/** Parses `text` (already decoded). Refuses ragged rows, a stray quote, an unclosed quote, an empty or duplicate header. */
export function parseCsv(text: string, maxRows = Number.POSITIVE_INFINITY): CsvResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: { line: number; cells: string[] }[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const startLine = line;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (src[i] === '"') {
        i++;
        for (;;) {
          if (i >= src.length) return { ok: false, line: startLine, message: 'a quoted field is never closed' };
          const ch = src[i]!;
          if (ch === '"') {
            if (src[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
        const next = src[i];
        if (next !== undefined && next !== ',' && next !== '\n' && !(next === '\r' && src[i + 1] === '\n')) {
          return { ok: false, line, message: 'text after a closing quote (write a quote inside a quoted field as "")' };
        }
      } else {
        while (i < src.length && src[i] !== ',' && src[i] !== '\n' && !(src[i] === '\r' && src[i + 1] === '\n')) {
          if (src[i] === '"')
            return { ok: false, line, message: 'a quote inside an unquoted field (quote the whole field)' };
          cell += src[i];
          i++;
        }
      }
      cells.push(cell);
      if (src[i] === ',') {
        i++;
        continue;
      }
      if (src[i] === '\r') i++;
      if (src[i] === '\n') {
        i++;
        line++;
      }
      break;
    }
    // A blank line (one empty cell) is skipped: exports often end with one.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: startLine, cells });
    if (records.length > maxRows + 1) return { ok: false, line: startLine, message: `more than ${maxRows} rows` };
  }
  const [head, ...rows] = records;
  if (!head) return { ok: false, line: 1, message: 'the file is empty (a header line is needed)' };
  const header = head.cells.map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (!h) return { ok: false, line: head.line, message: 'the header has an empty column name' };
    if (seen.has(h))
      return { ok: false, line: head.line, message: `the header names column "${h.slice(0, 60)}" twice` };
    seen.add(h);
  }
  for (const r of rows) {
    if (r.cells.length !== header.length) {
      return { ok: false, line: r.line, message: `${r.cells.length} fields where the header has ${header.length}` };
    }
  }
  return { ok: true, table: { header, rows } };
}
