import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, useE2ESession } from './helpers/e2e-session.js';
import { openConversation, sendMessage, waitConnected, waitForCard } from './helpers/playground-page.js';

// End to end, as a person would after `npm start`: the bot with the demo data, the IRO's Agents
// Playground, and a real (headless) browser chatting as Alex Wilber (iro-1).

// A Monday: the demo data is relative to this date, so C1001 (Dylan Evans) is due this very day.
const NOW = '2026-11-23T09:00:00Z';

describe('e2e: Agents Playground', function () {
  this.timeout(60_000);
  const session = useE2ESession({ name: 'due-this-week', now: NOW, personas: ['iro'] });

  it('answers /due this week in the personal chat with the "Reviews due this week" card', async function () {
    const { page: p, stack: s } = session();
    await p.goto(s.seat('iro').url, { waitUntil: 'domcontentloaded', timeout: 20_000 });
    await waitConnected(p);
    await openConversation(p, 'Personal Chat');
    await sendMessage(p, '/due this week');

    const card = await waitForCard(p, ['Reviews due this week', 'C1001']);
    const text = await card.innerText();
    assert.match(text, /Reviews due this week/);
    assert.match(text, /C1001/);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await card.scrollIntoViewIfNeeded();
    await p.screenshot({ path: path.join(ARTIFACTS, 'e2e-due-this-week.png') });
    await card.screenshot({ path: path.join(ARTIFACTS, 'e2e-due-this-week-card.png') });
  });
});
