import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseImportDocument, type ImportProblem } from '../../src/app/import/import-schema.js';

const valid = () => JSON.parse(readFileSync('test/fixtures/import/small-valid.json', 'utf8'));

function problemsOf(doc: unknown): ImportProblem[] {
  const r = parseImportDocument(doc);
  assert.equal(r.ok, false, 'expected the document to be rejected');
  return (r as { problems: ImportProblem[] }).problems;
}
const lines = (ps: ImportProblem[]) => ps.map((p) => `${p.path}: ${p.message}`);

describe('import schema', () => {
  it('accepts the docs/DESIGN.md example shape', () => {
    const r = parseImportDocument(valid());
    assert.equal(r.ok, true);
  });

  it('accepts a minimal document', () => {
    assert.equal(parseImportDocument({ formatVersion: 1 }).ok, true);
  });

  it('rejects an unknown field with its path, one line per field', () => {
    const doc = valid();
    doc.children[0].colour = 'blue';
    doc.staff[1].shoeSize = 9;
    doc.extra = true;
    assert.deepEqual(lines(problemsOf(doc)).sort(), [
      'children[0].colour: unknown field',
      'extra: unknown field',
      'staff[1].shoeSize: unknown field',
    ]);
  });

  it('rejects a bad vocabulary value', () => {
    const doc = valid();
    doc.children[1].track = 'fostering';
    doc.children[0].events[0].type = 'moved';
    doc.children[0].reviews[0].lateReason = 'weather';
    doc.staff[0].roles = ['iro', 'wizard'];
    const ps = problemsOf(doc);
    assert.deepEqual(ps.map((p) => p.path).sort(), [
      'children[0].events[0].type',
      'children[0].reviews[0].lateReason',
      'children[1].track',
      'staff[0].roles[1]',
    ]);
    assert.match(ps.find((p) => p.path === 'children[1].track')!.message, /cla.*short-breaks.*ifst/);
  });

  it('rejects dates that are not real calendar dates, and instants without an offset', () => {
    const doc = valid();
    doc.children[0].events[0].date = '2016-02-30';
    doc.children[0].dateOfBirth = '11/02/2009';
    doc.children[0].bookings[0].start = '2016-06-20T10:00:00';
    assert.deepEqual(
      lines(problemsOf(doc))
        .map((l) => l.split(':')[0])
        .sort(),
      ['children[0].bookings[0].start', 'children[0].dateOfBirth', 'children[0].events[0].date'],
    );
    assert.match(lines(problemsOf(doc)).join('\n'), /events\[0\]\.date: must be a real date YYYY-MM-DD/);
  });

  it('reports missing required fields', () => {
    const doc = valid();
    delete doc.children[2].iroId;
    delete doc.children[2].events;
    delete doc.staff[2].roles;
    delete doc.formatVersion;
    assert.deepEqual(lines(problemsOf(doc)).sort(), [
      'children[2].events: required',
      'children[2].iroId: required',
      'formatVersion: required',
      'staff[2].roles: required',
    ]);
  });

  it('accepts only formatVersion 1', () => {
    assert.deepEqual(lines(problemsOf({ formatVersion: 2 })), ['formatVersion: must be 1 (got 2)']);
  });

  it('requires a guardian to be external with an organisation', () => {
    const doc = valid();
    doc.staff[5].external = false;
    delete doc.staff[5].organisation;
    assert.deepEqual(
      problemsOf(doc)
        .map((p) => p.path)
        .sort(),
      ['staff[5].external', 'staff[5].organisation'],
    );
  });

  it('requires dueBy and reason on review-brought-forward only', () => {
    const doc = valid();
    doc.children[0].events.push({ type: 'review-brought-forward', date: '2016-05-01' });
    doc.children[1].events[0].reason = 'safety';
    assert.deepEqual(
      problemsOf(doc)
        .map((p) => p.path)
        .sort(),
      ['children[0].events[1].dueBy', 'children[0].events[1].reason', 'children[1].events[0].reason'],
    );
  });

  it('rejects a document that is not an object', () => {
    assert.equal(problemsOf([1, 2]).length, 1);
  });
});
