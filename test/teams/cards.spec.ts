import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CARD_KINDS, cardAttachment, cardsDir, renderCard, type AdaptiveCardJson } from '../../src/teams/cards.js';
import { validateCard } from '../../tools/card-validation.js';
import type { CardKind, CardTemplates } from '../../src/teams/cards.js';

const fixturesDir = path.join(__dirname, '..', 'fixtures', 'cards');
const fixtureFiles = fs
  .readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

function fixture<K extends CardKind>(name: `${K}.${string}`): CardTemplates[K] {
  return JSON.parse(fs.readFileSync(path.join(fixturesDir, `${name}.json`), 'utf8')) as CardTemplates[K];
}

/** Every object in the card (depth first), for structural assertions. */
function nodes(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) value.forEach((v) => nodes(v, out));
  else if (value !== null && typeof value === 'object') {
    out.push(value as Record<string, unknown>);
    Object.values(value).forEach((v) => nodes(v, out));
  }
  return out;
}
const texts = (card: unknown) =>
  nodes(card)
    .filter((n) => n.type === 'TextBlock')
    .map((n) => String(n.text));
const ofType = (card: unknown, type: string) => nodes(card).filter((n) => n.type === type);

describe('card templates', () => {
  it('has one template per kind and at least one fixture per kind', () => {
    for (const kind of CARD_KINDS) {
      assert.ok(fs.existsSync(path.join(cardsDir(), `${kind}.json`)), `cards/${kind}.json`);
      assert.ok(
        fixtureFiles.some((f) => f.startsWith(`${kind}.`)),
        `fixture for ${kind}`,
      );
    }
  });

  for (const kind of CARD_KINDS) {
    it(`cards/${kind}.json is a 1.5 card without Action.Submit`, () => {
      const raw = fs.readFileSync(path.join(cardsDir(), `${kind}.json`), 'utf8');
      const tpl = JSON.parse(raw) as Record<string, unknown>;
      assert.equal(tpl.type, 'AdaptiveCard');
      assert.equal(tpl.version, '1.5');
      assert.equal(tpl.$schema, 'http://adaptivecards.io/schemas/adaptive-card.json');
      assert.ok(!raw.includes('Action.Submit'));
    });
  }

  for (const file of fixtureFiles) {
    const name = file.replace(/\.json$/, '');
    const kind = name.split('.')[0] as CardKind;
    it(`renders ${name}: no placeholders left, version 1.5, valid at 1.5`, () => {
      assert.ok((CARD_KINDS as readonly string[]).includes(kind), `fixture ${file} names a known kind`);
      const card = renderCard(kind, fixture(name as `${CardKind}.${string}`) as CardTemplates[typeof kind]);
      const json = JSON.stringify(card);
      assert.ok(!json.includes('${'), json);
      assert.ok(!json.includes('$data') && !json.includes('$when'), 'template directives removed');
      assert.equal(card.version, '1.5');
      assert.equal(card.type, 'AdaptiveCard');
      assert.deepEqual(validateCard(card), []);
    });
  }

  it('wide cards ask Teams for full width', () => {
    for (const kind of ['due', 'caseload', 'actions', 'case', 'help'] as const) {
      const tpl = JSON.parse(fs.readFileSync(path.join(cardsDir(), `${kind}.json`), 'utf8')) as {
        msteams?: { width?: string };
      };
      assert.equal(tpl.msteams?.width, 'Full', kind);
    }
  });
});

