// Issue 13: every problem an import can be refused for carries its words as data (problem-words.ts): a catalogue
// key and values. The English catalogue says word for word what the CLI and POST /api/import say (their text is a
// contract); the Welsh says it in Welsh. Every errors.import key is met by the corpus below.
import assert from 'node:assert/strict';
import { validateHistory } from '../../src/domain/timescales.js';
import { validateImportDocument } from '../../src/app/import/validate-import.js';
import { planImport, type ImportConflict } from '../../src/app/import/merge-import.js';
import { csvToImportDocument, withCsvLines } from '../../src/app/import/csv-mapping.js';
import { parseCsv } from '../../src/app/import/csv-parse.js';
import { scanRawDocument } from '../../src/app/import/import-limits.js';
import { zodSay } from '../../src/app/import/problem-words.js';
import type { ImportDocument, ImportProblem } from '../../src/app/import/import-schema.js';
import type { ChildDoc, StaffDoc } from '../../src/store/documents.js';
import { spoken } from '../../src/teams/error-replies.js';
import { problemLine } from '../../src/teams/cards/import-report.js';
import { CATALOGUES, isMessageKey, translator, type MessageKey } from '../../src/teams/i18n/translate.js';

const NOW = new Date('2026-12-02T10:00:00Z');
const en = translator('en');
const cy = translator('cy');

const schemaProblems = (doc: unknown): ImportProblem[] => {
  const r = validateImportDocument(doc, NOW);
  assert.ok(!r.ok, 'refused');
  return r.problems;
};

const staff = (id: string, extra: Partial<StaffDoc> = {}): StaffDoc =>
  ({ _id: id, id, name: id, roles: ['iro'], ...extra }) as StaffDoc;

