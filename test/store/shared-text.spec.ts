// Repeated texts in parsed documents are held once (src/store/embedded/shared-text.ts); the tables stay bounded.
import assert from 'node:assert/strict';
import { parseEjson } from '../../src/store/embedded/ejson-codec.js';
import { heldTexts, sharedText } from '../../src/store/embedded/shared-text.js';

describe('embedded store: repeated texts shared (shared-text.ts)', () => {
  it('gives back the same text, and parsed documents are unchanged', () => {
    const doc = {
      _id: 'C1',
      events: [{ type: 'became-looked-after', on: '2026-01-02' }],
      nextReview: { fingerprint: 'wales:43caaf3e282dd25f', why: '6 months after the review held on 6 Sep 2026' },
      note: 'x'.repeat(200),
    };
    for (let i = 0; i < 3; i++) assert.deepEqual(parseEjson(JSON.stringify(doc)), doc);
    assert.equal(sharedText('became-looked-after'), 'became-looked-after');
  });

  it('never holds more than two generations of texts, however many distinct ones pass', () => {
    for (let i = 0; i < 100_000; i++) sharedText(`one-off text number ${i}`);
    assert.ok(heldTexts() <= 2 * 8192, `${heldTexts()} texts held`);
    assert.ok(heldTexts() >= 8192, 'the last generation is kept');
  });
});