describe('renderCard', () => {
  it('throws when a field is missing instead of showing ${...} to a user', () => {
    const model = fixture<'notice'>('notice.error') as Partial<CardTemplates['notice']>;
    delete model.text;
    assert.throws(() => renderCard('notice', model as CardTemplates['notice']), /unexpanded placeholders/);
  });

  it('keeps a "${" typed by a person without mistaking it for a template bug', () => {
    const card = renderCard('notice', { title: 'Echo', text: 'you typed ${x}', tone: 'info' });
    assert.ok(texts(card).some((t) => t.startsWith('you typed $') && t.endsWith('{x}')));
  });

  it('wraps a card as a Teams attachment', () => {
    const card = renderCard('notice', fixture('notice.info'));
    assert.deepEqual(cardAttachment(card), { contentType: 'application/vnd.microsoft.card.adaptive', content: card });
  });

  it('returns a fresh object each time (templates are not mutated)', () => {
    const a = renderCard('notice', fixture('notice.error'));
    (a.body as unknown[]).length = 0;
    const b: AdaptiveCardJson = renderCard('notice', fixture('notice.error'));
    assert.ok((b.body as unknown[]).length > 0);
  });
});

describe('empty and optional sections', () => {
  it('due: nothing due shows only the empty text, no section headings or rows', () => {
    const m = fixture<'due'>('due.empty');
    const t = texts(renderCard('due', m));
    assert.deepEqual(t, [m.title, m.subtitle, m.emptyText]);
  });

  it('due: one row per item, overdue section first, no stray rows', () => {
    for (const name of ['due.typical', 'due.overdue-only', 'due.due-only', 'due.long', 'due.range'] as const) {
      const m = fixture<'due'>(name);
      const t = texts(renderCard('due', m));
      const rows = t.filter((s) => s.startsWith('Due by '));
      assert.equal(rows.length, m.overdue.length + m.due.length, name);
      assert.equal(t.includes(m.emptyText), false, name);
      assert.equal(
        t.some((s) => s.startsWith('Overdue (')),
        m.overdue.length > 0,
        name,
      );
      assert.equal(
        t.some((s) => s.startsWith(`${m.dueHeading} (`)),
        m.due.length > 0,
        name,
      );
      assert.equal(
        t.filter((s) => /^\d+ days? overdue · /.test(s)).length,
        [...m.overdue, ...m.due].filter((r) => r.isOverdue).length,
        name,
      );
      assert.equal(
        t.filter((s) => s.startsWith('IRO: ')).length,
        [...m.overdue, ...m.due].filter((r) => r.iro !== '').length,
        name,
      );
    }
    const t = texts(renderCard('due', fixture('due.typical')));
    assert.ok(t.indexOf('Overdue (1)') < t.indexOf('Due this week (2)'));
  });

  it('due: one status per row, its wording and colour agree (no green "Booked" under a red "overdue")', () => {
    const m = fixture<'due'>('due.range');
    const card = renderCard('due', m);
    const badges = ofType(card, 'Container').filter(
      (n) =>
        ['attention', 'good', 'warning'].includes(String(n.style)) &&
        ofType(n, 'TextBlock').some((t) => /Booked|Not booked/.test(String(t.text))),
    );
    const rows = [...m.overdue, ...m.due];
    assert.deepEqual(
      badges.map((b) => b.style),
      rows.map((r) => (r.isOverdue ? 'attention' : r.booked ? 'good' : 'warning')),
    );
    for (const [i, b] of badges.entries()) {
      const text = String(ofType(b, 'TextBlock')[0]!.text);
      assert.equal(/overdue/.test(text), rows[i]!.isOverdue, text);
    }
    assert.ok(!JSON.stringify(card).includes('"color"'), 'status colour comes from container styles, not text colours');
  });

  it('caseload (one IRO): empty breakdowns say None instead of an empty FactSet', () => {
    const card = renderCard('caseload', fixture('caseload.iro-empty'));
    assert.equal(ofType(card, 'FactSet').length, 1);
    assert.equal(texts(card).filter((t) => t === 'None').length, 2);
    assert.equal(ofType(card, 'Table').length, 0);
    assert.equal(ofType(card, 'Chart.HorizontalBar').length, 0);
  });

  it('caseload (one IRO): band status colour follows the band state', () => {
    const card = renderCard('caseload', fixture('caseload.iro'));
    const status = ofType(card, 'Container')
      .filter((n) => ofType(n, 'TextBlock').some((t) => t.text === 'Within band'))
      .pop();
    assert.equal(status?.style, 'good');
  });

  it('caseload (team): a table row per IRO plus header, a chart with a text fallback', () => {
    for (const name of ['caseload.team', 'caseload.team-long'] as const) {
      const m = fixture<'caseload'>(name);
      assert.equal(m.view, 'team');
      if (m.view !== 'team') return;
      const card = renderCard('caseload', m);
      const [table] = ofType(card, 'Table');
      assert.equal((table.rows as unknown[]).length, m.iros.length + 1);
      const [chart] = ofType(card, 'Chart.HorizontalBar');
      assert.equal(chart.displayMode, 'AbsoluteNoAxis', 'no axis: no fractional ticks, names in full');
      assert.deepEqual(chart.data, m.chart);
      const fallback = chart.fallback as Record<string, unknown>;
      const facts = ofType(fallback, 'FactSet')[0].facts as { title: string; value: string }[];
      assert.deepEqual(
        facts,
        m.chart.map((p) => ({ title: p.x, value: String(p.y) })),
      );
      assert.equal(texts(card).includes(m.emptyText), false);
    }
  });

  it('caseload (team): no IROs shows the empty text, no table, no chart', () => {
    const m = fixture<'caseload'>('caseload.team-empty');
    const card = renderCard('caseload', m);
    assert.equal(ofType(card, 'Table').length, 0);
    assert.equal(ofType(card, 'Chart.HorizontalBar').length, 0);
    assert.ok(m.view === 'team' && texts(card).includes(m.emptyText));
  });

  it('actions: empty list shows the empty text only; long list one block per item', () => {
    const empty = fixture<'actions'>('actions.empty');
    assert.deepEqual(texts(renderCard('actions', empty)), [empty.title, empty.subtitle, empty.emptyText]);
    for (const name of ['actions.typical', 'actions.long'] as const) {
      const m = fixture<'actions'>(name);
      const t = texts(renderCard('actions', m));
      assert.equal(t.filter((s) => m.items.some((i) => i.what === s)).length, m.items.length, name);
      assert.equal(t.filter((s) => /days? overdue$/.test(s)).length, m.items.filter((i) => i.isOverdue).length, name);
      assert.equal(t.includes(m.emptyText), false, name);
    }
  });

  it('case: minimal case has no table, no proceedings/resolutions/liaison sections', () => {
    const m = fixture<'case'>('case.minimal');
    const card = renderCard('case', m);
    const t = texts(card);
    assert.equal(ofType(card, 'Table').length, 0);
    assert.ok(t.includes(m.noNextReviewText) && t.includes('No bookings.') && t.includes('No reviews held yet.'));
    for (const heading of ['Proceedings', 'Resolutions', 'Guardian liaison']) assert.ok(!t.includes(heading), heading);
    assert.ok(!t.some((s) => s.startsWith('Due by ')));
  });

  it('case: full case has every section and a history row per review', () => {
    for (const name of ['case.full', 'case.overdue-long'] as const) {
      const m = fixture<'case'>(name);
      const card = renderCard('case', m);
      const t = texts(card);
      const [table] = ofType(card, 'Table');
      assert.equal((table.rows as unknown[]).length, m.history.length + 1, name);
      assert.equal(t.includes(m.noNextReviewText), false, name);
      assert.equal(t.includes('Proceedings'), m.proceedings.length > 0, name);
      assert.equal(t.includes('Resolutions'), m.resolutions.length > 0, name);
      assert.equal(t.includes('Guardian liaison'), m.liaison.length > 0, name);
      assert.equal(t.includes('No bookings.'), m.bookings.length === 0, name);
      assert.equal(
        t.some((s) => /days overdue$/.test(s)),
        m.nextReview?.isOverdue === true,
        name,
      );
    }
  });

  it('help: one block per command; no commands, no blocks', () => {
    const m = fixture<'help'>('help.typical');
    const t = texts(renderCard('help', m));
    assert.deepEqual(
      t.filter((s) => m.commands.some((c) => c.usage === s)),
      m.commands.map((c) => c.usage),
    );
    const e = fixture<'help'>('help.empty');
    assert.deepEqual(texts(renderCard('help', e)), [e.title, e.intro, e.policy]);
  });

  it('the policy line is only on /help and /case', () => {
    for (const kind of CARD_KINDS) {
      const raw = fs.readFileSync(path.join(cardsDir(), `${kind}.json`), 'utf8');
      assert.equal(raw.includes('${policy}'), kind === 'help' || kind === 'case', kind);
    }
  });

  it('notice: the example line appears only when given', () => {
    assert.equal(texts(renderCard('notice', fixture('notice.info'))).length, 2);
    assert.equal(texts(renderCard('notice', fixture('notice.success'))).length, 2);
    assert.deepEqual(texts(renderCard('notice', fixture('notice.error'))).slice(2), ['Try: /due next week']);
    const styles = (['error', 'warning', 'success', 'info'] as const).map(
      (tone) => ofType(renderCard('notice', { title: 't', text: 'x', tone }), 'Container')[0].style,
    );
    assert.deepEqual(styles, ['attention', 'warning', 'good', 'default']);
  });
});

