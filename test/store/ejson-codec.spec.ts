import assert from 'node:assert/strict';
import { Binary, Decimal128, EJSON, Long, ObjectId, Timestamp } from 'bson';
import { parseEjson, stringifyEjson } from '../../src/store/embedded/ejson-codec.js';

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
