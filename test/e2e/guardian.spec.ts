import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, useE2ESession } from './helpers/e2e-session.js';
import { openConversation, sendMessage, waitConnected, waitForCard } from './helpers/playground-page.js';

// End to end as the Children's Guardian: the playground's current user is Ffion Powell (g-1), a guest
// with an #EXT# UPN, matched to the directory on first contact. She sees her liaison items and
// nothing else: /due is refused.

const NOW = '2026-11-23T09:00:00Z';

describe('e2e: the Guardian (a guest) in the Agents Playground', function () {
  this.timeout(60_000);
  const session = useE2ESession({ name: 'guardian', now: NOW, personas: ['guardian'] });

  it('shows the Guardian their liaison items and refuses /due', async function () {
    const { page: p, stack: s } = session();
    await p.goto(s.seat('guardian').url, { waitUntil: 'domcontentloaded', timeout: 20_000 });
    await waitConnected(p);
    await openConversation(p, 'Personal Chat');

    await sendMessage(p, '/actions');
    const card = await waitForCard(p, ['Your liaison items', 'Guardian liaison']);
    const text = await card.innerText();
    assert.match(text, /L3 · Make contact|L7 · Discussion due/);
    assert.doesNotMatch(text, /Dylan|Evans/, 'no child who is not hers, and initials only');

    await sendMessage(p, '/due this week');
    const refused = await waitForCard(p, ['not available to you']);
    const refusal = await refused.innerText();
    assert.match(refusal, /as a guest you can use \/actions and \/help/i);
    assert.doesNotMatch(refusal, /Reviews due/);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await p.screenshot({ path: path.join(ARTIFACTS, 'e2e-guardian.png') });
    const audit = await s.bot!.deps.audit.list({ action: 'command.refused', 'actor.id': 'g-1' });
    assert.ok(audit.some((a) => a.subject === 'due'), 'the attempt is audited');
  });
});
