import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cardsDir, CARD_KINDS } from '../../src/teams/cards.js';
import { findAction } from '../../src/teams/card-verbs/registry.js';
import { buttonsFor } from '../../src/teams/cards/actions.js';
import type { ActionKind } from '../../src/domain/actions.js';

// A button that leads nowhere is a dead end too: every verb a card can carry has a handler.
describe('card verbs: every button has a handler', () => {
  it('every verb written in cards/*.json', () => {
    for (const kind of CARD_KINDS) {
      const raw = fs.readFileSync(path.join(cardsDir(), `${kind}.json`), 'utf8');
      for (const [, verb] of raw.matchAll(/"verb": "([^"$]+)"/g)) assert.ok(findAction(verb!), `${kind}: ${verb}`);
    }
  });

  it('every /actions button, for every kind of item', () => {
    const kinds: ActionKind[] = [
      'overdue-review',
      'book-review',
      'distribute-record',
      'decide-reschedule',
      'resolution-acknowledge',
      'resolution-respond',
      'resolution-review',
      'resolution-overdue',
      'resolution-follow-up',
      'liaison',
    ];
    for (const kind of kinds) {
      for (const bookingId of [undefined, 'C1-B1']) {
        const buttons = buttonsFor({
          kind,
          childRef: 'C1',
          deadline: '2026-11-25',
          overdue: false,
          subject: 'x',
          duty: 'L3',
          bookingId,
        });
        assert.ok(buttons.length > 0, kind);
        for (const b of buttons) assert.ok(findAction(b.verb), `${kind}: ${b.verb}`);
      }
    }
  });
});