function corpus(): ImportProblem[] {
  const out: ImportProblem[] = [];
  // The schema: zod's words and the format's own rules.
  out.push(
    ...schemaProblems({
      formatVersion: 1,
      surplus: true,
      staff: [
        { id: 5, name: 'x', roles: ['nope'], fte: 0, email: 'bad', external: 'yes', aadObjectId: 'x y' },
        { id: 'a', name: '', roles: [], fte: 3, team: 7, upn: 'a b' },
        { id: 'g', name: 'Line\nbreak', roles: ['guardian', 'guardian'], managerId: 'g' },
        { id: 'constructor', name: 'x'.repeat(201), roles: ['iro'] },
        { id: '-x', name: 'x', roles: ['iro'] },
      ],
      children: [
        {
          ref: 'C 1',
          iroId: 'a',
          track: 'zzz',
          events: [
            { type: 'became-looked-after', date: '2016-02-30' },
            { type: 'became-looked-after', date: '1899-12-31', dueBy: '2016-03-01', reason: 'child-request' },
            { type: 'review-brought-forward', date: '2016-03-01' },
          ],
          reviews: [{ id: 'r', heldOn: '2016-03-02', recordDistributedOn: '2016-03-01', combinedWithCP: 3 }],
          bookings: [
            { id: 'b', start: '2016' },
            { id: 'b2', start: '2016-02-30T10:00:00Z' },
          ],
          proceedings: { startedOn: '2016-01-01', discussionIntervalDays: 400 },
        },
        { ref: 'C2', iroId: 'a', track: 'cla', events: [], reviews: Array.from({ length: 501 }, () => null) },
        'str',
      ],
    }),
  );
  out.push(
    ...schemaProblems({
      formatVersion: 1,
      staff: [{ id: 'g1', name: 'G', roles: ['guardian'], external: false, organisation: null }],
      children: [
        {
          ref: 'C5',
          iroId: 'g1',
          track: 'cla',
          events: [{ type: 'review-brought-forward', date: '2016-03-01' }],
          reviews: [{ id: 'r', heldOn: '2016-03-02', recordDistributedOn: '2016-03-01' }],
          bookings: [{ id: 'b', start: `2016-06-20T10:00:00${'0'.repeat(30)}` }],
        },
      ],
    }),
  );
  out.push(...schemaProblems({ formatVersion: 2 }));
  out.push(...schemaProblems({ formatVersion: 1, children: [{ ref: 'C1', track: 'cla', events: [] }] }));
  out.push(...schemaProblems({ formatVersion: 1, staff: [{ id: 'x', name: 'x', roles: ['iro'], fte: 0.5 }], $set: 1 }));
  out.push(...schemaProblems({ formatVersion: 1, 'a.b': 1, ['__proto__' as string]: 1 }));
  out.push(...schemaProblems(JSON.parse('{"formatVersion":1,"__proto__":{}}')));
  let deep: unknown = {};
  for (let i = 0; i < 20; i++) deep = { a: deep };
  out.push(...schemaProblems({ formatVersion: 1, deep }));
  out.push(...scanRawDocument({ formatVersion: 1, text: 'x'.repeat(100) }, 100, 50));
  // Dates against today.
  out.push(
    ...schemaProblems({
      formatVersion: 1,
      children: [
        {
          ref: 'C3',
          iroId: 'a',
          track: 'cla',
          dateOfBirth: '2027-01-01',
          events: [{ type: 'became-looked-after', date: '2029-01-01' }],
          bookings: [{ id: 'b', start: '2030-01-01T10:00:00Z' }],
        },
        {
          ref: 'C4',
          iroId: 'a',
          track: 'cla',
          dateOfBirth: '2016-01-01',
          events: [{ type: 'became-looked-after', date: '2015-03-01' }],
          reviews: [{ id: 'r', heldOn: '2015-12-01' }],
        },
      ],
    }),
  );
  // The plan: the store, the directory and the history.
  const doc = {
    formatVersion: 1,
    staff: [
      { id: 'iro-1', name: 'A', roles: ['iro'], managerId: 'nobody', email: 'one@x.example' },
      { id: 'IRO-1', name: 'B', roles: ['iro'], aadObjectId: 'aad-1' },
      { id: 'sw-9', name: 'C', roles: ['social-worker'], email: 'ONE@x.example', aadObjectId: 'aad-1' },
      { id: 'tm-1', name: 'D', roles: ['team-manager'] },
    ],
    children: [
      {
        ref: 'C10',
        iroId: 'sw-9',
        track: 'cla',
        socialWorkerId: 'ghost',
        events: [{ type: 'became-looked-after', date: '2016-03-01' }],
        reviews: [
          { id: 'R1', heldOn: '2016-02-01' },
          { id: 'R1', heldOn: '2016-04-01' },
          { id: 'R2', heldOn: '2016-02-01' },
        ],
        proceedings: { startedOn: '2016-01-01', guardianId: 'tm-1' },
      },
      { ref: 'c10', iroId: 'tm-1', track: 'cla', events: [] },
      { ref: 'hx01', iroId: 'iro-1', track: 'cla', events: [] },
    ],
  } as unknown as ImportDocument;
  out.push(
    ...planImport({
      doc,
      existingStaff: [staff('Tm-1')],
      existingChildren: [],
      storedRefs: ['HX01'],
      now: NOW,
      validateHistory,
    }).problems,
  );
  out.push(
    ...planImport({
      doc: { formatVersion: 1, children: [{ ref: 'C11', iroId: 'i', track: 'cla', events: [] }] } as ImportDocument,
      existingStaff: [staff('i')],
      existingChildren: [],
      now: NOW,
      validateHistory: () => {
        throw new Error('engine fault');
      },
    }).problems,
  );
  // The CSV form.
  const csv = (text: string, mapping: unknown = { formatVersion: 1, children: { columns: CHILD_COLUMNS } }) => {
    const r = csvToImportDocument({ mapping, children: { name: 'children.csv', text } });
    return r.ok ? [] : r.problems;
  };
  out.push(...csv('a,b\n"x,1\n'), ...csv('a,b\n"x"y,1\n'), ...csv('a,b\nx"y,1\n'), ...csv(''));
  out.push(...csv('a,,b\n1,2,3\n'), ...csv('a,a\n1,2\n'), ...csv('a,b\n1\n'), ...csv('Ref,Track\n1,cla\n'));
  out.push(
    ...csv('a\n', {
      formatVersion: 2,
      dateFormat: 'x',
      children: { columns: { ref: 5, zz: 'a' }, events: [{ type: 'q', column: '' }] },
      staff: { columns: {}, listSeparator: '' },
      extra: 1,
    }),
    ...csv('a\n', { formatVersion: 1, children: { columns: { track: 'T', ref: 'x'.repeat(201) } } }),
    ...csv('a\n', { formatVersion: 1 }),
    ...csv('a\n', {
      formatVersion: 1,
      children: {
        columns: CHILD_COLUMNS,
        events: Array.from({ length: 51 }, () => ({ type: 'ceased-looked-after', column: 'x' })),
      },
    }),
  );
  const staffCsv = csvToImportDocument({
    mapping: { formatVersion: 1, children: { columns: CHILD_COLUMNS } },
    children: { name: 'children.csv', text: 'Ref,Track,IRO\n' },
    staff: { name: 'staff.csv', text: 'id\n' },
  });
  if (!staffCsv.ok) out.push(...staffCsv.problems);
  const tooMany = parseCsv('a\n1\n2\n3\n', 1);
  if (!tooMany.ok) out.push({ path: `children.csv:${tooMany.line}`, message: tooMany.message, say: tooMany.say });
  return out;
}

