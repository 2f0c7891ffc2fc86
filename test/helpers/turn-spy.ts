import sinon from 'sinon';
import { TurnContext } from 'botbuilder';
import { EdgeAdapter } from '../../src/teams/bot.js';

// Deterministic "nothing was sent" for bot-over-HTTP tests, instead of waiting and seeing.
// The edge (src/teams/inbound.ts) awaits every turn before it answers HTTP, so once a request is
// answered, anything its turn sends is already at the connector; and a request whose turn never
// started can send nothing at all, now or later. These spies count turns started and card
// updates attempted, however they are scheduled.

export interface TurnSpy {
  /** Turns the edge handed to the SDK since the spy was installed. */
  turns(): number;
  /** updateActivity calls (card updates for everyone) since the spy was installed. */
  updates(): number;
  restore(): void;
}

export function spyOnTurns(): TurnSpy {
  const run = sinon.spy(EdgeAdapter.prototype, 'runAuthenticated');
  const update = sinon.spy(TurnContext.prototype, 'updateActivity');
  return {
    turns: () => run.callCount,
    updates: () => update.callCount,
    restore: () => {
      run.restore();
      update.restore();
    },
  };
}
