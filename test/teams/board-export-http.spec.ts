import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { reallocateChild } from '../../src/app/allocation.js';
import { recordHeld } from '../../src/app/booking/record-held.js';
import type { StaffDoc } from '../../src/store/documents.js';
import { messageActivity, mentionActivity, type Sender } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import type { ReceivedActivity } from '../helpers/fake-connector.js';
import { admin as tomos, alex, catrin, sian } from '../helpers/people.js';

// Issue 15 over HTTP, as Teams sends it: the participation checklist (PC1–PC4), the board's measures
// (/report board, BM1–BM3) and the board export through the file consent flow (a local HTTP server stands
// for Teams' upload URL). Today is Wed 25 Nov 2026 (Europe/London), policy wales.
//
// On test/fixtures/http/small-service.json plus, for Oct–Nov 2026:
//   C110 (IRO Alex): looked after Mon 1 Jun 2026; 1st review Mon 22 Jun (Alex); 2nd Mon 5 Oct chaired by the
//        agency IRO Gwyn (external), record out Mon 19 Oct = day 14: within. Reallocated to Rhian today.
//   C111 (IRO Gwyn, external): looked after Mon 7 Sep 2026; 1st review Thu 1 Oct (Gwyn), record out Tue 20 Oct
//        = day 19: late.
//   C102 (IRO Alex, in the fixture): 3rd review Thu 15 Oct, no chair stored (= Alex), record not out by
//        Thu 29 Oct: late. Booked for Tue 1 Dec 2026 10:00 (C102-B4).
// Records held in Oct 2026: 3; within 14 days 1 (C110-2), late 2 → 33.33%; Nov: none.
// Continuity: C110, C111, C102 had a review in the period; C110 was reallocated today → 2 of 3, 66.67%.
// External: 2 of the 3 reviews chaired by Gwyn → 66.67%; children allocated to an external IRO now: 1 (C111).
// Participation: none of the 3 carries a checklist → 0 of 3.
const NOW = '2026-11-25T09:00:00Z';
const PERIOD = 'Oct 2026 to Nov 2026';
const base = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const importDoc = {
  ...base,
  staff: [
    ...base.staff,
    { id: 'admin-1', name: 'Tomos Bevan', roles: ['admin'], aadObjectId: '00000000-0000-0000-0000-0000000000ad' },
    { id: 'iro-x', name: 'Gwyn Agency', roles: ['iro'], external: true, organisation: 'IRO Agency Ltd', fte: 0.2 },
  ],
  children: [
    ...base.children,
    {
      ref: 'C110',
      givenName: 'Nia',
      familyName: 'Lloyd',
      track: 'cla',
      legalStatus: 'care-order',
      iroId: 'iro-1',
      socialWorkerId: 'sw-1',
      socialWorkTeam: 'north',
      events: [{ type: 'became-looked-after', date: '2026-06-01' }],
      reviews: [
        { id: 'C110-1', heldOn: '2026-06-22', chairId: 'iro-1', recordDistributedOn: '2026-06-30' },
        { id: 'C110-2', heldOn: '2026-10-05', chairId: 'iro-x', recordDistributedOn: '2026-10-19' },
      ],
    },
    {
      ref: 'C111',
      givenName: 'Owain',
      familyName: 'Bowen',
      track: 'cla',
      legalStatus: 'accommodated-s76',
      iroId: 'iro-x',
      socialWorkerId: 'sw-1',
      socialWorkTeam: 'north',
      events: [{ type: 'became-looked-after', date: '2026-09-07' }],
      reviews: [{ id: 'C111-1', heldOn: '2026-10-01', chairId: 'iro-x', recordDistributedOn: '2026-10-20' }],
    },
  ],
};
const NAMES = /Dylan|Evans|Seren|Jones|Osian|Morgan|Nia|Lloyd|Owain|Bowen/;

