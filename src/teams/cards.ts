import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { projectFolder } from '../project-paths.js';
import { escapeMarkdown, Markdown } from './markdown.js';

/**
 * The card registry: template name → the type of its data. A card is a template, `cards/<kind>.json`, and
 * a module, `src/teams/cards/<kind>.ts`, that declares the type of its data (`<Kind>CardData`), the function
 * building it (`<kind>CardData(...)`), and adds itself here by declaration merging:
 * `declare module '../cards.js' { interface CardTemplates { '<kind>': <Kind>CardData } }`.
 * So a new card edits no list; test/teams/card-registry.spec.ts checks that templates and modules pair up.
 *
 * What every card's data must be: display-ready values (the view model formats dates, counts and labels;
 * templates only lay them out), and optional sections as empty arrays or null, never missing fields (the
 * templating library leaves a missing field as the literal text `${x}`, which renderCard treats as a bug).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface CardTemplates {}
export type CardKind = Extract<keyof CardTemplates, string>;
/** The data `renderCard(kind, …)` takes. */
export type CardDataOf<K extends CardKind> = CardTemplates[K];

/** An expanded Adaptive Card, ready to send. */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export interface CardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: AdaptiveCardJson;
}

export function cardsDir(): string {
  return projectFolder('cards');
}

/** Every template in cards/, by name: the folder is the list. */
export const CARD_KINDS: readonly CardKind[] = fs
  .readdirSync(cardsDir())
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length) as CardKind)
  .sort();

// Parsed once: constructing a Template parses every expression in it (~8 ms a card); expand() is cheap
// and synchronous, so one instance per kind can be reused.
let templates: Map<CardKind, ACData.Template> | undefined;

function template(kind: CardKind): ACData.Template {
  if (!templates) {
    const dir = cardsDir();
    templates = new Map(
      CARD_KINDS.map((k) => [k, new ACData.Template(JSON.parse(fs.readFileSync(path.join(dir, `${k}.json`), 'utf8')))]),
    );
  }
  const tpl = templates.get(kind);
  if (tpl === undefined) throw new Error(`unknown card kind: ${String(kind)}`);
  return tpl;
}

// A value typed by a person (e.g. a venue) could contain "${"; break it up invisibly so the
// left-over-placeholder check below only ever fires for template bugs.
function defuse(value: string): string {
  return value.replaceAll('${', '$\u200B{');
}

/**
 * The view model as the template sees it. `escaped`: every string is markdown-escaped (user text
 * shows as typed), except `Markdown` the bot wrote on purpose; `raw`: strings as they are, for the
 * places that are not markdown (card data, input values, ids, urls).
 */
function prepare(value: unknown, mode: 'raw' | 'escaped', escaping = { changed: false }): unknown {
  if (value instanceof Markdown) return defuse(value.source);
  if (typeof value === 'string') {
    if (mode === 'raw') return defuse(value);
    const escaped = escapeMarkdown(value);
    if (escaped !== value) escaping.changed = true;
    return defuse(escaped);
  }
  if (Array.isArray(value)) return value.map((v) => prepare(v, mode, escaping));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, prepare(v, mode, escaping)]));
  }
  return value;
}

/**
 * Expands cards/<kind>.json with the view model. Throws if any `${...}` survives (a missing field).
 *
 * One escaper, one place (issue 10 point 5): the card is expanded twice, from the raw and from the
 * markdown-escaped view model, and every field Teams renders as markdown (TextBlock.text,
 * Fact.title, Fact.value) is taken from the escaped expansion, everything else from the raw one.
 * So every string in every view model is escaped where it could format, link or mention, whether or
 * not its author thought of it; the bot's own markup opts out with `Markdown`/`md` (markdown.ts).
 * When escaping changes no string of the view model, both expansions would be the same card: one is made.
 */
