// Property tests (fast-check) for the import validator: validateImportDocument (shape, bounds, reserved
// keys, plausible dates) followed by the store-free part of planImport (case-insensitive refs, unique
// staff identities, references), exactly as runImport runs them against an empty store.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ImportProblem } from '../../src/app/import/import-schema.js';
import { planImport } from '../../src/app/import/merge-import.js';
import { validateImportDocument } from '../../src/app/import/validate-import.js';
import { fromDayNumber, toDayNumber } from '../../src/domain/calendar.js';
import type { IsoDate } from '../../src/domain/types.js';

const NOW = new Date('2016-07-01T09:00:00Z');
const TODAY = toDayNumber('2016-07-01' as IsoDate);
const RUNS = Number(process.env.FC_RUNS ?? 200);

type Outcome = { ok: true } | { ok: false; problems: ImportProblem[] };

/** The validator as runImport runs it on an empty store (history rules are the timescale engine's, tested elsewhere). */
function validate(doc: unknown): Outcome {
  const v = validateImportDocument(doc, NOW);
  if (!v.ok) return v;
  const plan = planImport({
    doc: v.value,
    existingStaff: [],
    existingChildren: [],
    storedRefs: [],
    now: NOW,
    validateHistory: () => undefined,
  });
  return plan.problems.length ? { ok: false, problems: plan.problems } : { ok: true };
}

// --- valid documents -------------------------------------------------------------------------------

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const idArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,30}$/).filter((s) => !RESERVED.has(s.toLowerCase()));
const nameArb = fc
  .string({ minLength: 1, maxLength: 200 })
  .filter((s) => s.trim().length > 0 && !/[\u0000-\u001f\u007f]/.test(s));

const staffArb = fc.uniqueArray(idArb, { selector: (s) => s.toLowerCase(), minLength: 1, maxLength: 8 }).chain((ids) =>
  fc.tuple(
    ...ids.map((id) =>
      fc.record(
        {
          id: fc.constant(id),
          name: nameArb,
          roles: fc.constant(['iro'] as const),
          email: fc.option(fc.constant(`${id.toLowerCase()}@council.example`), { nil: undefined }),
          aadObjectId: fc.option(fc.uuid(), { nil: undefined }),
          team: fc.option(
            nameArb.map((s) => s.slice(0, 100)),
            { nil: undefined },
          ),
          fte: fc.option(fc.double({ min: 0.1, max: 1.5, noNaN: true }), { nil: undefined }),
        },
        { requiredKeys: ['id', 'name', 'roles'] },
      ),
    ),
  ),
);

function childArb(iroIds: string[]) {
  return fc
    .record({
      ref: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,20}$/),
      track: fc.constantFrom('cla', 'short-breaks', 'ifst'),
      iroId: fc.constantFrom(...iroIds),
      start: fc.integer({ min: toDayNumber('1995-01-01' as IsoDate), max: TODAY }),
      ageDays: fc.integer({ min: 0, max: 17 * 365 }),
      givenName: fc.option(nameArb, { nil: undefined }),
      familyName: fc.option(nameArb, { nil: undefined }),
      reviewDays: fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 4 }),
      venue: fc.option(nameArb, { nil: undefined }),
    })
    .map((c) => {
      const type =
        c.track === 'cla'
          ? 'became-looked-after'
          : c.track === 'short-breaks'
            ? 'short-breaks-started'
            : 'ifst-intensive-started';
      return {
        ref: c.ref,
        track: c.track,
        iroId: c.iroId,
        ...(c.givenName !== undefined ? { givenName: c.givenName } : {}),
        ...(c.familyName !== undefined ? { familyName: c.familyName } : {}),
        dateOfBirth: fromDayNumber(c.start - c.ageDays),
        events: [{ type, date: fromDayNumber(c.start) }],
        reviews: c.reviewDays.map((d, i) => ({
          id: `${c.ref}-R${i}`,
          heldOn: fromDayNumber(Math.min(TODAY, c.start + d)),
        })),
        bookings: [
          {
            id: `${c.ref}-B1`,
            start: `${fromDayNumber(TODAY + 10)}T10:00:00+01:00`,
            ...(c.venue ? { venue: c.venue } : {}),
          },
        ],
      };
    });
}