/** The fallback; and a bring-forward without dueBy or reason, which the schema reports as "required" first. */
const UNREACHABLE = new Set(['errors.import.not-valid', 'errors.import.bring-forward-needs']);

const CHILD_COLUMNS = { ref: 'Ref', track: 'Track', iroId: 'IRO' };

/** Conflicts between the file and records the bot made (events, reviews, bookings). */
function conflictCorpus(): ImportConflict[] {
  const bot = { source: 'bot' as const };
  const stored = {
    _id: 'C20',
    ref: 'C20',
    track: 'cla',
    iroId: 'i',
    events: [
      { type: 'became-looked-after', date: '2016-03-01', ...bot },
      { type: 'review-brought-forward', date: '2016-04-01', dueBy: '2016-04-20', reason: 'safety', ...bot },
    ],
    reviews: [
      { id: 'R1', heldOn: '2016-03-20', ...bot },
      { id: 'R2', heldOn: '2016-04-15', chairId: 'i', ...bot },
    ],
    bookings: [{ id: 'B1', start: '2016-09-01T10:00:00Z', status: 'booked', ...bot }],
    version: 1,
    history: [],
  } as unknown as ChildDoc;
  const file = {
    formatVersion: 1,
    children: [
      {
        ref: 'C20',
        iroId: 'i',
        track: 'cla',
        events: [
          { type: 'became-looked-after', date: '2016-03-01' },
          { type: 'review-brought-forward', date: '2016-04-01', dueBy: '2016-04-25', reason: 'safety' },
        ],
        reviews: [
          { id: 'R1', heldOn: '2016-03-21' },
          { id: 'R2', heldOn: '2016-04-15', chairId: 'j' },
        ],
        bookings: [{ id: 'B1', start: '2016-09-02T10:00:00Z' }],
      },
    ],
  } as unknown as ImportDocument;
  return planImport({
    doc: file,
    existingStaff: [staff('i'), staff('j')],
    existingChildren: [stored],
    now: NOW,
    validateHistory: () => undefined,
  }).conflicts;
}

