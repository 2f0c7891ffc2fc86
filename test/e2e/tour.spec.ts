import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { personaByKey } from '../../src/cli/demo-personas.js';
import { ARTIFACTS, useE2ESession } from './helpers/e2e-session.js';
import {
  chooseOption,
  openChannel,
  pickDate,
  openConversation,
  openSeat,
  sendMessage,
  waitForCard,
} from './helpers/playground-page.js';

// The README's five-minute tour, click by click, in one browser with a tab per person, each tab a
// persona's own Agents Playground as `npm start` runs them: book → reschedule → approve as the
// manager (managers channel) → acknowledge a resolution as the social worker (social work team
// channel) → answer a liaison prompt as the Guardian (her liaison channel) → /report. Along the way it
// saves the README's screenshots of the main cards to docs/screenshots/.

const NOW = '2026-11-23T09:00:00Z'; // a Monday; the demo data is relative to it
const SHOTS = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');

async function shot(card: Locator, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

describe('e2e: the five-minute tour from every seat', function () {
  this.timeout(240_000);
  const session = useE2ESession({
    name: 'tour',
    now: NOW,
    personas: ['iro', 'manager', 'social-worker', 'guardian'],
    viewportHeight: 1100,
  });
  const tabs: Record<string, Page> = {};

  it('book → reschedule → approve → acknowledge → liaison → report', async function () {
    const { page: iro, stack: s, browser } = session();
    tabs.iro = iro;
    for (const key of ['manager', 'social-worker', 'guardian'] as const)
      tabs[key] = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
    const manager = tabs.manager!,
      sw = tabs['social-worker']!,
      guardian = tabs.guardian!;

    // Every tab open first: a Playground shows only what arrives while its page is open.
    await openSeat(iro, s.seat('iro'));
    await openSeat(manager, s.seat('manager'));
    await openSeat(sw, s.seat('social-worker'));
    const mgrTeam = personaByKey('manager').team;
    await openChannel(manager, mgrTeam.name, mgrTeam.channel.name);
    const swTeam = personaByKey('social-worker').team;
    await openChannel(sw, swTeam.name, swTeam.channel.name);

    // 1. The IRO: /due this week, /case, then book C1002 (Seren Jones, due Tue 24 Nov, not booked).
    await openConversation(iro, 'Personal Chat');
    await sendMessage(iro, '/due this week');
    await shot(await waitForCard(iro, ['Reviews due this week', 'C1002']), 'due');
    await sendMessage(iro, '/case C1001');
    await shot(await waitForCard(iro, ['C1001', 'Next review', 'Bookings']), 'case');
    await sendMessage(iro, '/book C1002');
    const form = await waitForCard(iro, ['C1002', 'Venue']);
    await pickDate(iro, form, '2026-11-24');
    await chooseOption(iro, form, 'Select a time...', '2:00 PM');
    await form.locator('button[aria-label="Book"]').click();
    await waitForCard(iro, ['C1002', 'Tue 24 Nov 2026 14:00']);
    // The booking card reaches the child's social work team channel (C1002's worker is in team north).
    await waitForCard(sw, ['C1002', 'Tue 24 Nov 2026']);

    // 2. The IRO asks to move it.
    await sendMessage(iro, '/reschedule C1002');
    const resched = await waitForCard(iro, ['Reschedule review', 'C1002']);
    await chooseOption(iro, resched, 'Reason category', 'Social worker unavailable');
    const slot = resched.locator('input[type="radio"]').first();
    if (await slot.count()) await slot.check();
    else {
      await resched.locator('input[type="date"]').last().fill('2026-11-25');
      await resched.locator('input[type="time"]').last().fill('14:00');
    }
    await resched.locator('button[aria-label="Ask a manager to approve"]').click();
    await waitForCard(iro, ['Sent for approval', 'C1002']);

    // 3. The reviewing team manager approves in the managers channel; the card changes in place.
    const approval = await waitForCard(manager, ['Reschedule request', 'C1002']);
    await shot(approval, 'approval');
    await approval.locator('button[aria-label="Approve"]').first().click();
    await waitForCard(manager, ['Approved by Catrin Morgan', 'C1002']);
    const child = (await s.bot!.deps.children.get('C1002'))!;
    assert.equal(child.rescheduleRequests!.at(-1)!.status, 'approved');

    // 4. The IRO raises a formal resolution about C1001 (social worker Dafydd Thomas); he acknowledges
    //    it from the card in his team's channel.
    await sendMessage(iro, '/raise C1001');
    const raise = await waitForCard(iro, ['C1001', 'Summary of the issue']);
    await chooseOption(iro, raise, null, 'Care planning');
    await raise.getByText('Formal, stage 1', { exact: false }).click();
    await raise.locator('textarea').nth(0).fill('The care plan has not been updated since the placement move.');
    await raise.locator('textarea').nth(1).fill('An updated care plan before the review');
    await raise.locator('button[aria-label="Raise"]').click();
    const resolution = await waitForCard(sw, ['C1001', 'Acknowledge']);
    await resolution.locator('button[aria-label="Acknowledge"]').first().click();
    await shot(await waitForCard(sw, ['C1001', 'Acknowledged by Dafydd Thomas']), 'resolution');

    // 5. The Guardian opens her Playground: her liaison channel is set up, the thread and its prompts
    //    arrive, and she marks contact made from the prompt.
    const gTeam = personaByKey('guardian').team;
    await openSeat(guardian, s.seat('guardian'));
    await openChannel(guardian, gTeam.name, gTeam.channel.name);
    const prompt = await waitForCard(guardian, ['L3 · Make contact', 'Contact made'], 30_000);
    await shot(prompt, 'liaison');
    const ref = /C\d{4}/.exec(await prompt.innerText())![0];
    await prompt.locator('button[aria-label="Contact made"]').first().click();
    await waitForCard(guardian, ['L3 · Make contact', 'Status', 'Done']); // the card changed in place
    const done = async () => ((await s.bot!.deps.children.get(ref))!.liaison?.done ?? []).find((d) => d.duty === 'L3');
    for (let i = 0; i < 50 && !(await done()); i++) await guardian.waitForTimeout(200);
    assert.equal((await done())?.byId, 'g-1', 'the Guardian marked L3 done');

    // 6. The manager's compliance report.
    await openConversation(manager, 'Personal Chat');
    await sendMessage(manager, '/report');
    await shot(await waitForCard(manager, ['Compliance', 'Target'], 30_000), 'report');

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const [k, p] of Object.entries(tabs)) await p.screenshot({ path: path.join(ARTIFACTS, `e2e-tour-${k}.png`) });
  });
});
