import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { messageActivity } from '../helpers/activities.js';
import { admin, alex } from '../helpers/people.js';
import { AuditLog } from '../../src/store/repositories/audit-log.js';
import {
  CHILDREN_CSV,
  MAPPING,
  TOKEN,
  invoke,
  postImport,
  request,
  smallService,
  storeSnapshot,
} from './sync-helpers.js';

// POST /api/import over real HTTP (issue 14, "Scheduled sync"): every refusal changes nothing; a good
// JSON and a good CSV are imported; the same content twice changes nothing the second time and says so;
// conflicts with what Teams recorded are reported to the admin and settled from the card, both ways.

const LIMIT = 8 * 1024;

describe('sync: POST /api/import', function () {
  this.timeout(60_000);
  let h: Harness;

  before(async () => {
    h = await startHarness({
      importDoc: smallService(),
      env: { IMPORT_TOKEN: TOKEN, IMPORT_MAX_BYTES: String(LIMIT) },
    });
  });
  after(async () => h?.stop());

  const smallFile = () => ({ formatVersion: 1, children: [smallService().children[0]] });

  describe('refusals: each answers with its status and changes nothing', () => {
    const cases: { name: string; status: number; error: string; send: () => Promise<{ status: number; json: any }> }[] =
      [
        {
          name: 'no token',
          status: 401,
          error: 'unauthorized',
          send: () => postImport(h, smallFile(), { authorization: '' }),
        },
        {
          name: 'not a bearer token',
          status: 401,
          error: 'unauthorized',
          send: () => postImport(h, smallFile(), { authorization: `Basic ${TOKEN}` }),
        },
        {
          name: 'a wrong token',
          status: 401,
          error: 'unauthorized',
          send: () => postImport(h, smallFile(), { authorization: `Bearer ${TOKEN.slice(0, -1)}X` }),
        },
        {
          name: 'the token with a suffix',
          status: 401,
          error: 'unauthorized',
          send: () => postImport(h, smallFile(), { authorization: `Bearer ${TOKEN}x` }),
        },
        {
          name: 'a JWT when no Entra app is configured',
          status: 401,
          error: 'unauthorized',
          send: () => postImport(h, smallFile(), { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJ0aWQiOiJ4In0.' }),
        },
        {
          name: 'a wrong content type',
          status: 415,
          error: 'unsupported-media-type',
          send: () => postImport(h, smallFile(), { 'content-type': 'text/plain' }),
        },
        {
          name: 'form data',
          status: 415,
          error: 'unsupported-media-type',
          send: () => postImport(h, smallFile(), { 'content-type': 'multipart/form-data; boundary=x' }),
        },
        {
          name: 'a body over the limit (Content-Length)',
          status: 413,
          error: 'body-too-large',
          send: () => postImport(h, { formatVersion: 1, children: [], pad: 'x'.repeat(LIMIT) }),
        },
        {
          name: 'a body over the limit sent in chunks without Content-Length (counted while reading)',
          status: 413,
          error: 'body-too-large',
          send: () =>
            request(h.bot.server.url, {
              headers: {
                authorization: `Bearer ${TOKEN}`,
                'content-type': 'application/json',
                'transfer-encoding': 'chunked',
              },
              chunks: Array.from({ length: 40 }, () => Buffer.from(' '.repeat(1024))),
            }),
        },
        {
          name: 'malformed JSON',
          status: 400,
          error: 'malformed-json',
          send: () => postImport(h, '{"formatVersion": 1, "children": ['),
        },
        {
          name: 'not UTF-8',
          status: 400,
          error: 'malformed-json',
          send: () =>
            request(h.bot.server.url, {
              headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
              body: Buffer.from([0x7b, 0xff, 0x7d]),
            }),
        },
        {
          name: "a bad file (the CLI's path: rule lines)",
          status: 422,
          error: 'invalid-import',
          send: () =>
            postImport(h, {
              formatVersion: 1,
              children: [{ ...smallService().children[0], iroId: 'iro-9', dateOfBirth: '2016-02-30' }],
            }),
        },
        {
          name: 'a CSV envelope without a mapping',
          status: 422,
          error: 'invalid-import',
          send: () => postImport(h, { csv: { children: CHILDREN_CSV } }),
        },
        {
          name: 'a CSV with a ragged row',
          status: 422,
          error: 'invalid-import',
          send: () => postImport(h, { csv: { mapping: MAPPING, children: `${CHILDREN_CSV}C202,Only,Three\r\n` } }),
        },
      ];
    for (const c of cases) {
      it(`${c.name} → ${c.status}`, async () => {
        const before = await storeSnapshot(h);
        const res = await c.send();
        assert.equal(res.status, c.status, JSON.stringify(res.json));
        assert.equal(res.json?.error, c.error);
        assert.equal(await storeSnapshot(h), before, 'nothing changed');
        assert.doesNotMatch(JSON.stringify(res.json), /at .*\.(ts|js):\d+|SyntaxError/, 'no stack or parser text');
      });
    }

    it('a bad file lists every problem as the CLI prints it, CSV problems with their line', async () => {
      const res = await postImport(h, {
        formatVersion: 1,
        children: [{ ...smallService().children[0], iroId: 'iro-9', dateOfBirth: '2016-02-30' }],
      });
      assert.deepEqual(res.json.problems, ['children[0].dateOfBirth: must be a real date YYYY-MM-DD']);
      const csv = await postImport(h, { csv: { mapping: MAPPING, children: CHILDREN_CSV.replace('iro-2', 'iro-9') } });
      assert.equal(csv.status, 422);
      assert.ok(
        csv.json.problems.some((p: string) => /^children\[1\]\.iroId: .*iro-9.*\(children\.csv line 3\)$/.test(p)),
        csv.json.problems.join('\n'),
      );
      const ragged = await postImport(h, { csv: { mapping: MAPPING, children: `${CHILDREN_CSV}C202,Only,Three\r\n` } });
      assert.deepEqual(ragged.json.problems, ['children.csv:4: 3 fields where the header has 9']);
    });

    it('every refusal is audited without the body', async () => {
      const audit = await new AuditLog(h.bot.store).list({ action: 'sync.http.refused' });
      assert.ok(audit.length >= 10, `${audit.length} refusals audited`);
      assert.doesNotMatch(JSON.stringify(audit), /Dylan|Evans|iro-9/);
    });
  });

  describe('accepted', () => {
    it('a good JSON file: 200 with counts; the same content again: 200, nothing changed, and it says so', async () => {
      const doc = smallService();
      doc.children.push({
        ref: 'C150',
        track: 'cla',
        iroId: 'iro-1',
        socialWorkerId: 'sw-1',
        events: [{ type: 'became-looked-after', date: '2026-10-01' }],
      });
      const first = await postImport(h, doc);
      assert.equal(first.status, 200, first.body);
      assert.equal(first.json.outcome, 'imported');
      assert.deepEqual(first.json.children, { inserted: 1, updated: 0, unchanged: doc.children.length - 1 });
      assert.equal(first.json.staff.inserted, 0);
      const before = await storeSnapshot(h);
      // The same content, laid out differently: recognised by its hash, not applied again.
      const second = await postImport(h, JSON.stringify(doc, null, 4));
      assert.equal(second.status, 200);
      assert.equal(second.json.outcome, 'already-imported');
      assert.equal(second.json.runId, first.json.runId);
      assert.match(second.json.message, /nothing changed/);
      const after = JSON.parse(await storeSnapshot(h));
      const was = JSON.parse(before);
      assert.deepEqual(after.children, was.children);
      assert.deepEqual(after['import-runs'], was['import-runs']);
    });

    it('a good CSV with a mapping (quotes, escaped quotes, commas, CRLF, BOM, day-first dates) becomes the same children', async () => {
      const res = await postImport(h, { csv: { mapping: MAPPING, children: CHILDREN_CSV } });
      assert.equal(res.status, 200, res.body);
      assert.deepEqual(res.json.children, { inserted: 2, updated: 0, unchanged: 0 });
      const c200 = (await h.bot.deps.children.get('C200'))!;
      assert.equal(c200.givenName, 'Rhys "Junior"');
      assert.equal(c200.dateOfBirth, '2015-02-14');
      assert.deepEqual(
        c200.events.map((e) => [e.type, e.date]),
        [['became-looked-after', '2026-09-01']],
      );
      assert.equal((await h.bot.deps.children.get('C201'))!.familyName, 'Hughes, Jones');
      const again = await postImport(h, { csv: { mapping: MAPPING, children: CHILDREN_CSV } });
      assert.equal(again.json.outcome, 'already-imported');
    });
  });

  describe('conflicts between the case system and Teams', () => {
    it("are reported to the admin's 1:1 chat and settled from the card both ways (admin only, recorded, once)", async () => {
      // The admin has a 1:1 chat with the bot; jobs are off in this harness, so the sender is run by hand below.
      await h.ask(messageActivity(h.connector.url, admin, 'help'));
      // Teams recorded C100's last two reviews differently from what the case system will say.
      const child = (await h.bot.deps.children.get('C100'))!;
      const reviews = child.reviews.map((r) =>
        r.id === 'C100-3'
          ? { ...r, heldOn: '2026-05-27', source: 'bot' as const }
          : r.id === 'C100-2'
            ? { ...r, heldOn: '2026-01-16', source: 'bot' as const }
            : r,
      );
      await h.bot.deps.children.updateVersioned('C100', child.version, { $set: { reviews } } as never, {
        at: new Date(),
        by: { id: 'iro-1' },
        action: 'test',
      });

      const doc = smallService();
      doc.children[0].socialWorkTeam = 'north';
      const res = await postImport(h, {
        formatVersion: 1,
        children: [doc.children[0], { ...doc.children[0], ref: 'C151', reviews: [] }],
      });
      assert.equal(res.status, 200, res.body);
      assert.equal(res.json.conflicts, 2);
      assert.deepEqual(
        (await h.bot.deps.children.get('C100'))!.reviews.find((r) => r.id === 'C100-3')!.heldOn,
        '2026-05-27',
        "Teams' record kept for now",
      );

      const docs = (await h.bot.store.collection('outbox').find({ kind: 'import-report' }).toArray()) as any[];
      assert.equal(docs.length, 1);
      assert.deepEqual(docs[0].about, { refs: ['C100'], names: false });
      const card = docs[0].activity.attachments[0].content;
      const text = JSON.stringify(card);
      assert.match(text, /2 conflicts to settle/);
      assert.doesNotMatch(text, /Dylan|Evans/, 'no child names');
      const buttons =
        JSON.stringify(card).match(
          /"verb":"import\.conflict\.(keep|take)","data":\{"ref":"C100","conflictId":"[0-9a-f]{16}:\d"\}/g,
        ) ?? [];
      assert.equal(buttons.length, 4);
      const ids = [...new Set(buttons.map((b) => /conflictId":"([^"]+)"/.exec(b)![1]!))];
      const conflicts = (await h.bot.store.collection('import-conflicts').find({}).toArray()) as any[];
      const byKey = new Map(conflicts.map((c) => [c.key, c._id]));
      assert.deepEqual(ids.sort(), [...byKey.values()].sort());

      // Someone who may see C100 but is not an admin: refused, nothing changed.
      const snapshot = await storeSnapshot(h);
      const refused = await invoke(h, alex, 'import.conflict.take', { ref: 'C100', conflictId: byKey.get('C100-3') });
      assert.match(JSON.stringify(refused), /only an administrator/i);
      assert.equal(await storeSnapshot(h), snapshot);

      const took = await invoke(h, admin, 'import.conflict.take', { ref: 'C100', conflictId: byKey.get('C100-3') });
      assert.match(JSON.stringify(took), /Took the case system's record for C100 review C100-3/);
      const kept = await invoke(h, admin, 'import.conflict.keep', { ref: 'C100', conflictId: byKey.get('C100-2') });
      assert.match(JSON.stringify(kept), /Kept Teams' record for C100 review C100-2/);
      const after = (await h.bot.deps.children.get('C100'))!;
      assert.deepEqual(
        after.reviews.find((r) => r.id === 'C100-3'),
        { ...child.reviews.find((r) => r.id === 'C100-3'), source: 'import' },
      );
      assert.equal(after.reviews.find((r) => r.id === 'C100-2')!.heldOn, '2026-01-16');
      assert.deepEqual(
        after.history.slice(-2).map((e) => [e.action, e.by.id]),
        [
          ['sync.conflict.took-case-system', 'adm-1'],
          ['sync.conflict.kept-teams', 'adm-1'],
        ],
      );
      const settled = (await h.bot.store.collection('import-conflicts').find({}).toArray()) as any[];
      assert.deepEqual(settled.map((c) => [c.key, c.status, c.settledBy]).sort(), [
        ['C100-2', 'kept-teams', 'adm-1'],
        ['C100-3', 'took-case-system', 'adm-1'],
      ]);

      // A second click (or another admin) is told who decided; nothing changes.
      const before = await storeSnapshot(h);
      const again = await invoke(h, admin, 'import.conflict.keep', { ref: 'C100', conflictId: byKey.get('C100-3') });
      assert.match(JSON.stringify(again), /Already settled by Tomos Bevan .*took the case system's record/);
      assert.equal(await storeSnapshot(h), before);
      // A conflict id on another child's card: the same answer as an unknown one.
      const elsewhere = await invoke(h, admin, 'import.conflict.keep', {
        ref: 'C101',
        conflictId: byKey.get('C100-2'),
      });
      assert.match(JSON.stringify(elsewhere), /not open for this case/);

      // The next export (other content) still says what Teams' record was kept over: not asked again.
      const next = await postImport(h, {
        formatVersion: 1,
        children: [doc.children[0], { ...doc.children[0], ref: 'C152', reviews: [] }],
      });
      assert.equal(next.status, 200, next.body);
      assert.deepEqual([next.json.conflicts, next.json.keptBefore], [0, 1]);
    });
  });

  describe('a refused file, reported to an admin who reads Welsh (issue 13)', () => {
    it("lists the problems in Welsh on the admin's card; the HTTP answer keeps the English lines", async () => {
      await h.ask(messageActivity(h.connector.url, admin, '/iaith cymraeg'));
      try {
        const child = { ...smallService().children[0], ref: 'C160', reviews: [{ id: 'C160-0', heldOn: '2001-01-01' }] };
        const res = await postImport(h, { formatVersion: 1, children: [child, { ...child, ref: 'C 161' }] });
        assert.equal(res.status, 422, res.body);
        assert.deepEqual(res.json.problems, [
          'children[1].ref: a case reference: letters, digits and hyphens only, starting with a letter or digit',
        ]);
        const withHistory = await postImport(h, { formatVersion: 1, children: [child] });
        assert.equal(withHistory.status, 422, withHistory.body);
        assert.equal(withHistory.json.problems.length, 1);
        assert.match(
          withHistory.json.problems[0],
          /^children\[0\]: invalid history: child C160: review C160-0 held on 2001-01-01, before the child became looked after$/,
        );

        const cards = ((await h.bot.store.collection('outbox').find({ kind: 'import-report' }).toArray()) as any[])
          .sort((a, b) => a.enqueuedAt - b.enqueuedAt || String(a._id).localeCompare(String(b._id)))
          .slice(-2)
          .map((d) => JSON.stringify(d.activity.attachments[0].content));
        assert.equal(cards.length, 2);
        assert.match(cards[0]!, /ref: cyfeirnod achos: llythrennau, digidau a chysylltnodau yn unig/);
        assert.match(
          cards[1]!,
          /\]: hanes amhosibl\. Plentyn C160: cynhaliwyd adolygiad C160-0 ar Llun 1 Ion 2001, cyn i'r plentyn ddechrau derbyn gofal/,
        );
        for (const card of cards) {
          assert.doesNotMatch(card, /letters, digits|invalid history|held on|became looked after/);
          assert.match(card, /Ni fewnforiwyd/);
        }
      } finally {
        await h.ask(messageActivity(h.connector.url, admin, '/language english'));
      }
    });
  });
});

describe('sync: POST /api/import when it is off', function () {
  this.timeout(30_000);
  it('a token shorter than 32 characters leaves the endpoint off, says why at start, and the route answers 404', async () => {
    const h = await startHarness({ env: { IMPORT_TOKEN: 'too-short-a-secret' } });
    try {
      assert.deepEqual(h.bot.server.importEndpoint, {
        enabled: false,
        why: 'IMPORT_TOKEN is shorter than 32 characters, so POST /api/import is off',
      });
      const res = await request(h.bot.server.url, {
        body: '{}',
        headers: { authorization: 'Bearer too-short-a-secret', 'content-type': 'application/json' },
      });
      assert.equal(res.status, 404);
    } finally {
      await h.stop();
    }
  });
});
