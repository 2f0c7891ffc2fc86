import assert from 'node:assert/strict';
import { messageActivity, type Sender } from './activities.js';
import { cardOf, type Harness } from './bot-harness.js';

// The two turns the bot-over-HTTP specs of cards take: a command answered with a card, and a card
// action (Action.Execute, as Teams sends it) answered with a card or a message — both as text.

export async function askCard(h: Harness, from: Sender, text: string): Promise<{ card: any; text: string }> {
  return cardOf(await h.ask(messageActivity(h.connector.url, from, text)));
}

/** The card's text (or the message) the verb answers with; the HTTP status must be 200. */
export async function invokeText(
  h: Harness,
  from: Sender,
  verb: string,
  data: Record<string, unknown>,
): Promise<string> {
  const res = await h.post({
    ...messageActivity(h.connector.url, from, ''),
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
  assert.equal(res.status, 200, res.body);
  const body = JSON.parse(res.body);
  const card = body.type === 'application/vnd.microsoft.card.adaptive' ? body.value : null;
  return card ? cardOf({ body: { attachments: [{ content: card }] } } as never).text : String(body.value);
}
