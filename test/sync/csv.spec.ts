import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCsv } from '../../src/app/import/csv-parse.js';
import { csvToImportDocument } from '../../src/app/import/csv-mapping.js';
import { loadConfig } from '../../src/config.js';
import { CHILDREN_CSV, MAPPING } from './sync-helpers.js';

// The CSV form (issue 14): an RFC 4180 reader and the column mapping that turns rows into the import
// document (validated afterwards by the import itself).

const quote = (s: string) => (/[",\r\n]/.test(s) || s === '' ? `"${s.replaceAll('"', '""')}"` : s);

describe('sync: CSV reader (RFC 4180)', () => {
  it('quotes, escaped quotes, commas and line breaks inside quotes, CRLF, a BOM, a final blank line', () => {
    const r = parseCsv('\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n1,,3\r\n\r\n');
    assert.ok(r.ok);
    assert.deepEqual(r.table.header, ['a', 'b', 'c']);
    assert.deepEqual(r.table.rows, [
      { line: 2, cells: ['x, y', 'say "hi"', 'two\r\nlines'] },
      { line: 4, cells: ['1', '', '3'] },
    ]);
  });

  it('refuses, naming the line: ragged rows, a stray quote, an unclosed quote, text after a closing quote, a bad header', () => {
    const cases: [string, number, RegExp][] = [
      ['a,b\n1\n', 2, /1 fields where the header has 2/],
      ['a,b\n1,x"y\n', 2, /a quote inside an unquoted field/],
      ['a,b\n1,"open\n', 2, /never closed/],
      ['a,b\n1,"x"y\n', 2, /text after a closing quote/],
      ['a,,c\n', 1, /empty column name/],
      ['a,a\n', 1, /names column "a" twice/],
      ['', 1, /empty/],
    ];
    for (const [text, line, why] of cases) {
      const r = parseCsv(text);
      assert.ok(!r.ok, text);
      assert.equal(r.line, line, text);
      assert.match(r.message, why, text);
    }
  });

  it('reads back whatever an RFC 4180 writer wrote (property, LF or CRLF)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', 'é', 'ŵ', '1'), maxLength: 8 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { maxLength: 6 }),
        fc.boolean(),
        (cols, rows, crlf) => {
          const header = Array.from({ length: cols }, (_, i) => `h${i}`);
          const body = rows.map((r) => r.slice(0, cols)).filter((r) => !(cols === 1 && r[0] === ''));
          const eol = crlf ? '\r\n' : '\n';
          const text = [header, ...body].map((r) => r.map(quote).join(',')).join(eol) + eol;
          const parsed = parseCsv(text);
          assert.ok(parsed.ok, JSON.stringify(text));
          assert.deepEqual(
            parsed.table.rows.map((r) => r.cells),
            body,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('sync: CSV column mapping', () => {
  it('turns rows into the import document (value maps, day-first dates, events from date columns, staff roles lists)', () => {
    const r = csvToImportDocument({
      mapping: {
        ...MAPPING,
        children: {
          ...MAPPING.children,
          columns: { ...MAPPING.children.columns, legalStatus: 'Status' },
          values: { legalStatus: { 'C/O': 'care-order' } },
        },
        staff: { columns: { id: 'Id', name: 'Name', roles: 'Roles', external: 'Ext' } },
      },
      children: {
        name: 'c.csv',
        text: 'Child ID,Forename,Surname,DOB,Track,IRO,Social Worker,Team,Date Became LAC,Status\nC1,A,B,7/3/2016,cla,iro-1,,,,C/O\n',
      },
      staff: { name: 's.csv', text: 'Id,Name,Roles,Ext\niro-1,Alex,iro; team-manager,no\n' },
    });
    assert.ok(r.ok);
    assert.deepEqual(r.doc, {
      formatVersion: 1,
      staff: [{ id: 'iro-1', name: 'Alex', roles: ['iro', 'team-manager'], external: false }],
      children: [
        {
          ref: 'C1',
          givenName: 'A',
          familyName: 'B',
          dateOfBirth: '2016-03-07',
          track: 'cla',
          iroId: 'iro-1',
          legalStatus: 'care-order',
          events: [],
        },
      ],
    });
  });

  it('refuses a bad mapping with mapping.* paths: unknown field, missing required column, a column the CSV lacks, staff CSV without a staff section', () => {
    const bad = (mapping: unknown, staff?: string) => {
      const r = csvToImportDocument({
        mapping,
        children: { name: 'c.csv', text: CHILDREN_CSV },
        ...(staff ? { staff: { name: 's.csv', text: staff } } : {}),
      });
      assert.ok(!r.ok);
      return r.problems.map((p) => `${p.path}: ${p.message}`);
    };
    assert.match(
      bad({
        ...MAPPING,
        children: { ...MAPPING.children, columns: { ...MAPPING.children.columns, nickname: 'X' } },
      }).join('\n'),
      /mapping\.children\.columns/,
    );
    assert.match(
      bad({ ...MAPPING, children: { ...MAPPING.children, columns: { ref: 'Child ID' } } }).join('\n'),
      /ref, track and iroId need a column/,
    );
    assert.deepEqual(
      bad({
        ...MAPPING,
        children: { ...MAPPING.children, columns: { ...MAPPING.children.columns, givenName: 'First' } },
      }),
      ['mapping.children.columns.givenName: column "First" is not in c.csv'],
    );
    assert.deepEqual(bad(MAPPING, 'Id\nx\n'), [
      'mapping.staff: a staff CSV was given but the mapping has no staff section',
    ]);
    assert.match(bad(null).join('\n'), /^mapping/);
  });
});

describe('sync: configuration', () => {
  it('everything off when unset; a short IMPORT_TOKEN is not used and is reported', () => {
    const off = loadConfig({});
    assert.equal(off.importToken, undefined);
    assert.equal(off.importDir, undefined);
    assert.deepEqual(off.importClientIds, []);
    const short = loadConfig({ IMPORT_TOKEN: 'x'.repeat(31) });
    assert.equal(short.importToken, undefined);
    assert.equal(short.importTokenTooShort, true);
    assert.equal(loadConfig({ IMPORT_TOKEN: 'x'.repeat(32) }).importToken, 'x'.repeat(32));
    assert.throws(() => loadConfig({ IMPORT_MAX_BYTES: '10' }), /IMPORT_MAX_BYTES/);
  });
});
