import assert from 'node:assert/strict';
import { loadConfig } from '../src/config.js';
import { isAppError } from '../src/domain/errors.js';

describe('config (docs/DESIGN.md "Configuration")', () => {
  it('an empty environment gives every default, in local mode', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3978);
    assert.equal(c.dataDir, 'data');
    assert.equal(c.mongodbUri, undefined);
    assert.equal(c.timescalePolicy, 'wales');
    assert.equal(c.holidayRegion, 'GB-WLS');
    assert.equal(c.microsoftAppType, 'SingleTenant');
    assert.deepEqual(c.slotTimes, ['10:00', '14:00']);
    assert.equal(c.maxReviewsPerDay, 3);
    assert.equal(c.dueSoonWorkingDays, 20);
    assert.equal(c.reminderWorkingDays, 10);
    assert.equal(c.digestWeeks, 4);
    assert.equal(c.complianceTarget, 98.5);
    assert.equal(c.showChildNamesInChannels, false);
    assert.equal(c.fixedNow, undefined);
    assert.equal(c.localMode, true);
  });

  it('liaison timings default to LIAISON_DEFAULTS and can be set per council (issue 15)', () => {
    assert.deepEqual(loadConfig({}).liaison, {
      l2WorkingDays: 2,
      l3WorkingDays: 5,
      discussionIntervalDays: 42,
      l8WorkingDaysBefore: 5,
      l9WorkingDays: 10,
    });
    const c = loadConfig({
      LIAISON_L2_WORKING_DAYS: '1',
      LIAISON_L3_WORKING_DAYS: '10',
      LIAISON_L7_INTERVAL_DAYS: '28',
      LIAISON_L8_WORKING_DAYS_BEFORE: '3',
      LIAISON_L9_WORKING_DAYS: '15',
    });
    assert.deepEqual(c.liaison, {
      l2WorkingDays: 1,
      l3WorkingDays: 10,
      discussionIntervalDays: 28,
      l8WorkingDaysBefore: 3,
      l9WorkingDays: 15,
    });
  });

  it('blank values mean the default', () => {
    assert.equal(loadConfig({ PORT: '', TIMESCALE_POLICY: ' ' }).port, 3978);
  });

  it('reads lists, booleans, numbers and the fixed clock', () => {
    const c = loadConfig({
      PORT: '4000',
      CLOSURE_DAYS: '2026-12-29, 2026-12-30',
      SHOW_CHILD_NAMES_IN_CHANNELS: 'true',
      TIMESCALE_POLICY: 'seed-2016',
      IRO_NOW: '2016-09-30T09:00:00+01:00',
      ALLOWED_TENANT_IDS: 'a,b',
      MicrosoftAppId: 'app',
    });
    assert.equal(c.port, 4000);
    assert.deepEqual(c.closureDays, ['2026-12-29', '2026-12-30']);
    assert.equal(c.showChildNamesInChannels, true);
    assert.equal(c.timescalePolicy, 'seed-2016');
    assert.equal(c.fixedNow?.toISOString(), '2016-09-30T08:00:00.000Z');
    assert.deepEqual(c.allowedTenantIds, ['a', 'b']);
    assert.equal(c.localMode, false);
  });

  const bad: [Record<string, string>, RegExp][] = [
    [{ PORT: 'abc' }, /PORT/],
    [{ TIMESCALE_POLICY: 'scotland' }, /TIMESCALE_POLICY/],
    [{ CLOSURE_DAYS: '29/12/2026' }, /CLOSURE_DAYS.*YYYY-MM-DD/],
    [{ SLOT_TIMES: '25:00' }, /SLOT_TIMES.*HH:MM/],
    [{ IRO_NOW: 'yesterday' }, /IRO_NOW/],
    [{ COMPLIANCE_TARGET: '101' }, /COMPLIANCE_TARGET/],
    [{ MicrosoftAppId: 'app' }, /ALLOWED_TENANT_IDS or MicrosoftAppTenantId/],
    [{ LIAISON_L2_WORKING_DAYS: 'two' }, /LIAISON_L2_WORKING_DAYS/],
    [{ LIAISON_L3_WORKING_DAYS: '2.5' }, /LIAISON_L3_WORKING_DAYS/],
    [{ LIAISON_L7_INTERVAL_DAYS: '400' }, /LIAISON_L7_INTERVAL_DAYS/],
    [{ LIAISON_L8_WORKING_DAYS_BEFORE: '0' }, /LIAISON_L8_WORKING_DAYS_BEFORE/],
    [{ LIAISON_L9_WORKING_DAYS: '-1' }, /LIAISON_L9_WORKING_DAYS/],
  ];
  for (const [env, message] of bad) {
    it(`refuses ${JSON.stringify(env)} with a message naming it`, () => {
      assert.throws(
        () => loadConfig(env),
        (err) => isAppError(err, 'config') && message.test(err.message),
      );
    });
  }
});
