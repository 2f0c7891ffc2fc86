import { strict as assert } from 'node:assert';
import { CODE_LABELS, label } from '../../src/teams/presenters/labels.js';
import {
  BRING_FORWARD_REASONS,
  EVENT_TYPES,
  LATE_REASONS,
  LEGAL_STATUSES,
  ROLES,
  TRACKS,
} from '../../src/domain/types.js';
import { RESOLUTION_THEMES } from '../../src/domain/resolutions/index.js';
import { CHECKLIST_ITEMS, DISCUSSION_TOPICS } from '../../src/domain/liaison.js';

// One table from codes to words (docs/DOMAIN.md vocabularies): every value has its own entry.
export const VOCABULARIES: Record<string, readonly string[]> = {
  track: TRACKS,
  legalStatus: LEGAL_STATUSES,
  event: EVENT_TYPES,
  bringForward: BRING_FORWARD_REASONS,
  lateReason: [...LATE_REASONS, 'not-recorded'],
  role: ROLES,
  theme: RESOLUTION_THEMES,
  channelPurpose: ['iro-channel', 'social-work-channel', 'managers-channel', 'liaison-channel'],
  outcome: ['remains-looked-after', 'leaves-care'],
  bookingStatus: ['booked', 'cancelled', 'adjourned', 'held'],
  requestStatus: ['pending', 'approved', 'declined', 'withdrawn'],
  team: ['reviewing'],
  topic: DISCUSSION_TOPICS.map((t) => t.id),
  l9Document: CHECKLIST_ITEMS.map((c) => c.id),
};

describe('labels: one table for every code', () => {
  for (const [vocabulary, codes] of Object.entries(VOCABULARIES)) {
    it(`every ${vocabulary} has its own label, not the code`, () => {
      for (const code of codes) {
        assert.ok(Object.hasOwn(CODE_LABELS, code), `${vocabulary} ${code} has no entry`);
        assert.notEqual(label(code), code, code);
        assert.match(label(code), /^[A-Z]|^personal/, `${code} → ${label(code)}`);
      }
    });
  }

  it('the examples from issue 11 read as words', () => {
    assert.equal(label('care-order'), 'Care order');
    assert.equal(label('accommodated-s76'), 'Accommodated (s76)');
    assert.equal(label('iro-channel'), 'IRO channel');
    assert.equal(label('cla'), 'Looked after (CLA)');
    assert.equal(label('ifst'), 'Integrated Family Support (IFST)');
    assert.equal(label('north'), 'North', 'a social work team id is a name');
    assert.equal(label(null), '—');
    assert.equal(label(''), '—');
  });

  it(`labels ${new Set(Object.values(VOCABULARIES).flat()).size} codes`, () => {
    assert.ok(Object.keys(CODE_LABELS).length >= new Set(Object.values(VOCABULARIES).flat()).size);
  });
});