export function renderCard<K extends CardKind>(kind: K, model: CardDataOf<K>): AdaptiveCardJson {
  const tpl = template(kind);
  const raw: unknown = tpl.expand({ $root: prepare(model, 'raw') });
  const escaping = { changed: false };
  const escapedModel = prepare(model, 'escaped', escaping);
  // Most view models hold no character the escaper changes: then the second expansion would be the first
  // again, and expanding is most of a card's cost (issue 12: per-message overhead).
  const escaped: unknown = escaping.changed ? tpl.expand({ $root: escapedModel }) : raw;
  const expanded = restoreMentions(escaping.changed ? mergeMarkdownFields(raw, escaped, false) : raw);
  const json = JSON.stringify(expanded);
  const at = json.indexOf('${');
  if (at >= 0) {
    throw new Error(`card '${kind}' has unexpanded placeholders: ${json.slice(Math.max(0, at - 40), at + 60)}`);
  }
  // The template's "$schema" is an editor's hint: Teams does not read it, and every message is the lighter for it.
  const { $schema: _editorHint, ...card } = expanded as AdaptiveCardJson & { $schema?: string };
  return card as AdaptiveCardJson;
}

type Json = unknown;

/** Raw everywhere except markdown fields, which come from the escaped expansion. */
function mergeMarkdownFields(raw: Json, escaped: Json, isFact: boolean): Json {
  if (Array.isArray(raw) && Array.isArray(escaped)) {
    // Data-dependent templates ($when on a value) could expand differently: then the escaped side wins.
    return raw.length === escaped.length ? raw.map((r, i) => mergeMarkdownFields(r, escaped[i], isFact)) : escaped;
  }
  if (isObject(raw) && isObject(escaped)) {
    const keys = Object.keys(raw);
    if (keys.length !== Object.keys(escaped).length || keys.some((k) => !(k in escaped))) return escaped;
    const markdownKeys = raw.type === 'TextBlock' ? ['text'] : isFact ? ['title', 'value'] : [];
    const childIsFact = raw.type === 'FactSet';
    return Object.fromEntries(
      keys.map((k) => [
        k,
        markdownKeys.includes(k) ? escaped[k] : mergeMarkdownFields(raw[k], escaped[k], childIsFact && k === 'facts'),
      ]),
    );
  }
  if (isObject(raw) !== isObject(escaped) || Array.isArray(raw) !== Array.isArray(escaped)) return escaped;
  return raw;
}

/**
 * A mention the card declares (msteams.entities, built from staff records) is turned back into
 * `<at>Name</at>` in the markdown fields, so Teams shows and notifies it; only for plain names
 * (escaping would change nothing in them), so no markup rides along.
 */
function restoreMentions(card: Json): Json {
  if (!isObject(card)) return card;
  const entities = isObject(card.msteams) && Array.isArray(card.msteams.entities) ? card.msteams.entities : [];
  const mentions = entities
    .filter((e): e is Record<string, unknown> => isObject(e) && e.type === 'mention' && typeof e.text === 'string')
    .map((e) => String(e.text))
    .filter((t) => /^<at>[^<>]*<\/at>$/.test(t) && escapeMarkdown(t.slice(4, -5)) === t.slice(4, -5));
  if (mentions.length === 0) return card;
  const visit = (node: Json, isFact: boolean): Json => {
    if (Array.isArray(node)) return node.map((n) => visit(n, isFact));
    if (!isObject(node)) return node;
    const markdownKeys = node.type === 'TextBlock' ? ['text'] : isFact ? ['title', 'value'] : [];
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        markdownKeys.includes(k) && typeof v === 'string'
          ? mentions.reduce((text, m) => text.replaceAll(escapeMarkdown(m), m), v)
          : visit(v, node.type === 'FactSet' && k === 'facts'),
      ]),
    );
  };
  return visit(card, false);
}

function isObject(v: Json): v is Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function cardAttachment(card: AdaptiveCardJson): CardAttachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}
