import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import sinon from 'sinon';
import { ClaimsIdentity } from 'botframework-connector';
import { messageActivity, TENANT, type Sender } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';
import { alex, catrin } from '../helpers/people.js';
import { spyOnTurns } from '../helpers/turn-spy.js';
import { loadConfig } from '../../src/config.js';
import { buildDeps } from '../../src/index.js';
import { createLogger } from '../../src/logger.js';
import { runImport } from '../../src/app/import/run-import.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { openEmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import type { Store } from '../../src/store/doc-collection.js';
import { createBot, type Bot } from '../../src/teams/bot.js';
import { identifySender } from '../../src/teams/identity.js';
import { createMemberCache } from '../../src/app/member-cache.js';
import { StaffRepository } from '../../src/store/repositories/staff-repository.js';

// The HTTP edge (issue 10, points 4, 10, 12): one schema, authentication before the tenant guard,
// over-long text answered in the conversation, 500s that carry only a reference.
const NOW = '2026-11-25T09:00:00Z';
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));

describe('edge: one activity schema', function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ env: { IRO_NOW: NOW }, importDoc: fixture });
  });
  after(async () => h?.stop());

  /** Posts a body that must be refused: 400, the named reason, nothing sent, nothing stored. */
  async function refused(body: unknown, reason: RegExp) {
    const audit = (await h.bot.deps.audit.list()).length;
    const sent = h.connector.received.length;
    const spy = spyOnTurns();
    let res;
    try {
      res = await h.post(body);
    } finally {
      spy.restore();
    }
    assert.equal(res.status, 400, `${res.status} ${res.body}`);
    const answer = JSON.parse(res.body);
    assert.equal(answer.error, 'malformed-activity');
    assert.match(answer.message, reason);
    // No turn started, so nothing can be sent for it, now or later (no waiting needed).
    assert.equal(spy.turns(), 0, 'no turn ran');
    assert.equal(h.connector.received.length, sent, 'nothing was sent');
    assert.equal((await h.bot.deps.audit.list()).length, audit, 'nothing was recorded');
    return answer.message as string;
  }

  it('an operator object in from.aadObjectId never identifies anyone (was: identified as a manager)', async () => {
    // "c1$" matches Catrin Morgan's id (a team manager): before this fix the regex reached the
    // staff filter and the request was answered as her, with the whole service's reviews.
    const forged: Sender = { id: '29:attacker', name: 'Attacker', aadObjectId: { $regex: 'c1$' } as unknown as string };
    const message = await refused(
      messageActivity(h.connector.url, forged, '/due this week team'),
      /from\.aadObjectId must be/,
    );
    assert.doesNotMatch(message, /regex|c1/, 'the reason names the rule, never the data');
    // The same through a card verb (approve): refused at the edge too.
    await refused(
      {
        ...messageActivity(h.connector.url, forged, ''),
        type: 'invoke',
        name: 'adaptiveCard/action',
        text: undefined,
        value: {
          action: { type: 'Action.Execute', verb: 'review.reschedule.approve', data: { requestId: 'REF-RQ1' } },
        },
      },
      /from\.aadObjectId must be/,
    );
    // The genuine manager is still answered.
    const { text } = cardOf(await h.ask(messageActivity(h.connector.url, catrin, '/due this week team')));
    assert.match(text, /whole service/);
  });

  it('every id is a bounded string, and text, entities and value have size and depth limits', async () => {
    const ok = () => messageActivity(h.connector.url, alex, '/help') as Record<string, any>;
    const deep = (n: number) => {
      let v: unknown = 'x';
      for (let i = 0; i < n; i++) v = { a: v };
      return v;
    };
    const cases: [string, (a: Record<string, any>) => void, RegExp][] = [
      [
        'from.id object',
        (a) => {
          a.from = { ...a.from, id: { $ne: null } };
        },
        /from\.id must be a string/,
      ],
      [
        'from.id empty',
        (a) => {
          a.from = { ...a.from, id: '' };
        },
        /from\.id is missing/,
      ],
      [
        'conversation.id object',
        (a) => {
          a.conversation.id = { $gt: '' };
        },
        /conversation\.id must be a string/,
      ],
      [
        'conversation.id 600 chars',
        (a) => {
          a.conversation.id = 'a'.repeat(600);
        },
        /conversation\.id is longer than 512/,
      ],
      [
        'conversation.tenantId object',
        (a) => {
          a.conversation.tenantId = { $regex: '.' };
        },
        /conversation\.tenantId must be/,
      ],
      [
        'recipient.id number',
        (a) => {
          a.recipient = { id: 28 };
        },
        /recipient\.id must be a string/,
      ],
      [
        'channelData.tenant.id object',
        (a) => {
          a.channelData = { tenant: { id: { $exists: true } } };
        },
        /channelData\.tenant\.id must be/,
      ],
      [
        'replyToId object',
        (a) => {
          a.replyToId = { $ne: 1 };
        },
        /replyToId must be a string/,
      ],
      [
        'id array',
        (a) => {
          a.id = ['x'];
        },
        /activity\.id must be a string/,
      ],
      [
        'id with a newline',
        (a) => {
          a.id = 'abc\ndef';
        },
        /activity\.id contains control characters/,
      ],
      [
        'aadObjectId not a GUID',
        (a) => {
          a.from = { ...a.from, aadObjectId: '.*' };
        },
        /from\.aadObjectId must be at most 64 letters/,
      ],
      [
        'text a number',
        (a) => {
          a.text = 42;
        },
        /activity\.text must be a string/,
      ],
      [
        'text over the hard limit',
        (a) => {
          a.text = 'x'.repeat(100_001);
        },
        /activity\.text is longer than 100000/,
      ],
      [
        'value nested 30 deep',
        (a) => {
          a.type = 'invoke';
          a.value = deep(30);
        },
        /nested deeper than 24/,
      ],
      [
        'value over 64 KB',
        (a) => {
          a.type = 'invoke';
          a.value = { data: 'x'.repeat(70_000) };
        },
        /activity\.value is larger than 65536/,
      ],
      [
        'entities 100 items',
        (a) => {
          a.entities = Array.from({ length: 100 }, () => ({ type: 'clientInfo' }));
        },
        /entities has more than 64/,
      ],
      [
        'entities not a list',
        (a) => {
          a.entities = { type: 'mention' };
        },
        /entities must be a list/,
      ],
      [
        'serviceUrl file:',
        (a) => {
          a.serviceUrl = 'file:///etc/passwd';
        },
        /serviceUrl must be an http\(s\) URL/,
      ],
      [
        'conversation missing',
        (a) => {
          delete a.conversation;
        },
        /conversation\.id is missing/,
      ],
      [
        'type missing',
        (a) => {
          delete a.type;
        },
        /activity\.type is missing/,
      ],
    ];
    for (const [name, mutate, reason] of cases) {
      const a = ok();
      mutate(a);
      await refused(a, reason).catch((err) => {
        throw new Error(`${name}: ${err.message}`);
      });
    }
    // 5,000 deep (issue 10 point 6's payload), written as text: refused before any recursive code sees it.
    const nested = JSON.stringify({ ...ok(), type: 'invoke', value: 'HOLE' }).replace(
      '"HOLE"',
      `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
    );
    await refused(nested, /nested deeper than 24/);
    // A well-formed activity still gets its answer after all that.
    assert.match(cardOf(await h.ask(ok())).text, /IRO Bot commands/);
  });

  it('unparseable JSON and a body over the limit get a code, never the parser text', async () => {
    const garbage = await h.post('{"type": "message", oops');
    assert.equal(garbage.status, 400);
    assert.deepEqual(JSON.parse(garbage.body), {
      error: 'malformed-activity',
      message: 'the body must be a JSON activity object',
    });
    const big = await h.post({
      ...messageActivity(h.connector.url, alex, ''),
      attachments: [{ content: 'x'.repeat(300 * 1024) }],
    });
    assert.equal(big.status, 413);
    assert.doesNotMatch(big.body, /Request body size exceeds|maxBodySize/i);
  });

  it('an unknown route or method gets a JSON code, not restify text', async () => {
    const nf = await fetch(`${h.bot.server.url}/api/nothing`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(nf.status, 404);
    assert.deepEqual(await nf.json(), { error: 'not-found' });
    const get = await fetch(`${h.bot.server.url}/api/messages`);
    assert.ok(get.status === 405 || get.status === 404, String(get.status));
    assert.match(await get.text(), /^\{"error":"(method-not-allowed|not-found)"\}$/);
  });

  it('a message over 4,000 characters gets a reply stating the limit, and nothing else happens', async () => {
    const stranger: Sender = {
      id: '29:longtalker',
      name: 'Long Talker',
      aadObjectId: '00000000-0000-0000-0000-00000000ffff',
    };
    const conversationsBefore = await h.bot.store.collection('conversations').countDocuments({});
    const auditBefore = (await h.bot.deps.audit.list()).length;
    const text = `/raise C100 ${'x'.repeat(5213 - 12)}`;
    assert.equal(text.length, 5213);
    const reply = await h.ask(messageActivity(h.connector.url, alex, text));
    const { card, text: shown } = cardOf(reply);
    assert.match(shown, /That message is 5,213 characters; I read commands up to 4,000\. Nothing was done\./);
    assert.doesNotMatch(JSON.stringify(card), /xxxx/, 'the text is not echoed');
    // Anyone gets the same answer (it reveals nothing), and no conversation or audit entry is stored.
    assert.match(
      cardOf(await h.ask(messageActivity(h.connector.url, stranger, 'y'.repeat(4001)))).text,
      /4,001 characters/,
    );
    assert.equal(await h.bot.store.collection('conversations').countDocuments({}), conversationsBefore);
    assert.equal((await h.bot.deps.audit.list()).length, auditBefore);
    // Exactly at the limit the text is read as a command.
    const atLimit = `/due ${'z'.repeat(3995)}`;
    assert.match(cardOf(await h.ask(messageActivity(h.connector.url, alex, atLimit))).text, /can't read/);
  });

  it('identifySender itself ignores ids that are not strings (defence in depth)', async () => {
    const staff = new StaffRepository(h.bot.store);
    const lookup = { councilTenantId: null, members: createMemberCache(), log: { warn: () => undefined } };
    for (const aadObjectId of [{ $regex: 'c1$' }, { $ne: null }, ['00000000-0000-0000-0000-0000000000c1'], 42]) {
      const ctx = {
        activity: { ...messageActivity(h.connector.url, alex, ''), from: { id: '29:x', aadObjectId } },
      } as never;
      assert.equal(await identifySender(ctx, staff, lookup), null, JSON.stringify(aadObjectId));
    }
    const noId = {
      activity: {
        ...messageActivity(h.connector.url, alex, ''),
        from: { id: { $ne: null }, aadObjectId: catrin.aadObjectId },
      },
    } as never;
    assert.equal(await identifySender(noId, staff, lookup), null);
  });
});

/** A bot with an app id configured (the real CloudAdapter authenticates), served on loopback. */
async function startAuthenticatedBot(
  logLines: string[],
  local = false,
): Promise<{
  bot: Bot;
  server: RunningServer;
  store: Store;
  connector: FakeConnector;
  dataDir: string;
  post(a: unknown, auth?: string): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
}> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-bot-edge-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    IRO_NOW: NOW,
    ...(local
      ? {}
      : {
          MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
          MicrosoftAppPassword: 'not-a-real-secret',
          MicrosoftAppType: 'SingleTenant',
          MicrosoftAppTenantId: TENANT,
          ALLOWED_TENANT_IDS: TENANT,
        }),
  });
  assert.equal(config.localMode, local);
  const store = await openEmbeddedStore(dataDir);
  await runImport(store, fixture, { sourceName: 'test', now: new Date(NOW) });
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger('info', sink);
  const bot = createBot(config, buildDeps(config, store), logger);
  // Loopback for the test (a configured app id would otherwise listen on every interface).
  const server = await startServer({ ...config, localMode: true }, bot, logger, () => ({}));
  const connector = await startFakeConnector();
  return {
    bot,
    server,
    store,
    connector,
    dataDir,
    async post(a, auth) {
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: JSON.stringify(a),
      });
      return { status: res.status, body: await res.text() };
    },
    async stop() {
      await connector.close();
      await server.close();
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe('edge: authenticate first, then the tenant guard', function () {
  this.timeout(30000);
  const logLines: string[] = [];
  let t: Awaited<ReturnType<typeof startAuthenticatedBot>>;
  let consoleError: sinon.SinonSpy;
  before(async () => {
    t = await startAuthenticatedBot(logLines);
  });
  after(async () => t?.stop());
  beforeEach(() => {
    consoleError = sinon.spy(console, 'error');
  });
  afterEach(() => sinon.restore());

  const unsignedJwt =
    [
      { alg: 'none', typ: 'JWT' },
      { iss: 'https://api.botframework.com', aud: '11111111-2222-3333-4444-555555555555' },
    ]
      .map((p) => Buffer.from(JSON.stringify(p)).toString('base64url'))
      .join('.') + '.';

  it('an unauthenticated request gets 401 whatever its tenant (the allow-list is not revealed)', async () => {
    const answers: string[] = [];
    for (const tenantId of [TENANT, 'another-tenant-0000', undefined]) {
      for (const auth of [undefined, 'Bearer garbage', `Bearer ${unsignedJwt}`, 'Basic YWxhZGRpbjpvcGVuc2VzYW1l']) {
        const a = messageActivity(t.connector.url, alex, '/help', tenantId ? { tenantId } : {}) as Record<string, any>;
        if (!tenantId) {
          delete a.conversation.tenantId;
          delete a.channelData;
        }
        const res = await t.post(a, auth);
        assert.equal(res.status, 401, `tenant ${tenantId} auth ${auth?.slice(0, 12)}: ${res.status} ${res.body}`);
        answers.push(res.body);
      }
    }
    assert.equal(new Set(answers).size, 1, 'every refusal is the same');
    assert.deepEqual(JSON.parse(answers[0]), { error: 'unauthorized' });
    assert.equal(t.connector.received.length, 0, 'nothing was sent');
    assert.equal(consoleError.callCount, 0, 'nothing written to stderr as plain text');
  });

  it('after authentication, a tenant outside the allow-list gets 403 and nothing runs', async () => {
    // JWT validation against Microsoft's keys is the true boundary here: stub it to "authenticated".
    const auth = (
      t.bot.adapter as unknown as { botFrameworkAuthentication: { authenticateRequest: () => Promise<unknown> } }
    ).botFrameworkAuthentication;
    sinon
      .stub(auth, 'authenticateRequest')
      .resolves({
        claimsIdentity: new ClaimsIdentity([], true),
        audience: 'https://api.botframework.com',
        callerId: undefined,
      });
    const res = await t.post(
      messageActivity(t.connector.url, alex, '/help', { tenantId: 'another-tenant-0000' }),
      'Bearer token',
    );
    assert.equal(res.status, 403);
    assert.deepEqual(JSON.parse(res.body), { error: 'tenant-not-allowed' });
    assert.equal(t.connector.received.length, 0);
  });

  it('a failure inside the SDK gives 500 with a reference only; the detail goes to the JSON log', async () => {
    const auth = (
      t.bot.adapter as unknown as { botFrameworkAuthentication: Record<string, (...a: unknown[]) => unknown> }
    ).botFrameworkAuthentication;
    sinon.stub(auth, 'authenticateRequest').resolves({
      claimsIdentity: new ClaimsIdentity([], true),
      audience: 'https://api.botframework.com',
      callerId: undefined,
      connectorFactory: {
        create: async () => {
          throw new Error('ConnectorFactory: secret SDK detail at https://internal.example');
        },
      },
    });
    const before = logLines.length;
    const res = await t.post(messageActivity(t.connector.url, alex, '/help'), 'Bearer token');
    assert.equal(res.status, 500);
    const body = JSON.parse(res.body);
    assert.deepEqual(Object.keys(body).sort(), ['error', 'reference']);
    assert.equal(body.error, 'internal');
    assert.match(body.reference, /^[0-9a-f-]{36}$/);
    assert.doesNotMatch(res.body, /secret|ConnectorFactory|internal\.example/);
    const logged = logLines.slice(before).map((l) => JSON.parse(l));
    const entry = logged.find((l) => l.reference === body.reference);
    assert.ok(entry, 'the reference is in the log');
    assert.equal(entry.level, 50);
    assert.match(entry.err.stack, /at /);
    assert.equal(consoleError.callCount, 0, 'nothing written to stderr as plain text');
  });
});

describe('edge: a failure inside a turn', function () {
  this.timeout(30000);
  const logLines: string[] = [];
  let t: Awaited<ReturnType<typeof startAuthenticatedBot>>;
  before(async () => {
    t = await startAuthenticatedBot(logLines, true);
  });
  after(async () => t?.stop());
  afterEach(() => sinon.restore());

  it('the person gets a reference only; the error and its stack are one JSON log line with that reference', async () => {
    const consoleError = sinon.spy(console, 'error');
    sinon
      .stub(StaffRepository.prototype, 'findByAadObjectId')
      .rejects(new Error('MongoServerError: secret detail about the store'));
    const before = logLines.length;
    const res = await t.post(messageActivity(t.connector.url, alex, '/help'));
    assert.equal(res.status, 200);
    const reply = await t.connector.waitFor(1);
    const { text } = cardOf(reply[0]);
    const reference = /reference ([0-9a-f-]{36})/.exec(text)?.[1];
    assert.ok(reference, text);
    assert.doesNotMatch(text, /secret|MongoServerError/);
    const entry = logLines
      .slice(before)
      .map((l) => JSON.parse(l))
      .find((l) => l.reference === reference);
    assert.ok(entry, 'the reference is in the log');
    assert.equal(entry.msg, 'turn failed');
    assert.match(entry.err.stack, /at /);
    assert.doesNotMatch(JSON.stringify(entry), /secret detail/, 'messages are not logged (they can carry user input)');
    assert.equal(consoleError.callCount, 0);
  });
});
