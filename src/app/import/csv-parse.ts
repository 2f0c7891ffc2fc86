// A small RFC 4180 reader for case-system exports: quoted fields, "" inside quotes, CRLF or LF line
// ends, a leading byte-order mark. No dependency: the grammar is tiny, and every refusal must name
// the line it is on (the import answers with `file:line` paths, like JSON paths).
import { say, type ProblemSay } from './problem-words.js';

export interface CsvTable {
  header: string[];
  /** Data rows, each as long as the header; `line` is the 1-based line the row starts on. */
  rows: { line: number; cells: string[] }[];
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; line: number; message: string; say: ProblemSay };

/** A refusal: the English message and, for a reader, its catalogue key (issue 13). */
function refuse(
  line: number,
  message: string,
  key: string,
  params?: Record<string, string>,
): Extract<CsvResult, { ok: false }> {
  return { ok: false, line, message, say: say(key, params) };
}

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
          if (i >= src.length) return refuse(startLine, 'a quoted field is never closed', 'errors.import.csv-unclosed');
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
          return refuse(
            line,
            'text after a closing quote (write a quote inside a quoted field as "")',
            'errors.import.csv-after-quote',
          );
        }
      } else {
        while (i < src.length && src[i] !== ',' && src[i] !== '\n' && !(src[i] === '\r' && src[i + 1] === '\n')) {
          if (src[i] === '"')
            return refuse(
              line,
              'a quote inside an unquoted field (quote the whole field)',
              'errors.import.csv-stray-quote',
            );
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
    if (records.length > maxRows + 1)
      return refuse(startLine, `more than ${maxRows} rows`, 'errors.import.csv-rows', { max: String(maxRows) });
  }
  const [head, ...rows] = records;
  if (!head) return refuse(1, 'the file is empty (a header line is needed)', 'errors.import.csv-empty');
  const header = head.cells.map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (!h) return refuse(head.line, 'the header has an empty column name', 'errors.import.csv-empty-column');
    if (seen.has(h))
      return refuse(head.line, `the header names column "${h.slice(0, 60)}" twice`, 'errors.import.csv-column-twice', {
        column: h.slice(0, 60),
      });
    seen.add(h);
  }
  for (const r of rows) {
    if (r.cells.length !== header.length) {
      return refuse(
        r.line,
        `${r.cells.length} fields where the header has ${header.length}`,
        'errors.import.csv-ragged',
        {
          fields: String(r.cells.length),
          header: String(header.length),
        },
      );
    }
  }
  return { ok: true, table: { header, rows } };
}
