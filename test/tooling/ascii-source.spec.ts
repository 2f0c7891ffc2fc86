// The bundle's source is written as ASCII (scripts/ascii-source.mjs, docs/DESIGN.md "Memory") so V8 holds it as a
// one-byte string; the escaped code must mean exactly what the original did.
import assert from 'node:assert/strict';
import * as vm from 'node:vm';
// @ts-expect-error a plain .mjs build script, without types
import { asciiSource } from '../../scripts/ascii-source.mjs';

const escape = asciiSource as (source: string) => string;

describe('bundle source as ASCII', () => {
  const cases = [
    // What the bundle held: regular expressions (Welsh, typographic dashes, full-width digits), licence comments.
    `/^(ar ôl crist|ar ol crist)/i.test('ar ôl crist') && !/^(ar ôl crist)/i.test('ar ol')`,
    `'a – b — c'.split(/\\s*[–—]\\s*/).join('|')`,
    `'１２'.replace(/１/g, '1').replace(/２/g, '2')`,
    `/(?:team|tîm|tim)$/.test('tîm')`,
    `/* © Rafał, Jimmy Wärting */ 'ok'`,
    // Beyond the basic plane (a surrogate pair), with and without the u flag, and a class range.
    `[/😀/u.test('😀'), /^.$/u.test('😀'), /😀/.test('x😀'), /[à-ÿ]/.test('é'), '😀'.length].join()`,
    `const café = 'crème'; café + '\\u00e9' + \`tîm \${1}\``,
  ];

  for (const source of cases) {
    it(`means the same: ${source.slice(0, 40)}`, () => {
      const escaped = escape(source);
      assert.match(escaped, /^[\x00-\x7f]*$/);
      assert.deepEqual(vm.runInNewContext(escaped), vm.runInNewContext(source));
    });
  }

  it('leaves ASCII as it is', () => {
    const source = "exports.f = (s) => s.replace(/\\u2013/g, '-'); // a\n";
    assert.equal(escape(source), source);
  });
});
