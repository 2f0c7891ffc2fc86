import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkActivity, MAX_DEPTH, MAX_ID_CHARS } from '../../src/teams/activity-guard.js';

// Property tests for the edge schema (issue 10 point 4): random JSON never crashes it; anything it
// accepts has bounded string ids (nothing else can reach a store filter) and bounded nesting.
const RUNS = 3000;

const valid = () => ({
  type: 'message',
  id: 'f:1',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: 'msteams',
  from: { id: '29:alex', name: 'Alex', aadObjectId: '00000000-0000-0000-0000-0000000000a1' },
  recipient: { id: '28:bot', name: 'IRO Bot' },
  conversation: { id: 'a:personal', conversationType: 'personal', tenantId: '00000000-0000-0000-0000-000000000001' },
  channelData: { tenant: { id: '00000000-0000-0000-0000-000000000001' } },
  text: '/due',
  entities: [],
  replyToId: 'r:1',
});

const ID_PATHS = [
  ['id'],
  ['replyToId'],
  ['from', 'id'],
  ['from', 'aadObjectId'],
  ['recipient', 'id'],
  ['conversation', 'id'],
  ['conversation', 'tenantId'],
  ['channelData', 'tenant', 'id'],
  ['text'],
  ['type'],
  ['serviceUrl'],
  ['value'],
  ['entities'],
  ['from'],
  ['conversation'],
];

const get = (o: unknown, p: string[]) =>
  p.reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), o);
function set(o: Record<string, unknown>, p: string[], v: unknown) {
  let n = o;
  for (const k of p.slice(0, -1)) {
    if (!n[k] || typeof n[k] !== 'object') n[k] = {};
    n = n[k] as Record<string, unknown>;
  }
  n[p[p.length - 1]] = v;
}
function depth(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0;
  return 1 + Math.max(0, ...(Array.isArray(v) ? v : Object.values(v)).map(depth));
}
/** Every id the bot could use in a store filter is a bounded string, when present. */
function assertBoundedIds(a: unknown) {
  for (const p of [['id'], ['replyToId'], ['from', 'id'], ['recipient', 'id'], ['conversation', 'id']]) {
    const v = get(a, p);
    if (v !== undefined && v !== null)
      assert.ok(typeof v === 'string' && v.length <= MAX_ID_CHARS, `${p.join('.')}: ${JSON.stringify(v)}`);
  }
  for (const p of [
    ['from', 'aadObjectId'],
    ['conversation', 'tenantId'],
    ['channelData', 'tenant', 'id'],
  ]) {
    const v = get(a, p);
    if (v !== undefined && v !== null)
      assert.ok(typeof v === 'string' && /^[0-9A-Za-z-]{1,64}$/.test(v), `${p.join('.')}: ${JSON.stringify(v)}`);
  }
  assert.ok(depth(a) <= MAX_DEPTH);
}
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(
    { $regex: 'a1$' },
    { $ne: null },
    { $gt: '' },
    ['x'],
    '',
    'x'.repeat(600),
    'a\nb',
    '.*',
    42,
    true,
    null,
  ),
  fc.string({ maxLength: 80 }),
);

describe('activity schema: properties (fast-check)', () => {
  const tally = { tried: 0, refused: 0 };
  after(() =>
    console.log(
      `      activity schema: ${tally.tried} activities tried, ${tally.refused} refused, 0 crashes, every accepted one with bounded string ids`,
    ),
  );

  it(`random JSON never crashes it; a refusal is a short reason, an acceptance has bounded ids (${RUNS} inputs)`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything({ maxDepth: 6 }), fc.jsonValue({ maxDepth: 8 })), (body) => {
        tally.tried++;
        const r = checkActivity(body);
        if (r.ok) assertBoundedIds(r.activity);
        else {
          tally.refused++;
          assert.ok(r.problem.length < 120 && /^(activity\.|the )/.test(r.problem), r.problem);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`a valid activity with any field replaced by hostile JSON is refused or still has bounded ids (${RUNS} inputs)`, () => {
    let refused = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...ID_PATHS), hostileValue), { minLength: 1, maxLength: 3 }),
        (edits) => {
          tally.tried++;
          const a = valid() as Record<string, unknown>;
          for (const [p, v] of edits) set(a, p, v);
          const r = checkActivity(a);
          if (r.ok) assertBoundedIds(r.activity);
          else {
            refused++;
            tally.refused++;
            // The reason names the field and the rule, never the value that was sent.
            for (const [, v] of edits)
              if (typeof v === 'string' && v.length > 8) assert.ok(!r.problem.includes(v), r.problem);
          }
        },
      ),
      { numRuns: RUNS },
    );
    assert.ok(refused > RUNS / 3, `most hostile edits were refused (${refused})`);
  });

  it('operator objects in any id position are always refused', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ID_PATHS.slice(0, 8)),
        fc.constantFrom('$regex', '$ne', '$gt', '$where', '$in', '$exists'),
        fc.jsonValue({ maxDepth: 2 }),
        (p, op, v) => {
          tally.tried++;
          const a = valid() as Record<string, unknown>;
          set(a, p, { [op]: v });
          const r = checkActivity(a);
          assert.equal(r.ok, false, `${p.join('.')} = {${op}: …} was accepted`);
          tally.refused++;
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('nesting deeper than the limit is refused whatever the shape, without recursion limits', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_DEPTH, max: 20_000 }), fc.boolean(), (n, arrays) => {
        tally.tried++;
        let v: unknown = 1;
        for (let i = 0; i < n; i++) v = arrays ? [v] : { a: v };
        const r = checkActivity({ ...valid(), type: 'invoke', value: v });
        assert.equal(r.ok, false);
        tally.refused++;
      }),
      { numRuns: 200 },
    );
  });
});

describe('activity schema: examples', () => {
  it('accepts null for absent optional values (as some clients send), and ids stay strings', () => {
    const a = {
      ...JSON.parse(
        JSON.stringify({
          type: 'invoke',
          serviceUrl: 'https://smba.example/',
          from: { id: '29:a', aadObjectId: null },
          recipient: { id: '28:b' },
          conversation: { id: 'c', tenantId: null },
          text: null,
          replyToId: null,
          entities: null,
          channelData: null,
        }),
      ),
    };
    const r = checkActivity(a);
    assert.ok(r.ok, r.ok ? '' : r.problem);
  });
});
