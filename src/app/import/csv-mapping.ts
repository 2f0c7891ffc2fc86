import { z } from 'zod';
import { EVENT_TYPES } from '../../domain/types.js';
import type { ImportProblem } from './import-schema.js';
import { LIMITS } from './import-limits.js';
import { parseCsv, type CsvTable } from './csv-parse.js';
import { say, zodSay } from './problem-words.js';

// The CSV form of an import (docs/DESIGN.md "Import format", "CSV form"): one CSV of children, optionally
// one of staff, and a column-mapping JSON file saying which column feeds which import field. They are
// turned into the ordinary import document, which then takes the one path every import takes
// (validation, limits, planning, the journal): nothing here decides what a valid child is.

const CHILD_SCALARS = [
  'ref',
  'givenName',
  'familyName',
  'dateOfBirth',
  'legalStatus',
  'track',
  'iroId',
  'socialWorkerId',
  'socialWorkTeam',
] as const;
const STAFF_SCALARS = [
  'id',
  'name',
  'roles',
  'email',
  'upn',
  'aadObjectId',
  'team',
  'fte',
  'managerId',
  'external',
  'organisation',
  'nominatedSeniorOfficer',
] as const;
const DATE_FIELDS = new Set<string>(['dateOfBirth']);
const LIST_FIELDS = new Set<string>(['roles']);
const BOOL_FIELDS = new Set<string>(['external', 'nominatedSeniorOfficer']);
const NUMBER_FIELDS = new Set<string>(['fte']);

const column = z.string().trim().min(1).max(200);
/** Per field: the export's value → the import's value (e.g. "C/O" → "care-order"); unlisted values pass as they are. */
const valueMap = z.record(z.string().max(200), z.string().max(200));
const columnsOf = <F extends string>(fields: readonly F[]) =>
  Object.fromEntries(fields.map((f) => [f, column.optional()])) as Record<F, z.ZodOptional<typeof column>>;

export const csvMappingSchema = z
  .object({
    formatVersion: z.literal(1),
    /** How dates are written in the CSV; ISO by default. */
    dateFormat: z.enum(['YYYY-MM-DD', 'DD/MM/YYYY']).default('YYYY-MM-DD'),
    children: z
      .object({
        columns: z
          .object(columnsOf(CHILD_SCALARS))
          .strict()
          .refine((c) => c.ref && c.track && c.iroId, { message: 'ref, track and iroId need a column' }),
        /** Each entry: a date column that, when filled in, is an event of that type. */
        events: z
          .array(z.object({ type: z.enum(EVENT_TYPES), column }).strict())
          .max(50)
          .default([]),
        values: z.record(z.enum(CHILD_SCALARS), valueMap).default({}),
      })
      .strict(),
    staff: z
      .object({
        columns: z
          .object(columnsOf(STAFF_SCALARS))
          .strict()
          .refine((c) => c.id && c.name && c.roles, { message: 'id, name and roles need a column' }),
        /** Separator of several roles in one cell. */
        listSeparator: z.string().min(1).max(3).default(';'),
        values: z.record(z.enum(STAFF_SCALARS), valueMap).default({}),
      })
      .strict()
      .optional(),
  })
  .strict();

export type CsvMapping = z.infer<typeof csvMappingSchema>;

export interface CsvImportInput {
  mapping: unknown;
  children: { name: string; text: string };
  staff?: { name: string; text: string };
}

export type CsvConversion =
  | { ok: true; doc: Record<string, unknown>; lineOf: (section: 'children' | 'staff', index: number) => CsvLine }
  | { ok: false; problems: ImportProblem[] };