describe('issue 15 over HTTP: participation checklist, board measures, board export (file consent)', function () {
  this.timeout(60000);
  let h: Harness;
  let upload: http.Server;
  let uploadUrl: string;
  const uploads: { headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
  let uploadStatus = 201;

  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW }, importDoc });
    upload = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        uploads.push({ headers: req.headers, body: Buffer.concat(chunks) });
        res.statusCode = uploadStatus;
        res.setHeader('content-type', 'application/json');
        res.end('{}');
      });
    });
    await new Promise<void>((r) => upload.listen(0, '127.0.0.1', r));
    uploadUrl = `http://127.0.0.1:${(upload.address() as { port: number }).port}/upload-session/abc`;
  });
  after(async () => {
    await h?.stop();
    await new Promise((r) => upload?.close(r));
  });

  const staff = async (id: string) => (await h.bot.deps.staff.get(id)) as StaffDoc;
  const say = (from: Sender, text: string) => h.ask(messageActivity(h.connector.url, from, text));
  /** Every activity the bot sent after `before`, in order. */
  const sentSince = (before: number): ReceivedActivity[] => h.connector.received.slice(before);

  async function invoke(from: Sender, verb: string, data: Record<string, unknown>) {
    const res = await h.post({
      ...messageActivity(h.connector.url, from, ''),
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
    assert.equal(res.status, 200, res.body);
    const body = JSON.parse(res.body).body ?? JSON.parse(res.body);
    const card = body.type === 'application/vnd.microsoft.card.adaptive' ? body.value : null;
    return {
      card,
      text: card ? cardOf({ body: { attachments: [{ content: card }] } } as ReceivedActivity).text : String(body.value),
    };
  }

  async function consent(from: Sender, value: Record<string, unknown>) {
    const before = h.connector.received.length;
    const res = await h.post({
      ...messageActivity(h.connector.url, from, ''),
      type: 'invoke',
      name: 'fileConsent/invoke',
      text: undefined,
      value: { type: 'fileUpload', ...value },
    });
    assert.equal(res.status, 200, res.body);
    await h.connector.waitFor(before + 1);
    return sentSince(before);
  }

  describe('the participation checklist (PC1–PC3)', () => {
    const CHECKLIST = { ref: 'C102', bookingId: 'C102-B4' };

    it("the child's IRO gets the booked review's checklist: seven items, each done / not applicable / not done", async () => {
      const { card, text } = cardOf(await say(alex, '/participation C102'));
      assert.match(text, /Participation checklist · C102 · Osian/);
      assert.match(text, /Review booked for Tue 1 Dec 2026 · in 6 days/);
      assert.match(text, /7 items are still open/);
      const inputs = JSON.stringify(card).match(/"id":"status_[a-z-]+"/g) ?? [];
      assert.equal(inputs.length, 7);
      assert.match(text, /Active offer of advocacy made/);
      assert.equal(card.actions[0].verb, 'participation.record');
    });

    it('"not applicable" without a reason is refused and changes nothing', async () => {
      const before = (await h.bot.deps.children.get('C102'))!;
      const { text } = await invoke(alex, 'participation.record', {
        ...CHECKLIST,
        'status_child-consulted': 'done',
        'status_advocacy-offered': 'not-applicable',
        'reason_advocacy-offered': '  ',
      });
      assert.match(text, /"not applicable" needs a reason; nothing was changed/);
      assert.equal((await h.bot.deps.children.get('C102'))!.version, before.version);
    });

    it('saved answers are stored on the booking with a history entry; the same answers again change nothing', async () => {
      const answers = {
        ...CHECKLIST,
        'status_child-consulted': 'done',
        'status_advocacy-offered': 'not-applicable',
        'reason_advocacy-offered': 'Already has an advocate (NYAS)',
        'status_parent-consultation-document': 'not-done',
      };
      const { text } = await invoke(alex, 'participation.record', answers);
      assert.match(text, /3 answers saved/);
      assert.match(text, /5 items are still open/);
      const child = (await h.bot.deps.children.get('C102'))!;
      const list = child.bookings.find((b) => b.id === 'C102-B4')!.participation!;
      assert.equal(list['child-consulted']!.status, 'done');
      assert.equal(list['advocacy-offered']!.reason, 'Already has an advocate (NYAS)');
      assert.equal(list['parent-consultation-document']!.status, 'not-done');
      assert.equal(list['child-consulted']!.by, 'iro-1');
      assert.equal(list['child-consulted']!.on, '2026-11-25');
      const entry = child.history.at(-1)!;
      assert.equal(entry.action, 'participation.recorded');
      assert.deepEqual(entry.after, {
        'child-consulted': 'done',
        'advocacy-offered': 'not-applicable',
        'parent-consultation-document': 'not-done',
      });
      const again = await invoke(alex, 'participation.record', answers);
      assert.match(again.text, /Nothing changed/);
      assert.equal((await h.bot.deps.children.get('C102'))!.version, child.version);
    });

    it('a reviewing team manager reads it but cannot answer it; an answer from them is refused', async () => {
      const { card, text } = cardOf(await say(catrin, '/participation C102'));
      assert.match(text, /Only C102's IRO completes this checklist/);
      assert.doesNotMatch(JSON.stringify(card), /status_/);
      assert.equal(card.actions?.length ?? 0, 0);
      const before = (await h.bot.deps.children.get('C102'))!.version;
      const { text: refused } = await invoke(catrin, 'participation.record', {
        ...CHECKLIST,
        'status_venue-preferred': 'done',
        'status_preferred-venue': 'done',
      });
      assert.match(refused, /only C102's IRO completes its participation checklist/i);
      assert.equal((await h.bot.deps.children.get('C102'))!.version, before);
    });

    it('a child without a booking: a clear answer naming /book', async () => {
      assert.match(cardOf(await say(alex, '/participation C101')).text, /no review is booked for C101.*\/book C101/is);
    });
  });

  describe('/report board (BM1–BM3, PC4)', () => {
    before(async () => {
      await reallocateChild(h.bot.deps, await staff('tm-1'), 'C110', 'iro-2');
    });

    it('records within 14 days by month held, continuity of IRO, external IRO use, checklist completion', async () => {
      const text = cardOf(await say(catrin, `/report board ${PERIOD}`)).text.replace(/\n/g, ' ');
      assert.match(text, /Corporate Parenting Board measures/);
      assert.match(text, /Oct 2026 3 1 2 0 33\.33%/);
      assert.match(text, /Nov 2026 0 0 0 0 —/);
      assert.match(text, /Period 3 1 2 0 33\.33%/);
      assert.match(text, /Children with the same IRO throughout 2 of 3 \(66\.67%\)/);
      assert.match(text, /Reviews chaired by an external IRO 2 of 3 \(66\.67%\)/);
      assert.match(text, /Children allocated to an external IRO now 1/);
      assert.match(text, /Checklist complete 0 of 3 \(0\.00%\)/);
      assert.doesNotMatch(text, NAMES);
    });

    it('/report itself shows the headline figures and points to /report board', async () => {
      const text = cardOf(await say(catrin, `/report ${PERIOD}`)).text.replace(/\n/g, ' ');
      assert.match(text, /Written records within 14 days 1 of 3 \(33\.33%\)/);
      assert.match(text, /Checklist complete 0 of 3 \(0\.00%\)/);
      assert.match(text, /Children with the same IRO throughout 2 of 3 \(66\.67%\)/);
      assert.match(text, /Reviews chaired by an external IRO 2 of 3 \(66\.67%\)/);
      assert.match(text, /Board measures in full: \/report board/);
    });

    it('PC4: the checklist is recorded on the review when held, and counted as held in the period', async () => {
      const { review } = await recordHeld(h.bot.deps, await staff('iro-1'), { ref: 'C102', heldOn: '2026-11-25' });
      assert.equal(review.participation?.['child-consulted']?.status, 'done');
      const text = cardOf(await say(catrin, `/report board ${PERIOD}`)).text.replace(/\n/g, ' ');
      assert.match(text, /Checklist complete 0 of 4 \(0\.00%\)/);
      assert.match(text, /The child has been consulted about the review done 1 · n\/a 0 · not done 0 · not recorded 3/);
      assert.match(text, /Active offer of advocacy made done 0 · n\/a 1 · not done 0 · not recorded 3/);
      assert.match(text, /Nov 2026 1 0 0 1 —/);
    });
  });

  describe('/report export: the board workbook through the file consent flow', () => {
    let offer: {
      name: string;
      content: { sizeInBytes: number; acceptContext: Record<string, string>; description: string };
    };

    it('a manager in a personal chat gets a FileConsentCard (size, description, context) and a notice', async () => {
      const before = h.connector.received.length;
      await say(catrin, `/report export ${PERIOD}`);
      await h.connector.waitFor(before + 2);
      const [first, second] = sentSince(before);
      const attachment = first!.body.attachments[0];
      assert.equal(attachment.contentType, 'application/vnd.microsoft.teams.card.file.consent');
      offer = attachment;
      assert.equal(offer.name, 'IRO-board-report-2026-10-01-to-2026-11-30.xlsx');
      assert.ok(
        offer.content.sizeInBytes > 5000 && offer.content.sizeInBytes < 200_000,
        String(offer.content.sizeInBytes),
      );
      assert.deepEqual(offer.content.acceptContext, { report: 'board', period: PERIOD, lang: 'en' });
      assert.match(offer.content.description, /case references only/);
      assert.match(cardOf(second!).text, /Accept the file above/);
      assert.equal(uploads.length, 0, 'nothing is uploaded before the person accepts');
    });

    it('accept: the workbook is PUT to the upload URL in one piece, then a FileInfoCard names it', async () => {
      const sent = await consent(catrin, {
        action: 'accept',
        context: offer.content.acceptContext,
        uploadInfo: {
          name: offer.name,
          uploadUrl,
          contentUrl: 'https://council-my.sharepoint.com/personal/catrin/Documents/Applications/IRO Bot/board.xlsx',
          uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D',
          fileType: 'xlsx',
        },
      });
      assert.equal(uploads.length, 1);
      const { headers, body } = uploads[0]!;
      assert.equal(headers['content-range'], `bytes 0-${body.length - 1}/${body.length}`);
      assert.equal(Number(headers['content-length']), body.length);
      const info = sent.find(
        (a) => a.body?.attachments?.[0]?.contentType === 'application/vnd.microsoft.teams.card.file.info',
      )!;
      assert.ok(info, 'a file info card');
      assert.equal(info.body.attachments[0].name, offer.name);
      assert.deepEqual(info.body.attachments[0].content, {
        uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D',
        fileType: 'xlsx',
      });

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(body as unknown as ArrayBuffer);
      assert.deepEqual(
        wb.worksheets.map((w) => w.name),
        ['Summary', 'By month', 'Written records', 'Participation', 'Late reviews'],
      );
      const months = wb.getWorksheet('By month')!;
      // Oct 2026 by due date: C102-3 and C111-1 within, C101 not held → 2 of 3.
      assert.deepEqual((months.getRow(2).values as unknown[]).slice(1), ['Oct 2026', 3, 2, 1, 66.67, 98.5, 66.67]);
      const bars = (months as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] })
        .conditionalFormattings;
      assert.equal(bars[0]!.ref, 'G2:G3');
      assert.equal(bars[0]!.rules[0]!.type, 'dataBar');
      const records = wb.getWorksheet('Written records')!;
      assert.deepEqual((records.getRow(4).values as unknown[]).slice(1), ['Period', 4, 1, 2, 1, 33.33]);
      const late = wb.getWorksheet('Late reviews')!;
      const refs = late.getColumn(1).values.slice(2);
      assert.ok(refs.includes('C101'), JSON.stringify(refs));
      let all = '';
      wb.eachSheet((ws) => ws.eachRow((row) => (all += JSON.stringify(row.values))));
      assert.doesNotMatch(all, NAMES, 'no child names in the workbook');
      const audit = (await h.bot.deps.audit.list()).filter((a) => a.action.startsWith('report.export.'));
      assert.deepEqual(
        audit.map((a) => a.action),
        ['report.export.offered', 'report.export.uploaded'],
      );
      assert.doesNotMatch(JSON.stringify(audit.map((a) => a.details)), NAMES, 'no child details in the audit');
    });

    it('decline: a polite notice, nothing uploaded, the refusal audited', async () => {
      const sent = await consent(catrin, { action: 'decline', context: offer.content.acceptContext });
      assert.match(cardOf(sent[0]!).text, /No file sent.*nothing was saved to your OneDrive/s);
      assert.equal(uploads.length, 1);
      assert.equal((await h.bot.deps.audit.list()).at(-1)!.action, 'report.export.declined');
    });

    it('the upload URL refusing the file: a clear notice, audited; nothing claimed as sent', async () => {
      uploadStatus = 500;
      try {
        const sent = await consent(tomos, {
          action: 'accept',
          context: offer.content.acceptContext,
          uploadInfo: {
            name: offer.name,
            uploadUrl,
            contentUrl: 'https://x.example/f',
            uniqueId: 'u',
            fileType: 'xlsx',
          },
        });
        assert.match(cardOf(sent[0]!).text, /could not be saved/);
        assert.ok(!sent.some((a) => a.body?.attachments?.[0]?.contentType?.includes('file.info')));
        assert.equal((await h.bot.deps.audit.list()).at(-1)!.action, 'report.export.upload-failed');
      } finally {
        uploadStatus = 201;
      }
    });

    it('access: business support and IROs are refused the export; an accept forged by an IRO uploads nothing', async () => {
      assert.match(cardOf(await say(sian, '/report export')).text, /the board export is for reviewing team managers/i);
      assert.match(
        cardOf(await say(alex, '/report export')).text,
        /compliance report is for reviewing team managers|not available/,
      );
      const count = uploads.length;
      const sent = await consent(alex, {
        action: 'accept',
        context: { report: 'board', period: '' },
        uploadInfo: { name: 'x.xlsx', uploadUrl, contentUrl: 'https://x.example/f', uniqueId: 'u', fileType: 'xlsx' },
      });
      assert.match(cardOf(sent[0]!).text, /that report is not available to you; nothing was sent/i);
      assert.equal(uploads.length, count);
    });

    it('only in a personal chat; an Action.Execute naming the verb never uploads', async () => {
      const inChannel = cardOf(await h.ask(mentionActivity(h.connector.url, catrin, '/report export')));
      assert.match(inChannel.text, /\/report export works only in a personal chat with me/);
      const count = uploads.length;
      const { text } = await invoke(tomos, 'report.export.upload', { report: 'board', period: '', uploadUrl });
      assert.match(text, /out of date or not mine; nothing was sent/);
      assert.equal(uploads.length, count);
    });
  });
});
