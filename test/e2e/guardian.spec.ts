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
    // Exactly her open items (demo data at NOW: src/cli/demo-data.ts), oldest deadline first, each under
    // its child's reference and initials.
    const items = [...text.matchAll(/Guardian liaison · (C\d+) · ([A-Z.]+)\s+by (\w+ \d+ \w+ \d{4})\s+(L\d+) · /g)].map(
      (m) => `${m[1]} ${m[2]} ${m[3]} ${m[4]}`,
    );
    assert.deepEqual(
      items,
      [
        'C1003 O.M. Tue 18 Aug 2026 L3',
        'C1003 O.M. Tue 22 Sep 2026 L7',
        'C1036 G.B. Tue 22 Sep 2026 L3',
        'C1021 O.R. Thu 22 Oct 2026 L3',
        'C1036 G.B. Tue 27 Oct 2026 L7',
        'C1028 I.G. Tue 17 Nov 2026 L9',
        'C1021 O.R. Thu 26 Nov 2026 L7',
        'C1010 A.H. Fri 27 Nov 2026 L3',
      ],
      text,
    );
    assert.match(text, /^Your liaison items\s+8 items/);
    // No other child: every case reference on the card is one of hers (not C1039, whose proceedings ended
    // and closed her access, nor any child never in proceedings with her, such as C1001 Dylan Evans).
    assert.deepEqual([...new Set(text.match(/C\d{4}/g))].sort(), ['C1003', 'C1010', 'C1021', 'C1028', 'C1036']);
    assert.doesNotMatch(text, /Dylan|Evans/, 'initials only');

    await sendMessage(p, '/due this week');
    const refused = await waitForCard(p, ['not available to you']);
    const refusal = await refused.innerText();
    assert.match(refusal, /as a guest you can use \/actions and \/help/i);
    assert.doesNotMatch(refusal, /Reviews due/);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await p.screenshot({ path: path.join(ARTIFACTS, 'e2e-guardian.png') });
    const audit = await s.bot!.deps.audit.list({ action: 'command.refused', 'actor.id': 'g-1' });
    assert.ok(
      audit.some((a) => a.subject === 'due'),
      'the attempt is audited',
    );
  });
});
