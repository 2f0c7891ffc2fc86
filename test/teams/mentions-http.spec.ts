import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { messageActivity, TENANT, type Sender } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import { alex, catrin } from '../helpers/people.js';

// A person named in a command (`/due … for PERSON`, `/caseload PERSON`) by an @mention, through the real
// server and adapter (src/teams/identity.ts resolvePersonArg): the mention's Teams id is looked up at the
// connector and matched to the directory by AAD object id, then by UPN; when Teams cannot say, the
// mention's text must name exactly one person. The id Teams gives decides, never the text alone.
const NOW = '2026-11-25T09:00:00Z';
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
const RHIAN_OID = '00000000-0000-0000-0000-0000000000a2';

/** "/due this week for <at>NAME</at>" in Catrin's 1:1 chat, with the mention entity Teams adds. */
const dueFor = (name: string, mentionedId: string, from: Sender = catrin) => {
  const at = `<at>${name}</at>`;
  return messageActivity('', from, `/due this week for ${at}`, {
    entities: [{ type: 'mention', text: at, mentioned: { id: mentionedId, name } }],
  });
};

describe('@mentions of people in commands, over HTTP', function () {
  this.timeout(60000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW }, importDoc: fixture });
    // What Teams knows of each mentioned account: by AAD object id; by UPN only; another tenant's stranger.
    h.connector.members.set('29:rhian', {
      id: '29:rhian',
      name: 'Rhian Pritchard',
      aadObjectId: RHIAN_OID,
      tenantId: TENANT,
      userRole: 'user',
    });
    h.connector.members.set('29:rhian-upn', {
      id: '29:rhian-upn',
      name: 'R. Pritchard',
      aadObjectId: '00000000-0000-0000-0000-0000000000ff',
      userPrincipalName: 'Rhian@Council.example',
      tenantId: TENANT,
      userRole: 'user',
    });
    h.connector.members.set('29:stranger', {
      id: '29:stranger',
      name: 'Alex Wilber',
      aadObjectId: '00000000-0000-0000-0000-00000000dead',
      tenantId: TENANT,
    });
  });
  after(async () => h?.stop());

  const ask = async (activity: ReturnType<typeof messageActivity>) =>
    cardOf(await h.ask({ ...activity, serviceUrl: h.connector.url })).text;
  const reads = (id: string) => h.connector.memberGets.get(id) ?? 0;

  it("finds the mentioned person by the AAD object id Teams gives for the mention's id", async () => {
    const before = reads('29:rhian');
    // The text says "Rhian" only; the id decides.
    const text = await ask(dueFor('Rhian', '29:rhian'));
    assert.match(text, /Rhian Pritchard/);
    assert.doesNotMatch(text, /can't find/);
    assert.equal(reads('29:rhian'), before + 1, 'the mention was looked up at the connector');
  });

  it('finds them by UPN (any case) when the AAD object id is not in the directory', async () => {
    const text = await ask(dueFor('R. Pritchard', '29:rhian-upn'));
    assert.match(text, /Rhian Pritchard/);
  });

  it('when Teams does not know the mentioned id (404), the text must name exactly one person', async () => {
    assert.match(await ask(dueFor('Rhian Pritchard', '29:gone')), /Rhian Pritchard/);
    assert.equal(reads('29:gone'), 1, 'Teams was asked first');
    const unknown = await ask(dueFor('Rhian', '29:gone'));
    assert.match(
      unknown,
      /I can't find "Rhian" in the staff directory: name a person with an @mention, their e-mail address or their staff id/,
    );
  });

  it('a mention Teams maps to nobody in the directory falls back to its text, which must name exactly one person', async () => {
    assert.match(await ask(dueFor('Alex Wilber', '29:stranger')), /Alex Wilber/);
    assert.match(await ask(dueFor('Somebody Else', '29:stranger')), /I can't find "Somebody Else"/);
    assert.match(
      await ask(messageActivity('', catrin, '/due this week for <at>Rhian Pritchard</at>')),
      /Rhian Pritchard/,
      'no entity: the name',
    );
  });

  it('e-mail addresses and staff ids name people too; /caseload takes a mention', async () => {
    assert.match(await ask(messageActivity('', catrin, '/due this week for rhian@council.example')), /Rhian Pritchard/);
    assert.match(await ask(messageActivity('', catrin, '/due this week for iro-2')), /Rhian Pritchard/);
    const at = '<at>Rhian</at>';
    const entities = [{ type: 'mention', text: at, mentioned: { id: '29:rhian', name: 'Rhian' } }];
    const caseload = await ask(messageActivity('', catrin, `/caseload ${at}`, { entities }));
    assert.match(caseload, /Rhian Pritchard/);
  });

  it('an IRO may not look at another IRO by mention (the person is found, access still applies)', async () => {
    const text = await ask(dueFor('Rhian', '29:rhian', alex));
    assert.match(
      text,
      /^That's not available to you\nOnly business support, managers and admin can look at other people's children\./,
    );
  });
});
