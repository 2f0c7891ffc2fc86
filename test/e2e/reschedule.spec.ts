import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { playgroundDir } from '../../src/cli/start-local.js';
import { demoPlaygroundConfig, startPlayground, writePlaygroundConfig } from '../../src/cli/playground.js';
import { demoStaff } from '../../src/cli/demo-data.js';
import { upcomingBooking } from '../../src/domain/review-status.js';
import { ARTIFACTS, useE2ESession } from './helpers/e2e-session.js';
import { openConversation, sendMessage, waitConnected, waitForCard } from './helpers/playground-page.js';

// End to end in the Agents Playground: Alex Wilber (IRO) asks to move a booked review from the card;
// the playground is restarted with Catrin Morgan (reviewing team manager) as the current user (its
// config allows one current user per start); the approval card reaches her 1:1 chat, she approves
// from the card, and the card changes to "Approved by Catrin Morgan".

const NOW = '2026-11-23T09:00:00Z';

describe('e2e: reschedule and approve from the card (Agents Playground)', function () {
  this.timeout(90_000);
  const session = useE2ESession({ name: 'reschedule', now: NOW, viewportHeight: 1100 });

  it('reschedules as the IRO, then approves as a manager; the card changes', async function () {
    const { page: p, stack: s } = session();
        // A booked review of Alex's (the demo data books several).
    const booked = (await s.bot!.deps.children.listByIro('iro-1')).find((c) => upcomingBooking(c) !== null);
    assert.ok(booked, 'the demo data has a booked review for iro-1');
    const ref = booked.ref;

    await p.goto(s.playground!.url, { waitUntil: 'domcontentloaded', timeout: 20_000 });
    await waitConnected(p);
    await openConversation(p, 'Personal Chat');
    await sendMessage(p, `/reschedule ${ref}`);
    const form = await waitForCard(p, ['Reschedule review', ref]);
    // Compact choice sets are Fluent comboboxes in the playground; the option list opens in a portal.
    await form.locator('input[role="combobox"][placeholder="Reason category"]').click();
    await p.locator('[role="option"]', { hasText: 'Social worker unavailable' }).first().click();
    const slot = form.locator('input[type="radio"]').first();
    if (await slot.count()) await slot.check();
    else {
      await form.locator('input[type="date"]').fill('2026-11-30');
      await form.locator('input[type="time"]').fill('14:00');
    }
    await form.locator('button[aria-label="Ask a manager to approve"]').click();
    await waitForCard(p, ['Sent for approval', ref]);
    const requestId = (await s.bot!.deps.children.get(ref))!.rescheduleRequests!.find((r) => r.status === 'pending')!.id;

    // Switch the playground's user: Catrin Morgan (tm-1) with her own 1:1 chat.
    await s.playground!.stop();
    const cfg = demoPlaygroundConfig();
    const alex = cfg.currentUser;
    const catrin = cfg.users.find((u) => u.name === demoStaff().find((x) => x.id === 'tm-1')!.name)!;
    cfg.currentUser = catrin;
    cfg.users = cfg.users.map((u) => (u === catrin ? alex : u));
    cfg.personalChat = { id: 'personal-chat-tm-1' };
    const files = await writePlaygroundConfig(path.join(playgroundDir(s.bot!.config), 'manager'), cfg);
    s.playground = await startPlayground({ botEndpoint: `${s.bot!.server.url}/api/messages`, port: 0, files });

    await p.goto(s.playground.url, { waitUntil: 'domcontentloaded', timeout: 20_000 });
    await waitConnected(p);
    await openConversation(p, 'Personal Chat');
    await sendMessage(p, '/help'); // the bot now knows Catrin's 1:1 chat ...
    await waitForCard(p, ['IRO Bot commands']);
    await s.bot!.jobs!.drainer.drainOnce(); // ... and delivers the approval card waiting for it
    const approval = await waitForCard(p, ['Reschedule request', requestId, 'Within timescale']);
    await approval.locator('button[aria-label="Approve"]').click();
    const decided = await waitForCard(p, ['Approved by Catrin Morgan', requestId]);
    assert.equal(await decided.locator('button[aria-label="Approve"]').count(), 0, 'no buttons after the decision');
    const c = (await s.bot!.deps.children.get(ref))!;
    assert.equal(c.rescheduleRequests!.find((r) => r.id === requestId)!.status, 'approved');

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await decided.scrollIntoViewIfNeeded();
    await decided.screenshot({ path: path.join(ARTIFACTS, 'e2e-reschedule-approved-card.png') });
  });
});
