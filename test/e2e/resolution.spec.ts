import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { raiseResolution } from '../../src/app/resolutions.js';
import { createClock } from '../../src/clock.js';
import { ARTIFACTS, useE2ESession } from './helpers/e2e-session.js';
import { openConversation, sendMessage, waitConnected, waitForCard } from './helpers/playground-page.js';

// End to end in the Agents Playground, chatting as the social worker Dafydd Thomas (sw-1): the IRO's
// formal resolution goes unacknowledged, the sweeper's reminder card arrives in Dafydd's 1:1 chat
// (the bot's normal flow), he presses Acknowledge, and the card changes in place.

const NOW = '2026-11-23T09:00:00Z'; // Mon 23 Nov 2026: acknowledge by Wed 25 Nov

describe('e2e: resolution card in the Agents Playground', function () {
  this.timeout(90_000);
  const session = useE2ESession({ name: 'resolution', now: NOW, personas: ['social-worker'] });

  it('the social worker acknowledges the resolution from the card and the card changes', async function () {
    const { page: p, stack: s } = session();
    const deps = s.bot!.deps;
    await p.goto(s.seat('social-worker').url, { waitUntil: 'domcontentloaded', timeout: 20_000 });
    await waitConnected(p);
    await openConversation(p, 'Personal Chat');
    await sendMessage(p, '/help'); // the bot knows Dafydd's 1:1 chat from here on
    await waitForCard(p, ['IRO Bot commands']);

    // Alex (iro-1) raises a formal resolution about a child whose social worker is Dafydd.
    const iro = (await deps.staff.get('iro-1'))!;
    const child = (await deps.children.listByIro('iro-1')).find((c) => c.socialWorkerId === 'sw-1');
    assert.ok(child, 'a demo child of iro-1 with sw-1');
    const { resolution } = await raiseResolution(deps, iro, child.ref, {
      theme: 'care-planning',
      stage: 1,
      summary: 'The care plan is out of date.',
      ask: 'An updated care plan',
    });
    assert.equal(resolution.stages[0].acknowledgeBy, '2026-11-25');

    // Thu 26 Nov: not acknowledged → the sweeper's reminder goes to Dafydd's chat.
    deps.clock = createClock(new Date('2026-11-26T09:00:00Z'));
    const swept = await s.bot!.jobs!.sweeper.sweepOnce();
    assert.ok(
      swept.enqueuedKeys.includes(`resolution:${resolution.id}:stage:1:ack-overdue:sw-1`),
      swept.enqueuedKeys.join(', '),
    );
    s.bot!.jobs!.sender.kick();

    const card = await waitForCard(p, ['Reminder: please acknowledge', resolution.id]);
    assert.match(await card.innerText(), /Awaiting acknowledgement by Wed 25 Nov 2026/);
    await card.locator('.ac-actionSet button[aria-label="Acknowledge"]').first().click();

    const acknowledged = await waitForCard(p, ['Acknowledged by Dafydd Thomas', resolution.id]);
    assert.match(await acknowledged.innerText(), /Acknowledged by Dafydd Thomas at Thu 26 Nov 2026/);
    const stored = (await deps.children.get(child.ref))!.resolutions!.find((r) => r.id === resolution.id)!;
    assert.equal(stored.stages[0].acknowledged?.by, 'sw-1');

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await acknowledged
      .screenshot({ path: path.join(ARTIFACTS, 'e2e-resolution-acknowledged.png') })
      .catch(() => undefined);
  });
});