const validDocArb = staffArb.chain((staff) =>
  fc
    .uniqueArray(childArb(staff.map((s) => s.id)), { selector: (c) => c.ref.toLowerCase(), maxLength: 8 })
    .map((children) => ({ formatVersion: 1, staff, children })),
);

// --- mutations known to be invalid, each with the path it must be reported at --------------------

type Doc = any;
interface Mutation {
  name: string;
  apply: (doc: Doc, pick: number, junk: string) => string | null;
}

const pickOf = (xs: Doc[], n: number): [Doc, number] | null => (xs.length ? [xs[n % xs.length], n % xs.length] : null);
const MUTATIONS: Mutation[] = [
  {
    name: 'ref outside the shape',
    apply: (d, n, junk) => {
      const p = pickOf(d.children, n);
      if (!p) return null;
      p[0].ref = `${junk}/`;
      return `children[${p[1]}].ref`;
    },
  },
  {
    name: 'ref over 40 characters',
    apply: (d, n) => {
      const p = pickOf(d.children, n);
      if (!p) return null;
      p[0].ref = 'R'.repeat(41 + (n % 100));
      return `children[${p[1]}].ref`;
    },
  },
  {
    name: 'a second child whose ref differs only in case',
    apply: (d, n) => {
      const p = pickOf(d.children, n);
      if (!p) return null;
      const twin = structuredClone(p[0]);
      twin.ref = /[a-z]/.test(p[0].ref)
        ? p[0].ref.toUpperCase()
        : /[A-Z]/.test(p[0].ref)
          ? p[0].ref.toLowerCase()
          : p[0].ref;
      d.children.push(twin);
      return `children[${d.children.length - 1}].ref`;
    },
  },
  {
    name: 'a reserved key',
    apply: (d, n) => {
      const key = ['__proto__', 'constructor', 'prototype', '$where', '$set', 'a.b'][n % 6]!;
      const target = d.children.length ? d.children[n % d.children.length] : d.staff[n % d.staff.length];
      const at = d.children.length ? `children[${n % d.children.length}]` : `staff[${n % d.staff.length}]`;
      Object.defineProperty(target, key, { value: { x: 1 }, enumerable: true, configurable: true, writable: true });
      return `${at}${/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}`;
    },
  },
  {
    name: 'an over-long name',
    apply: (d, n) => {
      const p = pickOf(d.staff, n);
      if (!p) return null;
      p[0].name = 'n'.repeat(201 + (n % 5000));
      return `staff[${p[1]}].name`;
    },
  },
  {
    name: 'a date of birth in the future',
    apply: (d, n) => {
      const p = pickOf(d.children, n);
      if (!p) return null;
      p[0].dateOfBirth = fromDayNumber(TODAY + 1 + (n % 3000));
      return `children[${p[1]}].dateOfBirth`;
    },
  },
  {
    name: 'a date of birth after the first event',
    apply: (d, n) => {
      const p = pickOf(d.children, n);
      if (!p) return null;
      p[0].dateOfBirth = fromDayNumber(Math.min(TODAY, toDayNumber(p[0].events[0].date) + 1 + (n % 30)));
      if (p[0].dateOfBirth <= p[0].events[0].date) return null;
      return `children[${p[1]}].dateOfBirth`;
    },
  },
  {
    name: 'an event years ahead',
    apply: (d, n) => {
      const p = pickOf(d.children, n);
      if (!p) return null;
      p[0].events[0].date = fromDayNumber(TODAY + 367 + (n % 20000));
      return `children[${p[1]}].events[0].date`;
    },
  },
  {
    name: 'an aadObjectId shared by two staff',
    apply: (d, n) => {
      if (d.staff.length < 2) return null;
      const i = n % d.staff.length;
      const j = (i + 1) % d.staff.length;
      d.staff[i].aadObjectId = 'shared-0001';
      d.staff[j].aadObjectId = 'SHARED-0001';
      return `staff[${Math.max(i, j)}].aadObjectId`;
    },
  },
  {
    name: 'an unknown field',
    apply: (d, n) => {
      const p = pickOf(d.staff, n);
      if (!p) return null;
      p[0].shoeSize = n;
      return `staff[${p[1]}].shoeSize`;
    },
  },
  {
    name: 'a wrong type',
    apply: (d, n) => {
      const p = pickOf(d.children, n);
      if (!p) return null;
      p[0].events = { length: n };
      return `children[${p[1]}].events`;
    },
  },
];

