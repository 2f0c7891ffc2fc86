import assert from 'node:assert/strict';
import { demoStaff } from '../../src/cli/demo-data.js';
import { DEMO_PERSONAS, personaPlaygroundConfig } from '../../src/cli/demo-personas.js';
import { playgroundConfigYaml } from '../../src/cli/playground.js';
import { isGuest, isGuestStaff } from '../../src/domain/guests.js';

// The demo's seats (issue 11 points 3 and 4): one Playground per person, a valid config for each, and
// channels whose members let the bot post there: no guest in a staff channel, and in a liaison
// channel only that Guardian.

describe('demo personas (npm start)', () => {
  const staff = new Map(demoStaff().map((s) => [s.id, s]));

  it('covers every seat the tour needs, each a person in the demo directory, once', () => {
    const roles = DEMO_PERSONAS.map((p) => staff.get(p.staffId)?.roles[0]);
    assert.deepEqual(roles, ['iro', 'iro', 'team-manager', 'social-worker', 'business-support', 'admin', 'guardian']);
    assert.equal(new Set(DEMO_PERSONAS.map((p) => p.staffId)).size, DEMO_PERSONAS.length);
    assert.equal(
      staff.get('tm-1')!.team,
      'reviewing',
      'the manager seat is a reviewing team manager (approves reschedules)',
    );
  });

  it('gives each persona a Playground config signed in as them, with five others and their own ids', () => {
    const ids = new Set<string>();
    for (const p of DEMO_PERSONAS) {
      const cfg = personaPlaygroundConfig(p);
      assert.equal(cfg.currentUser.id, `29:demo-${p.staffId}`);
      assert.equal(cfg.users.length, 5);
      assert.ok(!cfg.users.some((u) => u.id === cfg.currentUser.id), `${p.key}: not among the others`);
      assert.doesNotThrow(() => playgroundConfigYaml(cfg));
      // Each Playground has its own connector: a conversation id shared by two would post to one of them.
      for (const id of [cfg.personalChat.id, cfg.groupChat.id, cfg.team.id, cfg.team.channels[0]!.id]) {
        assert.ok(!ids.has(id), `${id} is used by two personas`);
        ids.add(id);
      }
    }
  });

  it('puts no guest in a staff channel, and only that Guardian in her liaison channel; the admin is in every set-up team', () => {
    for (const p of DEMO_PERSONAS.filter((x) => x.setup)) {
      const cfg = personaPlaygroundConfig(p);
      const members = [cfg.currentUser, ...cfg.users];
      const guests = members.filter((m) => isGuest({ userPrincipalName: m.userPrincipleName }, cfg.tenantId));
      assert.ok(
        members.some((m) => m.id === '29:demo-admin-1'),
        `${p.key}: the admin runs /setup there`,
      );
      if (p.setup === 'liaison-channel') {
        assert.deepEqual(
          guests.map((g) => g.id),
          [`29:demo-${p.staffId}`],
        );
        assert.ok(isGuestStaff(staff.get(p.staffId)!));
      } else {
        assert.deepEqual(guests, [], `${p.key}: ${guests.map((g) => g.name).join(', ')}`);
      }
    }
    assert.deepEqual(DEMO_PERSONAS.flatMap((p) => (p.setup ? [p.setup] : [])).sort(), [
      'iro-channel',
      'liaison-channel',
      'managers-channel',
      'social-work-channel north',
    ]);
  });
});
