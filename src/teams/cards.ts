import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import type { CardKind, ViewModels } from './view-models.js';
import { projectFolder } from '../project-paths.js';

export type { CardKind, ViewModels } from './view-models.js';

/** An expanded Adaptive Card, ready to send. */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export interface CardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: AdaptiveCardJson;
}

export const CARD_KINDS = ['due', 'caseload', 'actions', 'case', 'help', 'notice', 'digest', 'reminder',
  'booking-form', 'booking', 'reschedule-form', 'reschedule-approval', 'held-form', 'review-held',
  'resolution', 'resolution-raise', 'resolutions', 'resolution-referral', 'liaison', 'liaison-form', 'report'] as const satisfies readonly CardKind[];

export function cardsDir(): string {
  return projectFolder('cards');
}

// Parsed once: constructing a Template parses every expression in it (~8 ms a card); expand() is cheap
// and synchronous, so one instance per kind can be reused.
let templates: Map<CardKind, ACData.Template> | undefined;

function template(kind: CardKind): ACData.Template {
  if (!templates) {
    const dir = cardsDir();
    templates = new Map(CARD_KINDS.map((k) => [k, new ACData.Template(JSON.parse(fs.readFileSync(path.join(dir, `${k}.json`), 'utf8')))]));
  }
  const tpl = templates.get(kind);
  if (tpl === undefined) throw new Error(`unknown card kind: ${String(kind)}`);
  return tpl;
}

// A value typed by a person (e.g. a venue) could contain "${"; break it up invisibly so the
// left-over-placeholder check below only ever fires for template bugs.
function defuse<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('${', '$\u200B{') as T;
  if (Array.isArray(value)) return value.map(defuse) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, defuse(v)])) as T;
  }
  return value;
}

/** Expands cards/<kind>.json with the view model. Throws if any `${...}` survives (a missing field). */
export function renderCard<K extends CardKind>(kind: K, model: ViewModels[K]): AdaptiveCardJson {
  const expanded: unknown = template(kind).expand({ $root: defuse(model) });
  const json = JSON.stringify(expanded);
  const at = json.indexOf('${');
  if (at >= 0) {
    throw new Error(`card '${kind}' has unexpanded placeholders: ${json.slice(Math.max(0, at - 40), at + 60)}`);
  }
  return expanded as AdaptiveCardJson;
}

export function cardAttachment(card: AdaptiveCardJson): CardAttachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}
