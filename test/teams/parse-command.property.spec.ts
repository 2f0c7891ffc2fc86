import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCommand } from '../../src/teams/commands/parse-command.js';
import { COMMANDS } from '../../src/teams/commands/registry.js';

// Property tests for the one anchored command parser (issue 10): it never throws, reads only a
// command at the very start, and reads every registered command back whatever the casing,
// whitespace, leading "/" or the bot's own @mention.
const RUNS = 2000;
const names = COMMANDS.map((c) => c.name);
const ws = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00a0'), maxLength: 4 });
const randomCase = (s: string) =>
  fc
    .array(fc.boolean(), { minLength: s.length, maxLength: s.length })
    .map((up) => [...s].map((c, i) => (up[i] ? c.toUpperCase() : c)).join(''));
const args = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 40 }).filter((s) => s.trim() !== ''),
  fc
    .array(
      fc.constantFrom(
        'this week',
        'C100',
        'team',
        'for',
        '<at>Megan Bowen</at>',
        'next 10 days',
        '2026-11-25',
        '/due',
        'ü',
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((a) => a.join(' ')),
);

describe('parseCommand: properties (fast-check)', () => {
  it(`never throws, and any result is a lower-case name and trimmed arguments (${RUNS} inputs)`, () => {
    let parsed = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'grapheme', maxLength: 50 }),
          fc.constant(null),
          fc.constant(undefined),
        ),
        (text) => {
          const r = parseCommand(text);
          if (r === null) return;
          parsed++;
          assert.match(r.name, /^[a-z][a-z-]*$/);
          assert.equal(r.args, r.args.trim());
        },
      ),
      { numRuns: RUNS },
    );
    assert.ok(parsed > 0);
  });

  it('is anchored: text before the command (other than whitespace and one "/") means no command', () => {
    let tried = 0;
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((p) => /^[^\sA-Za-z/\u00a0]/.test(p)),
        fc.constantFrom(...names),
        ws,
        (prefix, name, gap) => {
          tried++;
          assert.equal(parseCommand(`${prefix}${gap}/${name} this week`), null, `${prefix}/${name}`);
        },
      ),
      { numRuns: RUNS },
    );
    assert.equal(tried, RUNS);
  });

  it('reads back every registered command with random casing, whitespace, "/" and arguments', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names).chain((n) => fc.tuple(fc.constant(n), randomCase(n))),
        fc.boolean(),
        ws,
        ws,
        ws.filter((w) => w.length > 0),
        args,
        ([name, cased], slash, before, after, gap, a) => {
          const text = `${before}${slash ? '/' : ''}${cased}${a ? gap + a : ''}${after}`;
          const r = parseCommand(text);
          assert.deepEqual(r, { name, args: a.replace(/\u00a0/g, ' ').trim() }, JSON.stringify(text));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("anyone else's mention first means no command (the bot's own is removed before parsing)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        ws,
        fc.constantFrom('Megan Bowen', 'Alex', 'IRO Bot 2'),
        (name, gap, other) => {
          assert.equal(parseCommand(`<at>${other}</at>${gap} /${name} C100`), null);
        },
      ),
      { numRuns: 500 },
    );
  });
});
