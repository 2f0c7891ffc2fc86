import assert from 'node:assert/strict';
import { personaByKey } from '../../src/cli/demo-personas.js';
import { startPersonaPlaygrounds } from '../../src/cli/start-local.js';
import { startIroBot } from '../../src/index.js';
import { useE2ESession } from './helpers/e2e-session.js';
import { openSeat } from './helpers/playground-page.js';

// `npm start` a second time on the same data folder: the channel keeps its one purpose (no second
// /setup), and its saved address moves to this start's Playground, so cards reach the open page.

const NOW = '2026-11-23T09:00:00Z';

describe('e2e: npm start again on the same data', function () {
  this.timeout(120_000);
  const session = useE2ESession({ name: 'restart', now: NOW, personas: ['manager'] });

  it('keeps the channel purpose and refreshes its address', async function () {
    const { page, stack: s } = session();
    const channelId = personaByKey('manager').team.channel.id;
    const first = await openSeat(page, s.seat('manager')).then(() => s.seat('manager').connected);
    assert.match(first.setUp ?? '', /\/setup managers-channel/);

    // Stop everything, start again on the same DATA_DIR with new Playground ports.
    const config = s.bot!.config;
    await Promise.all(s.seats.map((x) => x.playground.stop()));
    await s.bot!.stop();
    s.seats = [];
    s.bot = await startIroBot(config, s.bot!.logger);
    s.seats = await startPersonaPlaygrounds(s.bot, 0, [personaByKey('manager')]);
    const again = await openSeat(page, s.seat('manager')).then(() => s.seat('manager').connected);
    assert.deepEqual(again, {}, 'no second /setup');

    const conv = (await s.bot.deps.conversations.get(channelId))!;
    assert.equal(conv.purposes.length, 1);
    assert.equal(conv.address.serviceUrl, `${s.seat('manager').url}/_connector`);
    const chat = (await s.bot.deps.conversations.get('personal-chat-tm-1'))!;
    assert.equal(chat.address.serviceUrl, `${s.seat('manager').url}/_connector`, 'her 1:1 chat too');
  });
});