describe('import validator properties (fast-check)', function () {
  this.timeout(120_000);

  it('accepts random valid documents', () => {
    fc.assert(
      fc.property(validDocArb, (doc) => {
        const r = validate(doc);
        assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses random invalid mutations of a valid document, naming the mutated path', () => {
    fc.assert(
      fc.property(
        validDocArb,
        fc.nat({ max: MUTATIONS.length - 1 }),
        fc.nat(),
        fc.stringMatching(/^[A-Za-z0-9$./ _~-]{0,12}$/),
        (generated, m, pick, junk) => {
          const doc = structuredClone(generated); // fast-check reuses generated values while shrinking
          const path = MUTATIONS[m]!.apply(doc, pick, junk);
          fc.pre(path !== null);
          const r = validate(doc);
          assert.ok(!r.ok, `${MUTATIONS[m]!.name}: accepted`);
          const paths = r.problems.map((p) => p.path);
          assert.ok(paths.includes(path!), `${MUTATIONS[m]!.name}: expected ${path}, got ${JSON.stringify(paths)}`);
          for (const p of r.problems) assert.ok(p.path.length > 0 && p.message.length > 0 && p.message.length < 500);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('never throws, whatever it is given, and names a path for every problem', () => {
    const hostileKey = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '__proto__',
        'constructor',
        'prototype',
        '$where',
        'a.b',
        'formatVersion',
        'children',
        'staff',
        'ref',
      ),
    );
    const anything = fc.anything({
      key: hostileKey,
      maxDepth: 6,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
    });
    const nearlyValid = fc.tuple(validDocArb, anything, fc.nat()).map(([generated, junk, n]) => {
      const doc = structuredClone(generated); // never mutate a value fast-check may reuse
      // Replace one random node of a valid document with junk.
      const nodes: Array<[Record<string, unknown>, string]> = [];
      const walk = (v: unknown) => {
        if (v && typeof v === 'object')
          for (const k of Object.keys(v)) {
            nodes.push([v as Record<string, unknown>, k]);
            walk((v as Record<string, unknown>)[k]);
          }
      };
      walk(doc);
      const [obj, key] = nodes[n % nodes.length]!;
      obj[key] = junk;
      return doc;
    });
    fc.assert(
      fc.property(fc.oneof(anything, nearlyValid), (input) => {
        let r: Outcome;
        try {
          r = validate(input);
        } catch (err) {
          assert.fail(`threw: ${(err as Error).stack?.split('\n').slice(0, 12).join('\n')}`);
        }
        if (!r.ok) {
          assert.ok(r.problems.length > 0);
          for (const p of r.problems)
            assert.ok(typeof p.path === 'string' && p.path && typeof p.message === 'string' && p.message);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('validates random JSON quickly, including very deep and very wide documents', () => {
    let slowest = 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 20 }), (json) => {
        const t = performance.now();
        validate(json);
        validate({ formatVersion: 1, children: [json], staff: json });
        slowest = Math.max(slowest, performance.now() - t);
      }),
      { numRuns: RUNS * 2 },
    );
    assert.ok(slowest < 500, `slowest random JSON took ${slowest.toFixed(0)} ms`);

    let deep: unknown = 'x';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const wide = { formatVersion: 1, children: Array.from({ length: 20_000 }, () => ({ $where: 'sleep(1)' })) };
    for (const doc of [deep, { formatVersion: 1, staff: [{ deep }] }, wide]) {
      const t = performance.now();
      const r = validate(doc);
      const ms = performance.now() - t;
      assert.equal(r.ok, false);
      assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
      assert.ok(!r.ok && r.problems.length <= 100, 'problems are capped');
    }
  });
});
