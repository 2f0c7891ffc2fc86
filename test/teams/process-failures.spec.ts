import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

// An uncaught exception or unhandled rejection anywhere (an SDK's included) becomes one JSON log line
// with a stack; nothing reaches stderr as plain text (issue 10 point 10).
describe('process failures go through the JSON logger', function () {
  this.timeout(30000);
  const root = path.join(__dirname, '..', '..');
  const run = (body: string) =>
    spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `
    const { createLogger, logProcessFailures } = require('./src/logger.ts');
    logProcessFailures(createLogger('info'));
    ${body}
  `,
      ],
      { cwd: root, encoding: 'utf8' },
    );

  it('an uncaught exception: one fatal JSON line with the stack, exit code 1, empty stderr', () => {
    const r = run(`setTimeout(() => { throw new TypeError('SDK detail with user text'); }, 0);`);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, '');
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(lines.length, 1);
    assert.equal(lines[0].level, 60);
    assert.equal(lines[0].err.name, 'TypeError');
    assert.match(lines[0].err.stack, /at /);
    assert.doesNotMatch(r.stdout, /user text/, 'messages can carry user input: not logged');
  });

  it('an unhandled rejection: an error JSON line, the process goes on', () => {
    const r = run(
      `Promise.reject(new Error('x')); setTimeout(() => console.log(JSON.stringify({ still: 'running' })), 50);`,
    );
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '');
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(lines[0].level, 50);
    assert.equal(lines[0].msg, 'unhandled promise rejection');
    assert.deepEqual(lines[1], { still: 'running' });
  });

  it("a dependency's warning (restify's http_parser deprecation) is a JSON line, not plain stderr", () => {
    const r = run(`process.emitWarning('Access to process.binding is deprecated.', 'DeprecationWarning', 'DEP0111');`);
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '');
    const line = JSON.parse(r.stdout.trim());
    assert.equal(line.level, 40);
    assert.deepEqual(line.warning, { name: 'DeprecationWarning', code: 'DEP0111' });
  });
});