describe('import problems as data (issue 13)', () => {
  const problems = corpus();
  const conflicts = conflictCorpus();
  const composed = (p: ImportProblem) => p.say.before !== undefined;

  it('every problem has a key in both catalogues, never the fallback', () => {
    assert.ok(problems.length > 60, `${problems.length} problems`);
    for (const p of problems) {
      assert.ok(isMessageKey(p.say.key), `${p.path}: ${p.say.key}`);
      assert.ok(Object.hasOwn(CATALOGUES.cy, p.say.key), p.say.key);
      assert.notEqual(p.say.key, 'errors.import.not-valid', `${p.path}: "${p.message}" has no words of its own`);
    }
  });

  it("the English catalogue says the CLI's words, word for word", () => {
    for (const p of problems.filter((x) => !composed(x)))
      assert.equal(en(p.say.key as MessageKey, p.say.params), p.message, p.path);
  });

  it('the Welsh says it in Welsh, and the line keeps the path', () => {
    for (const p of problems) {
      const line = problemLine(p, cy);
      assert.ok(line.startsWith(`${p.path}: `), line);
      assert.notEqual(line, `${p.path}: ${p.message}`, `${p.path}: ${p.message}`);
    }
    const history = problems.find((p) => p.say.key.startsWith('errors.history.'));
    assert.ok(history);
    assert.equal(
      problemLine(history, cy),
      "children[0]: hanes amhosibl. Plentyn C10: cynhaliwyd adolygiad R2 ar Llun 1 Chwe 2016, cyn i'r plentyn ddechrau derbyn gofal",
    );
    assert.equal(
      problemLine(history, en),
      'children[0]: invalid history. Child C10: review R2 held on Mon 1 Feb 2016, before the child became looked after',
    );
    assert.equal(
      history.message,
      'invalid history: child C10: review R2 held on 2016-02-01, before the child became looked after',
    );
  });

  it('a CSV row names its file and line in the reader’s language', () => {
    const r = csvToImportDocument({
      mapping: { formatVersion: 1, children: { columns: CHILD_COLUMNS } },
      children: { name: 'children.csv', text: 'Ref,Track,IRO\nC1,cla,\n' },
    });
    assert.ok(r.ok);
    const [p] = withCsvLines(schemaProblems(r.doc), r.lineOf);
    assert.ok(p);
    assert.equal(p.message, 'required (children.csv line 2)');
    assert.equal(problemLine(p, en), 'children[0].iroId: required (children.csv line 2)');
    assert.equal(problemLine(p, cy), 'children[0].iroId: mae ei angen (children.csv llinell 2)');
  });

  it("a conflict with a record the bot made says why in the reader's words", () => {
    for (const c of conflicts) {
      assert.ok(isMessageKey(c.say.key), c.say.key);
      assert.doesNotMatch(spoken(c.say, cy) ?? '', /recorded by|kept the bot/);
    }
    const held = conflicts.find((c) => c.say.key === 'errors.import.conflict-review-held');
    assert.equal(
      held?.message,
      "review R1 was recorded by the bot (held on 2016-03-20 by the bot's record, 2016-03-21 in the import); kept the bot's record",
    );
    assert.equal(
      spoken(held!.say, cy),
      'cofnodwyd adolygiad R1 gan y bot (cynhaliwyd ar Sul 20 Maw 2016 yn ôl cofnod y bot, Llun 21 Maw 2016 yn y mewnforio); cadwyd cofnod y bot',
    );
  });

  it('every errors.import key is met by the corpus (the fallback aside)', () => {
    const met = new Set([...problems, ...conflicts].flatMap((p) => [p.say.key, p.say.before?.key]));
    const unmet = Object.keys(CATALOGUES.en).filter(
      (k) => k.startsWith('errors.import.') && !met.has(k) && !UNREACHABLE.has(k),
    );
    assert.deepEqual(unmet, []);
  });

  it('a rule zod reports with words nobody wrote is "not valid" in Welsh, never English', () => {
    const said = zodSay('Some new rule');
    assert.equal(said.key, 'errors.import.not-valid');
    assert.equal(en(said.key as MessageKey), 'is not valid');
    assert.equal(cy(said.key as MessageKey), 'nid yw’n ddilys');
  });
});
