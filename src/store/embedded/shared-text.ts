// Texts that many stored documents repeat (event types, the next review's fingerprint and explanation, channel
// names) held once in memory rather than once per document: JSON.parse shares only strings of up to 10
// characters, so 100k parsed children held ~21 MB of copies (docs/DESIGN.md "Memory"). Two generations: a text
// met again within the last GENERATION new texts is shared; the tables never exceed 2 x GENERATION entries, so
// one-off texts (names, ids) leave with their generation instead of piling up.
const GENERATION = 8192;
/** Longer texts are rarely repeated word for word; shorter ones JSON.parse already shares. */
const LONGEST = 64;
const SHORTEST = 11;

let young = new Map<string, string>();
let old = new Map<string, string>();

/** The same text, as the copy already held when it was met recently. */
export function sharedText(text: string): string {
  if (text.length < SHORTEST || text.length > LONGEST) return text;
  const held = young.get(text) ?? old.get(text);
  if (held !== undefined) {
    if (!young.has(held)) keep(held);
    return held;
  }
  keep(text);
  return text;
}

function keep(text: string): void {
  young.set(text, text);
  if (young.size < GENERATION) return;
  old = young;
  young = new Map();
}

/** How many texts the tables hold now (at most 2 x GENERATION): for tests and diagnostics. */
export function heldTexts(): number {
  return young.size + old.size;
}
