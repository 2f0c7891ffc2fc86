// Issue 10 point 9: each hostile or implausible input is refused as a whole, naming its JSON path and
// the rule, and the file changes nothing (not even its legitimate parts, not even the audit trail).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { scanRawDocument } from '../../src/app/import/import-limits.js';
import type { ImportProblem } from '../../src/app/import/import-schema.js';
import { runImport } from '../../src/app/import/run-import.js';
import { isAppError } from '../../src/domain/errors.js';
import type { Store } from '../../src/store/doc-collection.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { AuditLog } from '../../src/store/repositories/audit-log.js';
import { ChildrenRepository } from '../../src/store/repositories/children-repository.js';
import { StaffRepository } from '../../src/store/repositories/staff-repository.js';

const NOW = new Date('2016-07-01T09:00:00Z'); // today = 2016-07-01
type Doc = any;
const fixture = (): Doc => JSON.parse(readFileSync('test/fixtures/import/small-valid.json', 'utf8'));

function nested(depth: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

interface Case {
  what: string;
  /** Mutates the valid fixture (or returns a replacement built from raw JSON text). */
  mutate: (doc: Doc) => Doc; // or nothing, having changed `doc` in place
  path: string;
  rule: RegExp;
}

const CASES: Case[] = [
  {
    what: 'ref "$where"',
    mutate: (d) => {
      d.children[0].ref = '$where';
    },
    path: 'children[0].ref',
    rule: /letters, digits and hyphens/,
  },
  {
    what: 'ref "../../etc/passwd"',
    mutate: (d) => {
      d.children[1].ref = '../../etc/passwd';
    },
    path: 'children[1].ref',
    rule: /letters, digits and hyphens/,
  },
  {
    what: 'ref 100 characters long',
    mutate: (d) => {
      d.children[2].ref = 'C'.repeat(100);
    },
    path: 'children[2].ref',
    rule: /at most 40 characters/,
  },
  {
    what: 'ref with a space',
    mutate: (d) => {
      d.children[2].ref = 'C 1003';
    },
    path: 'children[2].ref',
    rule: /letters, digits and hyphens/,
  },
  {
    what: 'HX01 and hx01 as two children',
    mutate: (d) => {
      d.children[0].ref = 'HX01';
      d.children[1].ref = 'hx01';
    },
    path: 'children[1].ref',
    rule: /duplicate child ref "hx01" \(first at children\[0\]\.ref as "HX01"; compared without regard to case\)/,
  },
  {
    what: 'a ref differing only in case from a stored child',
    mutate: (d) => {
      d.children[0].ref = 'c1002';
      d.children.splice(1, 1);
    },
    path: 'children[0].ref',
    rule: /differs only in case from the stored "C1002"/,
  },
  {
    what: 'two staff with one aadObjectId',
    mutate: (d) => {
      d.staff[1].aadObjectId = d.staff[0].aadObjectId;
    },
    path: 'staff[1].aadObjectId',
    rule: /is also the Entra object id of staff "iro-1"/,
  },
  {
    what: 'two staff with one e-mail (different case)',
    mutate: (d) => {
      d.staff[2].email = 'ALEX@council.example';
    },
    path: 'staff[2].email',
    rule: /is also the e-mail\/upn of staff "iro-1"/,
  },
  {
    what: "an e-mail that is a stored person's upn",
    mutate: () => ({
      formatVersion: 1,
      staff: [{ id: 'iro-9', name: 'New', roles: ['iro'], email: 'Ffion.Powell@cafcass.example' }],
    }),
    path: 'staff[0].email',
    rule: /is also the e-mail\/upn of staff "g-1"/,
  },
  {
    what: "a stored person's Entra object id on someone new",
    mutate: () => ({
      formatVersion: 1,
      staff: [{ id: 'iro-9', name: 'New', roles: ['iro'], aadObjectId: '00000000-0000-0000-0000-000000000001' }],
    }),
    path: 'staff[0].aadObjectId',
    rule: /Entra object id of staff "iro-1"/,
  },
  {
    what: 'a 5 MB name',
    mutate: (d) => {
      d.children[0].givenName = 'x'.repeat(5 * 1024 * 1024);
    },
    path: 'children[0].givenName',
    rule: /at most 200 characters/,
  },
  {
    what: 'a 1 MB venue',
    mutate: (d) => {
      d.children[0].bookings[0].venue = 'v'.repeat(1 << 20);
    },
    path: 'children[0].bookings[0].venue',
    rule: /at most 200 characters/,
  },
  {
    what: 'a line break in a name',
    mutate: (d) => {
      d.staff[0].name = 'Alex\nWilber';
    },
    path: 'staff[0].name',
    rule: /control characters/,
  },
  {
    what: 'a date of birth in the future',
    mutate: (d) => {
      d.children[1].dateOfBirth = '2016-07-02';
    },
    path: 'children[1].dateOfBirth',
    rule: /in the future \(today is 2016-07-01\)/,
  },
  {
    what: 'a date of birth after becoming looked after',
    mutate: (d) => {
      d.children[0].dateOfBirth = '2016-03-02';
    },
    path: 'children[0].dateOfBirth',
    rule: /after the child's first event \(became-looked-after on 2016-03-01/,
  },
  {
    what: 'an event 50 years ahead',
    mutate: (d) => {
      d.children[0].events.push({ type: 'ceased-looked-after', date: '2066-03-01' });
    },
    path: 'children[0].events[1].date',
    rule: /more than 366 days ahead/,
  },
  {
    what: 'a booking 10 years ahead',
    mutate: (d) => {
      d.children[0].bookings[0].start = '2026-06-20T10:00:00+01:00';
    },
    path: 'children[0].bookings[0].start',
    rule: /more than 731 days ahead/,
  },
  {
    what: 'a date before 1900',
    mutate: (d) => {
      d.children[0].reviews[0].heldOn = '1066-10-14';
    },
    path: 'children[0].reviews[0].heldOn',
    rule: /before 1900-01-01/,
  },
  {
    what: 'staff id "__proto__"',
    mutate: (d) => {
      d.staff[3].id = '__proto__';
    },
    path: 'staff[3].id',
    rule: /letters, digits and hyphens/,
  },
  {
    what: 'staff id "constructor"',
    mutate: (d) => {
      d.staff[3].id = 'constructor';
    },
    path: 'staff[3].id',
    rule: /reserved word/,
  },
  {
    what: 'a "__proto__" key (as JSON.parse makes it)',
    mutate: (d) =>
      JSON.parse(JSON.stringify(d).replace('"givenName":"Dylan"', '"givenName":"Dylan","__proto__":{"isAdmin":true}')),
    path: 'children[0].__proto__',
    rule: /reserved key "__proto__"/,
  },
  {
    what: 'a "constructor" key',
    mutate: (d) => {
      d.staff[0].constructor = { prototype: 1 };
    },
    path: 'staff[0].constructor',
    rule: /reserved key "constructor"/,
  },
  {
    what: 'a "$set" key',
    mutate: (d) => {
      d.children[0].$set = { iroId: 'x' };
    },
    path: 'children[0]["$set"]',
    rule: /starting with "\$"/,
  },
  {
    what: 'a "$regex" operator as a value',
    mutate: (d) => {
      d.staff[0].aadObjectId = { $regex: '.*' };
    },
    path: 'staff[0].aadObjectId["$regex"]',
    rule: /starting with "\$"/,
  },
  {
    what: 'a key with a dot',
    mutate: (d) => {
      d.children[0].proceedings['a.b'] = 1;
    },
    path: 'children[0].proceedings["a.b"]',
    rule: /containing "\."/,
  },
  {
    what: 'nesting 5,000 deep',
    mutate: (d) => {
      d.children[0].extra = nested(5000);
    },
    path: 'children[0].extra.a.a.a.a.a.a.a.a.a.a.a.a.a',
    rule: /nested more than 16 levels deep/,
  },
  {
    what: '501 events on one child',
    mutate: (d) => {
      d.children[1].events = Array.from({ length: 501 }, (_, i) => ({
        type: 'unplanned-placement-change',
        date: `2016-0${1 + (i % 6)}-01`,
      }));
    },
    path: 'children[1].events',
    rule: /at most 500 entries/,
  },
  {
    what: 'a role listed twice',
    mutate: (d) => {
      d.staff[0].roles = ['iro', 'iro'];
    },
    path: 'staff[0].roles',
    rule: /lists a role twice/,
  },
  {
    what: 'a managerId with a slash',
    mutate: (d) => {
      d.staff[0].managerId = 'tm/1';
    },
    path: 'staff[0].managerId',
    rule: /letters, digits and hyphens/,
  },
  {
    what: 'an over-long aadObjectId',
    mutate: (d) => {
      d.staff[0].aadObjectId = 'a'.repeat(65);
    },
    path: 'staff[0].aadObjectId',
    rule: /at most 64 characters/,
  },
  {
    what: 'an absurd discussion interval',
    mutate: (d) => {
      d.children[0].proceedings.discussionIntervalDays = 1e9;
    },
    path: 'children[0].proceedings.discussionIntervalDays',
    rule: /at most 366/,
  },
];

describe('import: refusals name the JSON path and the rule, and change nothing', function () {
  this.timeout(60_000);
  let dir: string;
  let store: Store;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iro-import-refuse-'));
    store = await openEmbeddedStore(dir);
    await runImport(store, fixture(), { sourceName: 'base.json', now: NOW });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const snapshot = async () => ({
    children: await new ChildrenRepository(store).listAll(),
    staff: await new StaffRepository(store).list(),
    audit: await new AuditLog(store).list(),
  });

  for (const c of CASES) {
    it(`refuses ${c.what} at ${c.path}`, async () => {
      const before = await snapshot();
      const doc = fixture();
      // A legitimate change rides along in the same file: it must not be applied either.
      doc.children[0].legalStatus = 'placement-order';
      doc.staff.push({ id: 'iro-new', name: 'Someone New', roles: ['iro'] });
      const bad = c.mutate(doc) ?? doc;
      let problems: ImportProblem[] = [];
      await assert.rejects(runImport(store, bad, { sourceName: 'bad.json', now: NOW }), (err: unknown) => {
        assert.ok(isAppError(err, 'invalid-import'), String(err));
        problems = err.details.problems as ImportProblem[];
        return true;
      });
      const hit = problems.find((p) => p.path === c.path);
      assert.ok(
        hit,
        `no problem at ${c.path}; got ${JSON.stringify(problems.map((p) => `${p.path}: ${p.message}`.slice(0, 200)))}`,
      );
      assert.match(hit.message, c.rule);
      assert.ok(
        problems.every((p) => p.message.length < 400),
        'a problem line echoes the bad value in full',
      );
      assert.deepEqual(await snapshot(), before, 'the refused file changed the store');
    });
  }

  it('keeps a valid file valid: the same legitimate change alone is imported', async () => {
    const doc = fixture();
    doc.children[0].legalStatus = 'placement-order';
    const r = await runImport(store, doc, { sourceName: 'ok.json', now: NOW });
    assert.deepEqual(r.children, { inserted: 0, updated: 1, unchanged: 2 });
  });

  it('bounds the whole document: a document over the size limit is refused at (document)', () => {
    const problems = scanRawDocument({ formatVersion: 1, children: [{ ref: 'x'.repeat(300) }] }, 100, 256);
    assert.deepEqual(
      problems.map((p) => p.path),
      ['(document)'],
    );
    assert.match(problems[0]!.message, /larger than the limit/);
  });

  it('CLI: a file over the size limit is refused before it is read, naming (document)', async () => {
    const file = join(dir, 'huge.json');
    await writeFile(file, '');
    await truncate(file, 300 * 1024 * 1024); // sparse: costs no disk
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: join(dir, 'cli-data'),
      IRO_NOW: NOW.toISOString(),
      LOG_LEVEL: 'silent',
    };
    delete env.MONGODB_URI;
    const r = spawnSync(resolve('node_modules/.bin/tsx'), ['src/cli/import.ts', file], { env, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /^\(document\): the file is 314572800 bytes; the limit is 268435456 bytes$/m);
  });
});