describe('validateCard', () => {
  const card = (body: unknown[]) => ({ type: 'AdaptiveCard', version: '1.5', body });

  it('accepts a minimal valid card', () => {
    assert.deepEqual(validateCard(card([{ type: 'TextBlock', text: 'hi' }])), []);
  });

  it('reports an unknown element type', () => {
    const errors = validateCard(card([{ type: 'Gibberish', text: 'x' }]));
    assert.equal(errors.length, 1);
    assert.match(errors[0], /UnknownElementType.*Gibberish/);
  });

  it('reports invalid property values, unknown actions and duplicate ids', () => {
    const errors = validateCard({
      ...card([
        { type: 'TextBlock', id: 'a', text: 'x', size: 'huge' },
        { type: 'TextBlock', id: 'a', text: 'y' },
      ]),
      actions: [{ type: 'Action.Teleport', title: 'go' }],
    });
    assert.ok(
      errors.some((e) => /InvalidPropertyValue/.test(e)),
      errors.join('\n'),
    );
    assert.ok(
      errors.some((e) => /UnknownActionType/.test(e)),
      errors.join('\n'),
    );
    assert.ok(
      errors.some((e) => /DuplicateId/.test(e)),
      errors.join('\n'),
    );
  });

  it('reports a card version newer than 1.5', () => {
    assert.ok(validateCard({ ...card([]), version: '2.0' }).length > 0);
  });

  it('knows every Teams chart type, but requires a valid fallback', () => {
    for (const type of [
      'Chart.Donut',
      'Chart.Gauge',
      'Chart.VerticalBar',
      'Chart.VerticalBar.Grouped',
      'Chart.HorizontalBar',
      'Chart.HorizontalBar.Stacked',
      'Chart.Line',
      'Chart.Pie',
    ]) {
      assert.deepEqual(validateCard(card([{ type, data: [], fallback: { type: 'TextBlock', text: 'x' } }])), [], type);
      assert.match(validateCard(card([{ type, data: [] }])).join('\n'), /NoChartFallback/, type);
    }
    const bad = validateCard(
      card([{ type: 'Chart.Pie', data: [], fallback: { type: 'TextBlock', text: 'x', color: 'purple' } }]),
    );
    assert.equal(bad.length, 1);
    assert.match(bad[0], /InvalidPropertyValue.*fallback of Chart\.Pie/);
  });

  it('does not complain about the msteams property', () => {
    assert.deepEqual(validateCard({ ...card([{ type: 'TextBlock', text: 'x' }]), msteams: { width: 'Full' } }), []);
  });
});
