// The import's fast path (src/app/import/import-fast-path.ts, issue 12) stands in for the schema on plainly
// valid files. It may decline anything (the schema then decides), but what it accepts the schema must accept,
// with an equal value, and scanRawDocument must find nothing wrong with it. Checked on the fixtures and on
// thousands of random changes to them, each at a random place in the document.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fastParseImportDocument } from '../../../src/app/import/import-fast-path.js';
import { scanRawDocument } from '../../../src/app/import/import-limits.js';
import { importDocumentSchema } from '../../../src/app/import/import-schema.js';

const RUNS = Number(process.env.FC_RUNS ?? 1000);
const FIXTURE = readFileSync('test/fixtures/import/small-valid.json', 'utf8');
const fixture = (): unknown => JSON.parse(FIXTURE);

/** Every path to a value in the document (objects' keys and arrays' indexes). */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [at];
  const keys: (string | number)[] = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return [at, ...keys.flatMap((k) => paths((v as Record<string | number, unknown>)[k], [...at, k]))];
}

/** The fast path agrees with the schema: declines, or accepts what the schema accepts, with the same value. */
function assertAgrees(doc: unknown): 'accepted' | 'declined' {
  const fast = fastParseImportDocument(doc);
  if (fast === null) return 'declined';
  assert.deepEqual(scanRawDocument(doc), [], 'the fast path accepted a document scanRawDocument refuses');
  const parsed = importDocumentSchema.safeParse(doc);
  assert.ok(parsed.success, `the fast path accepted what the schema refuses: ${JSON.stringify(parsed.error?.issues)}`);
  assert.deepEqual(fast, parsed.data);
  return 'accepted';
}

// Values that are right in one place and wrong in another, near the schema's edges.
const EDGE_VALUES: unknown[] = [
  null,
  undefined,
  true,
  0,
  1,
  1.5,
  -1,
  367,
  '',
  ' ',
  ' padded ',
  'Alex Wilber',
  'line\nbreak',
  'tab\there',
  '__proto__',
  'Constructor',
  'prototype',
  'iro-1',
  'sw-1',
  'g-1',
  'C1001-1',
  '-leading-hyphen',
  'has space',
  'a.b',
  'R'.repeat(41),
  'R'.repeat(65),
  'n'.repeat(201),
  '2016-03-24',
  '2016-02-30',
  '2016-2-3',
  '1899-12-31',
  '1900-01-01',
  '0000-01-01',
  '2016-06-20T10:00:00+01:00',
  '2016-06-20T10:00:00Z',
  '2016-06-20T25:00:00Z',
  '2016-06-20 10:00:00Z',
  'cla',
  'ifst',
  'care-order',
  'became-looked-after',
  'review-brought-forward',
  'ceased-looked-after',
  'remains-looked-after',
  'iro',
  'guardian',
];

const valueArb = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom(...EDGE_VALUES),
  },
  fc.string({ maxLength: 12 }),
  fc.array(fc.constantFrom('iro-1', 'sw-1', 'x y', 'iro'), { maxLength: 3 }),
  fc.constant({}),
  fc.constant([]),
  fc.constant({ type: 'became-looked-after', date: '2016-03-01' }),
  fc.constant({ id: 'C1001-9', heldOn: '2016-05-01' }),
  fc.constant({ id: 'C1001-B9', start: '2016-06-20T10:00:00+01:00' }),
);

const EXTRA_KEYS = ['extra', 'source', 'status', 'dueBy', 'reason', 'venue', 'chairId', '$set', 'a.b', 'constructor'];

type Change =
  | { kind: 'set'; pick: number; value: unknown }
  | { kind: 'delete'; pick: number }
  | { kind: 'add'; pick: number; key: string; value: unknown };

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: valueArb }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('add' as const),
    pick: fc.nat(),
    key: fc.constantFrom(...EXTRA_KEYS),
    value: valueArb,
  }),
);

function applyChange(doc: unknown, change: Change): void {
  const all = paths(doc).filter((p) => p.length > 0);
  const path = all[change.pick % all.length]!;
  let parent = doc as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  // A fresh copy each time: the generator hands out the same objects again.
  const value: unknown = 'value' in change ? structuredClone(change.value) : undefined;
  if (change.kind === 'set') parent[last] = value;
  else if (change.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target)) {
      Object.defineProperty(target, change.key, {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    } else parent[last] = value;
  }
}

describe('import fast path: agrees with the schema', function () {
  this.timeout(120_000);

  it('accepts the valid fixture, with the value the schema gives', () => {
    assert.equal(assertAgrees(fixture()), 'accepted');
  });

  it('declines what the schema would change (a name to trim), so the schema gives the value', () => {
    const doc = fixture() as { children: { givenName: string }[] };
    doc.children[0]!.givenName = ' Dylan ';
    assert.equal(fastParseImportDocument(doc), null);
  });

  it('agrees on every edge value at every place in the document, and on every extra field', () => {
    const places = paths(fixture()).filter((p) => p.length > 0);
    const outcomes = { accepted: 0, declined: 0 };
    places.forEach((_, pick) => {
      for (const value of EDGE_VALUES) {
        const doc = fixture();
        applyChange(doc, { kind: 'set', pick, value });
        outcomes[assertAgrees(doc)]++;
      }
      for (const key of EXTRA_KEYS) {
        const doc = fixture();
        applyChange(doc, { kind: 'add', pick, key, value: 'iro-1' });
        outcomes[assertAgrees(doc)]++;
      }
    });
    assert.ok(outcomes.accepted > 100 && outcomes.declined > 1000, JSON.stringify(outcomes));
  });

  it('never accepts what the schema or the raw scan refuses, and accepts with the same value', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(changeArb, { minLength: 1, maxLength: 3 }), (changes) => {
        const doc = fixture();
        for (const c of changes) applyChange(doc, c);
        if (assertAgrees(doc) === 'accepted') accepted++;
      }),
      { numRuns: RUNS },
    );
    // Some changes leave the file valid (an equal value, a new optional field): the accepting side is exercised too.
    assert.ok(accepted > RUNS / 50, `only ${accepted} of ${RUNS} changed files were accepted`);
  });
});
