// One escaper for text that Teams renders as markdown (issue 10 point 5). Adaptive Card TextBlock
// text and Fact title/value are a CommonMark subset (bold, italic, lists, links); Teams also turns
// `<at>…</at>` into mentions and `{{DATE(…)}}`/`{{TIME(…)}}` into dates, and clients may linkify
// bare addresses. Text a person typed (a venue, a reason, a name in an import) must show as typed
// and do none of that. renderCard (cards.ts) applies this to every view-model string that lands in
// a markdown field; the bot's own markup opts out with `Markdown` (see below).

/** Invisible break: splits a pattern (autolink, `{{`) without changing what a person reads. */
export const ZERO_WIDTH_SPACE = '\u200B';

// Escaped wherever they appear: emphasis and strikethrough (* _ ~), code (`), HTML, mentions and
// autolinks (<), and the escape character itself.
const ALWAYS = /[\\*_~`<]/g;
// Escaped only where they would mean something, so the bot's own text ("Overdue (1)", "66.67%",
// "/due [WINDOW]", "C100-1", "Q&A") stays exactly as it is:
//   ] before ( [ or : — inline links and images, reference links and their definitions;
//   & before an entity name and ; — "&lt;" would otherwise show as "<".
const LINK_CLOSE = /\](?=[([:])/g;
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;
// Block markers at the start of a line: headings ("# "), quotes (">"), list items ("- ", "+ ",
// "1. ", "1) "), and setext underlines / thematic breaks / table delimiter rows ("===", "---", "|---|").
const HEADING = /^([ \t]*)(#{1,6})(?=[ \t]|$)/;
const QUOTE = /^([ \t]*)>/;
const BULLET = /^([ \t]*)([-+])(?=[ \t]|$)/;
const ORDERED_ITEM = /^([ \t]*\d{1,9})([.)])(?=[ \t]|$)/;
const RULE_LINE = /^([ \t]*)([-=|:])(?=[-=|: \t]*$)/;
// Addresses that Teams clients or a linkifier could turn into links: scheme://…, www.…, and a
// domain followed by a path (evil.example/approve). An invisible break after ":" or "." defeats them.
const SCHEME = /([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)/g;
const WWW = /\b(www)\./gi;
const DOMAIN_WITH_PATH = /([A-Za-z0-9-])\.(?=[A-Za-z]{2,63}(?::\d+)?\/)/g;

/** Escapes text so that markdown renders exactly these characters, with no formatting, link or mention. */
export function escapeMarkdown(text: string): string {
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeLine(part)))
    .join('');
}

function escapeLine(line: string): string {
  let s = line.replace(ALWAYS, '\\$&').replace(LINK_CLOSE, '\\]').replace(ENTITY, '\\&');
  s = s
    .replace(HEADING, '$1\\$2')
    .replace(QUOTE, '$1\\>')
    .replace(BULLET, '$1\\$2')
    .replace(ORDERED_ITEM, '$1\\$2')
    .replace(RULE_LINE, '$1\\$2');
  s = s
    .replace(SCHEME, `$1:${ZERO_WIDTH_SPACE}`)
    .replace(WWW, `$1${ZERO_WIDTH_SPACE}.`)
    .replace(DOMAIN_WITH_PATH, `$1.${ZERO_WIDTH_SPACE}`);
  // Teams finds <at>…</at> in the raw text, escapes or not: break every tag-like "<x" as well.
  s = s.replace(/<(?=[A-Za-z/!?])/g, `<${ZERO_WIDTH_SPACE}`);
  return s.replace(/\{(?=\{)/g, `{${ZERO_WIDTH_SPACE}`);
}

/**
 * What a person reads when escaped text is rendered: backslash escapes resolved, invisible breaks
 * removed. For tests and logs; `plainText(escapeMarkdown(s)) === s` for every s without U+200B.
 */
export function plainText(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1').replaceAll(ZERO_WIDTH_SPACE, '');
}

/**
 * Markdown the bot wrote on purpose (never user text), passed to renderCard unescaped. Build it with
 * the `md` tag, which escapes every interpolated value, so only the literal parts are markup.
 */
export class Markdown {
  private constructor(readonly source: string) {}

  /** Markup that contains no user text at all. */
  static trusted(source: string): Markdown {
    return new Markdown(source);
  }

  toString(): string {
    return this.source;
  }

  toJSON(): string {
    return this.source;
  }
}

/** md`**${name}** booked` → Markdown with `name` escaped and the literal `**…**` kept. */
export function md(strings: TemplateStringsArray, ...values: (string | number | Markdown)[]): Markdown {
  let out = strings[0];
  values.forEach((v, i) => {
    out += (v instanceof Markdown ? v.source : escapeMarkdown(String(v))) + strings[i + 1];
  });
  return Markdown.trusted(out);
}
