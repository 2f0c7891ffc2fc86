import assert from 'node:assert/strict';
import { Binary, Decimal128, EJSON, Long, ObjectId, Timestamp } from 'bson';
import sinon from 'sinon';
import { parseEjson, stringifyEjson, stringifyLogEjson } from '../../src/store/embedded/ejson-codec.js';

const samples: unknown[] = [
  {
    a: 1,
    b: -1,
    c: 2 ** 31 - 1,
    d: 2 ** 31,
    e: -(2 ** 31),
    f: 2 ** 40,
    g: 2 ** 60,
    h: 1.5,
    i: -0,
    j: NaN,
    k: Infinity,
    l: -Infinity,
    m: 1e300,
  },
  {
    s: 'text "quoted" \n ünïcödé',
    t: true,
    f: false,
    n: null,
    arr: [1, 'x', null, [2, [3]], { deep: { er: new Date(0) } }],
  },
  {
    _id: new ObjectId(),
    at: new Date('2024-01-02T03:04:05.678Z'),
    before1970: new Date(-86400000),
    far: new Date('9999-12-31T23:59:59.999Z'),
  },
  {
    long: Long.fromString('9007199254740993'),
    dec: Decimal128.fromString('1.10'),
    bin: new Binary(Buffer.from('hi')),
    ts: new Timestamp({ t: 1, i: 2 }),
    re: /a+b/i,
  },
  { $weird: 1, nested: { $also: 'x' } },
  { arr: [1, { v: [] }], k: 'keys "quoted"', 'a"b': 2 },
  [],
  {},
];

describe('EJSON codec (fast path matches bson)', () => {
  samples.forEach((value, i) => {
    it(`sample ${i}: same text as EJSON.stringify and same value as EJSON.parse`, () => {
      const text = stringifyEjson(value);
      assert.equal(text, EJSON.stringify(value, { relaxed: false }));
      assert.deepEqual(parseEjson(text), EJSON.parse(text, { relaxed: true }));
    });
  });
});

describe('EJSON codec for log records (engine JSON where it loses nothing)', () => {
  samples.forEach((value, i) => {
    it(`sample ${i}: reads back to the same value as the canonical text`, () => {
      const text = stringifyLogEjson(value);
      assert.deepEqual(parseEjson(text), parseEjson(stringifyEjson(value)));
      assert.deepEqual(EJSON.parse(text, { relaxed: true }), EJSON.parse(stringifyEjson(value), { relaxed: true }));
    });
  });

  it('writes a stored document (JSON types and Dates) with plain numbers and canonical Dates', () => {
    const doc = {
      _id: 'C1',
      version: 3,
      ratio: 0.5,
      at: new Date(1700000000000),
      list: [1, undefined, 'x'],
      u: undefined,
    };
    assert.equal(
      stringifyLogEjson(doc),
      '{"_id":"C1","version":3,"ratio":0.5,"at":{"$date":{"$numberLong":"1700000000000"}},"list":[1,null,"x"]}',
    );
    assert.deepEqual(parseEjson(stringifyLogEjson(doc)), parseEjson(stringifyEjson(doc)));
  });

  it('leaves Date#toJSON as it was, also when the value cannot be written', () => {
    const before = Object.getOwnPropertyDescriptor(Date.prototype, 'toJSON');
    stringifyLogEjson({ at: new Date(0) });
    // Read once by the check, then throws inside JSON.stringify, with Date#toJSON swapped.
    let reads = 0;
    const flaky = {
      get v(): string {
        if (++reads > 1) throw new Error('read twice');
        return 'x';
      },
    };
    assert.throws(() => stringifyLogEjson({ at: new Date(0), flaky }), /read twice/);
    assert.deepEqual(Object.getOwnPropertyDescriptor(Date.prototype, 'toJSON'), before);
    assert.equal(JSON.stringify(new Date(0)), '"1970-01-01T00:00:00.000Z"');
  });

  it('writes while a fake clock replaces the global Date (a write during a sinon-faked test once threw)', () => {
    const clock = sinon.useFakeTimers({ now: Date.UTC(2026, 11, 2), toFake: ['Date'] });
    try {
      const text = stringifyLogEjson({ at: new Date(Date.UTC(2026, 11, 2)), n: 1 });
      assert.deepEqual(parseEjson(text), { at: new Date(Date.UTC(2026, 11, 2)), n: 1 });
    } finally {
      clock.restore();
    }
  });

  it('falls back to the canonical writer for ObjectId, -0, NaN and other BSON values', () => {
    const id = new ObjectId();
    for (const value of [{ id }, { z: -0 }, { n: NaN }, { l: Long.fromString('9007199254740993') }]) {
      assert.equal(stringifyLogEjson(value), stringifyEjson(value));
    }
  });
});