/** Builds the import document from the CSV form, or says (as `path: rule` lines) why it cannot. */
export function csvToImportDocument(input: CsvImportInput): CsvConversion {
  const parsed = csvMappingSchema.safeParse(input.mapping);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        path: ['mapping', ...i.path].join('.'),
        message: i.message,
        say: zodSay(i.message),
      })),
    };
  }
  const mapping = parsed.data;
  if (input.staff && !mapping.staff) {
    return {
      ok: false,
      problems: [
        {
          path: 'mapping.staff',
          message: 'a staff CSV was given but the mapping has no staff section',
          say: say('errors.import.no-staff-section'),
        },
      ],
    };
  }

  const problems: ImportProblem[] = [];
  const read = (file: { name: string; text: string }, maxRows: number): CsvTable | null => {
    const r = parseCsv(file.text, maxRows);
    if (r.ok) return r.table;
    problems.push({ path: `${file.name}:${r.line}`, message: r.message, say: r.say });
    return null;
  };
  const childTable = read(input.children, LIMITS.maxChildren);
  const staffTable = input.staff ? read(input.staff, LIMITS.maxStaff) : null;
  if (problems.length) return { ok: false, problems };

  const missing = (table: CsvTable, file: string, where: string, cols: Record<string, string | undefined>) => {
    for (const [field, col] of Object.entries(cols)) {
      if (col && !table.header.includes(col))
        problems.push({
          path: `mapping.${where}.${field}`,
          message: `column "${col}" is not in ${file}`,
          say: say('errors.import.no-column', { column: col, file }),
        });
    }
  };
  missing(childTable!, input.children.name, 'children.columns', mapping.children.columns);
  mapping.children.events.forEach((e, i) =>
    missing(childTable!, input.children.name, `children.events[${i}]`, { column: e.column }),
  );
  if (staffTable && mapping.staff) missing(staffTable, input.staff!.name, 'staff.columns', mapping.staff.columns);
  if (problems.length) return { ok: false, problems };

  const date = (v: string) => (mapping.dateFormat === 'DD/MM/YYYY' ? fromDayFirst(v) : v);
  const cellsOf = (table: CsvTable, row: string[]) => new Map(table.header.map((h, i) => [h, row[i]!.trim()]));

  const children = childTable!.rows.map(({ cells }) => {
    const row = cellsOf(childTable!, cells);
    const child: Record<string, unknown> = {};
    for (const [field, col] of Object.entries(mapping.children.columns)) {
      const raw = col ? (row.get(col) ?? '') : '';
      if (raw === '') continue;
      const v = mapping.children.values[field as (typeof CHILD_SCALARS)[number]]?.[raw] ?? raw;
      child[field] = DATE_FIELDS.has(field) ? date(v) : v;
    }
    child.events = mapping.children.events
      .filter((e) => (row.get(e.column) ?? '') !== '')
      .map((e) => ({ type: e.type, date: date(row.get(e.column)!) }));
    return child;
  });

  const staff =
    staffTable && mapping.staff
      ? staffTable.rows.map(({ cells }) => {
          const m = mapping.staff!;
          const row = cellsOf(staffTable, cells);
          const person: Record<string, unknown> = {};
          for (const [field, col] of Object.entries(m.columns)) {
            const raw = col ? (row.get(col) ?? '') : '';
            if (raw === '') continue;
            const v = m.values[field as (typeof STAFF_SCALARS)[number]]?.[raw] ?? raw;
            person[field] = LIST_FIELDS.has(field)
              ? v
                  .split(m.listSeparator)
                  .map((s) => s.trim())
                  .filter(Boolean)
              : BOOL_FIELDS.has(field)
                ? toBool(v)
                : NUMBER_FIELDS.has(field)
                  ? toNumber(v)
                  : v;
          }
          return person;
        })
      : undefined;

  const lines = { children: childTable!.rows.map((r) => r.line), staff: staffTable?.rows.map((r) => r.line) ?? [] };
  const names = { children: input.children.name, staff: input.staff?.name ?? '' };
  return {
    ok: true,
    doc: { formatVersion: 1, ...(staff ? { staff } : {}), children },
    lineOf: (section, index) => ({ file: names[section], line: lines[section][index] ?? null }),
  };
}

/** "07/03/2016" → "2016-03-07"; anything else is passed on for the schema to refuse with its own rule. */
function fromDayFirst(v: string): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : v;
}

function toBool(v: string): unknown {
  const s = v.toLowerCase();
  return ['true', 'yes', 'y', '1'].includes(s) ? true : ['false', 'no', 'n', '0'].includes(s) ? false : v;
}

function toNumber(v: string): unknown {
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) ? n : v;
}

/** Adds the CSV line to each problem about a row (`children[3].dateOfBirth` → `… (children.csv line 5)`). */
export function withCsvLines(
  problems: readonly ImportProblem[],
  lineOf: (section: 'children' | 'staff', index: number) => CsvLine,
): ImportProblem[] {
  return problems.map((p) => {
    const m = /^(children|staff)\[(\d+)\]/.exec(p.path);
    if (!m) return p;
    const at = lineOf(m[1] as 'children' | 'staff', Number(m[2]));
    return { ...p, message: `${p.message} (${at.file} line ${at.line ?? '?'})`, csv: at };
  });
}

/** The CSV file and line a row of the import document came from (null: not known). */
export interface CsvLine {
  file: string;
  line: number | null;
}
