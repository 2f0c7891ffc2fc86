import type * as ACTypes from 'adaptivecards';

// The package's `main` is ESM with extension-less imports and fails under require(); the UMD bundle
// is the same code and needs no DOM for parsing and validation.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the UMD bundle has no ESM entry that require() loads
const AC = require('adaptivecards/dist/adaptivecards.min.js') as typeof ACTypes;

/** Teams-only chart elements: unknown to the JS renderer and the published schema. */
export const CHART_TYPES = [
  'Chart.Donut',
  'Chart.Gauge',
  'Chart.VerticalBar',
  'Chart.VerticalBar.Grouped',
  'Chart.HorizontalBar',
  'Chart.HorizontalBar.Stacked',
  'Chart.Line',
  'Chart.Pie',
] as const;

let registered = false;

function registerCharts(): void {
  if (registered) return;
  for (const name of CHART_TYPES) {
    // A placeholder that parses and validates as a plain element; Teams does the real rendering.
    class ChartPlaceholder extends AC.CardElement {
      getJsonTypeName(): string {
        return name;
      }
      protected internalRender(): HTMLElement | undefined {
        return undefined;
      }
    }
    AC.GlobalRegistry.elements.register(name, ChartPlaceholder, AC.Versions.v1_5);
  }
  registered = true;
}

function describe(e: ACTypes.IValidationEvent): string {
  return `${AC.ValidationPhase[e.phase]} ${AC.ValidationEvent[e.event]}: ${e.message}`;
}

// Teams' `msteams` card property is not part of the SDK's model.
const ignored = (message: string) => /msteams/i.test(message);

function validateOne(card: object): string[] {
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  const out: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) out.push(describe(ctx.getEventAt(i)));
  for (const e of parsed.validateProperties().validationEvents) out.push(describe(e));
  return out.filter((m) => !ignored(m));
}

/** Chart elements anywhere in the card, with their JSON path. */
function findCharts(node: unknown, at: string, found: { at: string; chart: Record<string, unknown> }[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => findCharts(item, `${at}[${i}]`, found));
  } else if (node !== null && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (typeof obj.type === 'string' && (CHART_TYPES as readonly string[]).includes(obj.type))
      found.push({ at, chart: obj });
    for (const [k, v] of Object.entries(obj)) findCharts(v, `${at}.${k}`, found);
  }
}

/**
 * Validates an expanded card as the official renderer would at version 1.5 (Teams' limit).
 * Returns readable problems; [] means valid. House rule (docs/DESIGN.md): every Teams chart carries a
 * `fallback` element for other clients, and that fallback is validated too (the SDK skips it for
 * known element types).
 */
export function validateCard(card: object): string[] {
  registerCharts();
  const out = validateOne(card);
  const charts: { at: string; chart: Record<string, unknown> }[] = [];
  findCharts((card as Record<string, unknown>).body, 'body', charts);
  for (const { at, chart } of charts) {
    const fallback = chart.fallback;
    if (fallback === null || typeof fallback !== 'object') {
      out.push(`House NoChartFallback: ${String(chart.type)} at ${at} has no fallback element`);
      continue;
    }
    const wrapper = { type: 'AdaptiveCard', version: '1.5', body: [fallback] };
    for (const m of validateOne(wrapper)) out.push(`${m} (in the fallback of ${String(chart.type)} at ${at})`);
  }
  return out;
}
