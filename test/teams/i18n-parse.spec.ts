// Issue 13: Welsh command names are aliases in the one anchored grammar, never substring matches.
import assert from 'node:assert/strict';
import { parseCommand, WELSH_COMMAND_NAMES } from '../../src/teams/commands/parse-command.js';
import { findCommand } from '../../src/teams/commands/registry.js';
import { languageFromLocale, languageFromWord } from '../../src/teams/i18n/choose-language.js';

describe('Welsh command names (issue 13)', () => {
  const cases: [string, string, string][] = [
    ['/dyledus yr wythnos hon', 'due', 'yr wythnos hon'],
    ['/Llwyth-Achosion', 'caseload', ''],
    ['camau', 'actions', ''],
    ['/achos C100', 'case', 'C100'],
    ['/cymorth', 'help', ''],
    ['/iaith cymraeg', 'language', 'cymraeg'],
    ['/trefnu C1001', 'book', 'C1001'],
    ['/aildrefnu C1001', 'reschedule', 'C1001'],
    ['/adroddiad', 'report', ''],
    ['/cyswllt C1001', 'liaison', 'C1001'],
    ['/cynllun C1001', 'plan', 'C1001'],
    ['/rhybudd C1001 placement at risk', 'alert', 'C1001 placement at risk'],
    ['/cyfranogiad C1001', 'participation', 'C1001'],
    ['/dyrannu C1001', 'allocate', 'C1001'],
    ['/cyflenwi @Alex 2026-12-01 2026-12-05', 'cover', '@Alex 2026-12-01 2026-12-05'],
  ];

  it('no Welsh name is also an English command name, and each names a command', () => {
    for (const [welsh, english] of Object.entries(WELSH_COMMAND_NAMES)) {
      assert.equal(findCommand(welsh), undefined, welsh);
      assert.ok(findCommand(english), english);
    }
  });
  for (const [text, name, args] of cases)
    it(`${text} → /${name}`, () => {
      assert.deepEqual(parseCommand(text), { name, args });
      assert.ok(findCommand(name), `/${name} is a command`);
    });

  it('only whole words are aliases', () => {
    assert.equal(parseCommand('/dyledusrwydd')?.name, 'dyledusrwydd');
    assert.equal(parseCommand('/constructor')?.name, 'constructor');
  });

  it('reads a language from a word in either language and from a Teams locale', () => {
    assert.deepEqual(['Cymraeg', 'welsh', 'SAESNEG', 'english', 'toString', ''].map(languageFromWord), [
      'cy',
      'cy',
      'en',
      'en',
      null,
      null,
    ]);
    assert.deepEqual(['cy-GB', 'cy', 'en-GB', 'cymraeg', undefined].map(languageFromLocale), [
      'cy',
      'cy',
      null,
      null,
      null,
    ]);
  });
});
