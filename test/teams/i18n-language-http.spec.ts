// Issue 13 over HTTP: the language a person reads is the one they chose (/iaith, /language, remembered),
// else their Teams client's locale (cy-GB), else DEFAULT_LANGUAGE.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { messageActivity, type Sender } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import { alex, catrin } from '../helpers/people.js';

const NOW = '2026-11-25T09:00:00Z';
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const stranger: Sender = { id: '29:who', name: 'Someone', aadObjectId: '99999999-0000-0000-0000-000000000000' };

describe('language per person over HTTP (issue 13)', function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW }, importDoc: fixture });
  });
  after(async () => h?.stop());

  const ask = async (from: Sender, text: string, locale?: string) =>
    cardOf(await h.ask({ ...messageActivity(h.connector.url, from, text), ...(locale ? { locale } : {}) })).text;

  it('a Welsh Teams client gets Welsh before any choice; an English one gets English', async () => {
    assert.match(await ask(catrin, '/dim-o-gwbl', 'cy-GB'), /Does dim gorchymyn "dim-o-gwbl"/);
    assert.match(await ask(catrin, '/nothing', 'en-GB'), /There is no command "nothing"/);
    assert.match(await ask(stranger, '/due', 'cy-GB'), /Dydych chi ddim wedi cofrestru/);
  });

  it('/iaith cymraeg is remembered over the client locale until /language english', async () => {
    assert.match(await ask(alex, '/iaith cymraeg', 'en-GB'), /Byddaf yn ysgrifennu atoch chi yn Gymraeg/);
    assert.equal((await h.bot.deps.staff.get('iro-1'))?.language, 'cy');
    assert.match(await ask(alex, '/nothing', 'en-GB'), /Does dim gorchymyn "nothing"/);
    assert.match(await ask(alex, '/language SAESNEG'), /I will write to you in English/);
    assert.match(await ask(alex, '/nothing', 'cy-GB'), /There is no command "nothing"/);
  });

  it('refuses an unknown language in the asker’s language and changes nothing', async () => {
    const text = await ask(alex, '/iaith klingon');
    assert.match(text, /Say which language: \/language english or \/language welsh/);
    assert.equal((await h.bot.deps.staff.get('iro-1'))?.language, 'en');
  });
});
