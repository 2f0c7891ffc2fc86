// The store's health through the real server: a full disk (the store's file writes fail with
// ENOSPC) makes GET /healthz answer 503 with the reason, a change gets "Not saved", lookups still
// work, /setup status lists the problem, and everything returns to normal when space returns.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import sinon from 'sinon';
import { messageActivity } from '../helpers/activities.js';
import { cardOf, startHarness, type Harness } from '../helpers/bot-harness.js';
import { admin, alex } from '../helpers/people.js';
import { diskIo } from '../../src/store/embedded/log-file.js';

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));

describe('GET /healthz and a full disk, over HTTP', function () {
  this.timeout(30000);
  let h: Harness;
  before(async () => {
    const withAdmin = {
      ...fixture,
      staff: [
        ...fixture.staff,
        { id: 'admin-1', name: 'Tomos Bevan', roles: ['admin'], aadObjectId: admin.aadObjectId },
      ],
    };
    h = await startHarness({ env: { IRO_NOW: '2026-11-25T09:00:00Z' }, importDoc: withAdmin });
  });
  after(async () => {
    sinon.restore();
    await h?.stop();
  });

  const healthz = async () => {
    const res = await fetch(`${h.bot.server.url}/healthz`);
    return { status: res.status, body: await res.json() };
  };
  const ask = async (from: typeof alex, text: string) =>
    cardOf(await h.ask(messageActivity(h.connector.url, from, text))).text;

  it('answers 503 with the reason while writes fail, refuses changes saying nothing was saved, serves reads, then recovers', async () => {
    assert.deepEqual(await healthz(), { status: 200, body: { status: 'ok', store: 'embedded', policy: 'wales' } });
    await ask(alex, '/help'); // the 1:1 chat is saved while the disk has room

    const full = sinon
      .stub(diskIo, 'write')
      .rejects(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    // /case is audited: the audit write fails, so the view is refused and nothing is recorded.
    const refused = await ask(alex, '/case C100');
    assert.match(refused, /Not saved/);
    assert.match(refused, /Nothing was saved/);
    assert.doesNotMatch(refused, /ENOSPC|DATA_DIR|Something went wrong/);
    assert.deepEqual(await healthz(), {
      status: 503,
      body: {
        status: 'degraded',
        store: 'embedded',
        policy: 'wales',
        reason: 'disk full: cannot write DATA_DIR/audit.log',
      },
    });
    // Reads go on.
    assert.match(await ask(alex, '/due this week'), /Reviews due this week/);
    const status = await ask(admin, '/setup status');
    assert.match(
      status,
      /Store: DEGRADED \(disk full: cannot write DATA_DIR\/audit\.log\); nothing can be saved until this is fixed\./,
    );

    full.restore();
    const end = Date.now() + 15000;
    while ((await healthz()).status !== 200) {
      assert.ok(Date.now() < end, 'the store did not recover');
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.match(await ask(alex, '/case C100'), /C100/);
    assert.match(await ask(admin, '/setup status'), /Store: ok\./);
  });
});
