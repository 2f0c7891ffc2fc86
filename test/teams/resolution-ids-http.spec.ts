import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { messageActivity, type Sender } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import type { ReceivedActivity } from '../helpers/fake-connector.js';
import { alex, dafydd } from '../helpers/people.js';

// Resolution ids have their own pattern, `<ref>-RES<n>`, distinct from review ids (`<ref>-R<n>` in the
// demo data and many exports). A resolution raised before that change keeps its `<ref>-R<n>` id, on the
// cards already posted and in the store: its buttons must go on working.
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const NOW = '2026-08-28T08:00:00Z';

describe('resolution ids over HTTP', function () {
  this.timeout(60000);
  let h: Harness;
  before(async () => {
    // C100's reviews are renamed to the demo data's `<ref>-R<n>` ids, the shape old resolution ids share.
    const children = fixture.children.map((c: { ref: string; reviews?: { id: string }[] }) =>
      c.ref !== 'C100' ? c : { ...c, reviews: c.reviews!.map((r, i) => ({ ...r, id: `C100-R${i + 1}` })) },
    );
    h = await startHarness({ env: { IRO_NOW: NOW }, importDoc: { ...fixture, children } });
  });
  after(async () => h?.stop());

  async function invoke(from: Sender, verb: string, data: Record<string, unknown>) {
    const res = await h.post({
      ...messageActivity(h.connector.url, from, ''),
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: { action: { type: 'Action.Execute', verb, data } },
    });
    assert.equal(res.status, 200, res.body);
    const body = JSON.parse(res.body);
    return typeof body.value === 'string'
      ? body.value
      : cardOf({ body: { attachments: [{ content: body.value }] } } as ReceivedActivity).text;
  }
  const raise = () =>
    invoke(alex, 'resolution.raise', {
      ref: 'C100',
      theme: 'care-planning',
      stage: '1',
      summary: 'The plan is out of date.',
      ask: 'An updated plan',
      askBy: '',
    });
  const storedIds = async () => (await h.bot.deps.children.get('C100'))!.resolutions!.map((r) => r.id);

  it('a new resolution is C100-RES1, not the shape of a review id', async () => {
    assert.match(await raise(), /Resolution C100-RES1 · C100/);
    assert.deepEqual(await storedIds(), ['C100-RES1']);
  });

  it('a resolution stored with an old-style id (C100-R1) is still found and acted on by that id', async () => {
    // As raised before the change: the same resolution under its old id.
    const c = (await h.bot.deps.children.get('C100'))!;
    await h.bot.deps.children.updateVersioned(
      'C100',
      c.version,
      { $set: { 'resolutions.0.id': 'C100-R1' } },
      { at: new Date(NOW), by: { id: 'test' }, action: 'test.legacy-id' },
    );
    assert.deepEqual(await storedIds(), ['C100-R1']);

    const ack = await invoke(dafydd, 'resolution.acknowledge', { ref: 'C100', id: 'C100-R1', stage: '1' });
    assert.match(ack, /Acknowledged by Dafydd Thomas/);
    assert.equal((await h.bot.deps.children.get('C100'))!.resolutions![0]!.stages.at(-1)!.acknowledged?.by, 'sw-1');
    const list = cardOf(await h.ask(messageActivity(h.connector.url, alex, '/resolutions all C100'))).text;
    assert.match(list, /C100-R1 · C100/);
  });

  it('the next one is numbered on (C100-RES2), so old and new ids never meet', async () => {
    assert.match(await raise(), /Resolution C100-RES2 · C100/);
    assert.deepEqual(await storedIds(), ['C100-R1', 'C100-RES2']);
  });

  it('an id of the resolution patterns that is not there gets the made-up-id answer; any other id is not from a card', async () => {
    const madeUp = await invoke(alex, 'resolution.view', { ref: 'C999', id: 'C999-RES1' });
    assert.match(madeUp, /can't find that resolution/);
    // C100-R2 is a review of C100, and has the shape an old resolution id had: looked for among resolutions only.
    for (const id of ['C100-R2', 'C100-RES9', 'C100-RES1'])
      assert.equal(await invoke(alex, 'resolution.view', { ref: 'C100', id }), madeUp, id);
    for (const id of ['C100-3', 'C100-B1', 'C100-RES', 'C100-RESX1', 'R1', 'C100-RES12345']) {
      assert.match(
        await invoke(alex, 'resolution.view', { ref: 'C100', id }),
        /out of date or incomplete; nothing was changed/,
        id,
      );
    }
  });
});
