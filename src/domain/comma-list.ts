// Comma-separated lists: how Teams sends a multi-select ("a,b"), and how lists are written in env
// variables. One splitter, so every such list trims and skips empty items the same way.

/** "a, b,,c" → ['a', 'b', 'c']. */
export function splitCommaList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** For a schema's preprocess step: text is split, null/undefined become [], anything else is left for the schema to judge. */
export function commaListInput(v: unknown): unknown {
  return typeof v === 'string' ? splitCommaList(v) : (v ?? []);
}
