import assert from 'node:assert/strict';
import { fitMessage, MESSAGE_LIMIT_BYTES, tooLargeNotice, utf16Bytes } from '../../src/teams/message-size.js';

const TOO_LARGE_TITLE = tooLargeNotice('en').title;
const WELSH_TITLE = tooLargeNotice('cy').title;

// The guard itself (message-size-http.spec.ts checks it over HTTP): sizes as Teams counts them, and
// what replaces a message or an invoke answer that would be too big.
describe('message size guard', () => {
  const log = () => {
    const lines: Record<string, unknown>[] = [];
    return {
      lines,
      warn: (o: Record<string, unknown>) => {
        lines.push(o);
      },
    };
  };

  it('counts UTF-16 code units of the JSON, two bytes each (an emoji is two units, "é" one)', () => {
    assert.equal(utf16Bytes('é'), 6);
    assert.equal(utf16Bytes('😀'), 8);
    assert.equal(utf16Bytes({ a: 1 }), 14);
  });

  it('leaves a message at the limit alone; one unit over is replaced', () => {
    const at = (n: number) => ({ type: 'message', text: 'x'.repeat(n) });
    const overhead = utf16Bytes(at(0));
    const l = log();
    const fits = at((MESSAGE_LIMIT_BYTES - overhead) / 2);
    assert.equal(utf16Bytes(fits), MESSAGE_LIMIT_BYTES);
    assert.equal(fitMessage(fits, l), fits);
    const over = fitMessage(at((MESSAGE_LIMIT_BYTES - overhead) / 2 + 1), l);
    assert.equal(over.text, undefined);
    assert.match(JSON.stringify(over.attachments), new RegExp(TOO_LARGE_TITLE));
    assert.equal(l.lines.length, 1);
  });

  it('an invoke answer with a card too big becomes a short text answer with the same status', () => {
    const l = log();
    const big = {
      type: 'invokeResponse',
      value: {
        status: 200,
        body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { text: 'x'.repeat(50_000) } },
      },
    };
    const fitted = fitMessage(big as never, l) as { value: { status: number; body: { type: string; value: string } } };
    assert.equal(fitted.value.status, 200);
    assert.equal(fitted.value.body.type, 'application/vnd.microsoft.activity.message');
    assert.match(fitted.value.body.value, new RegExp(TOO_LARGE_TITLE));
    assert.ok(utf16Bytes(fitted) < 2000);
    assert.equal(l.lines[0]!.outcome, 'message-too-large');
  });

  it("the notice is in the reader's language when known, else in Welsh and English (issue 13)", () => {
    const big = { type: 'message', text: 'x'.repeat(50_000) };
    const text = (language?: 'en' | 'cy' | 'both') => JSON.stringify(fitMessage(big, log(), { language }).attachments);
    assert.notEqual(WELSH_TITLE, TOO_LARGE_TITLE);
    assert.match(text('cy'), new RegExp(WELSH_TITLE));
    assert.doesNotMatch(text('cy'), new RegExp(TOO_LARGE_TITLE));
    assert.match(text('en'), new RegExp(TOO_LARGE_TITLE));
    assert.doesNotMatch(text('en'), new RegExp(WELSH_TITLE));
    for (const both of [text(undefined), text('both')]) {
      assert.match(both, new RegExp(WELSH_TITLE));
      assert.match(both, new RegExp(TOO_LARGE_TITLE));
    }
  });
});
