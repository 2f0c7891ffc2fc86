import assert from 'node:assert/strict';
import {
  isResolutionId,
  LEGACY_RESOLUTION_ID_PATTERN,
  RESOLUTION_ID_PATTERN,
  resolutionIdFor,
} from '../../src/domain/resolution-id.js';

describe('resolution ids', () => {
  it('are <ref>-RES<n>, a shape no review id of the <ref>-R<n> kind has', () => {
    assert.equal(resolutionIdFor('C1001', 2), 'C1001-RES2');
    assert.ok(RESOLUTION_ID_PATTERN.test('C1001-RES2'));
    for (const reviewId of ['C1001-R2', 'C1001-2', 'C1001-B2', 'HX-01-R12'])
      assert.ok(!RESOLUTION_ID_PATTERN.test(reviewId), reviewId);
  });

  it('an old <ref>-R<n> id is still a resolution id; other shapes are not', () => {
    assert.ok(LEGACY_RESOLUTION_ID_PATTERN.test('C1001-R1') && isResolutionId('C1001-R1'));
    assert.ok(!LEGACY_RESOLUTION_ID_PATTERN.test('C1001-RES1'));
    for (const bad of [
      'C1001-RES',
      'C1001-RES12345',
      '-RES1',
      'C1001-RES1 ',
      'C1001-RES1\n',
      'C1001',
      42,
      null,
      { $ne: null },
    ]) {
      assert.equal(isResolutionId(bad), false, JSON.stringify(bad));
    }
  });
});
