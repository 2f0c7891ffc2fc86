// A conservative model of what Teams could render from Adaptive Card markdown (TextBlock text,
// Fact title/value): the CommonMark subset (emphasis, code, links, images, lists, headings, quotes,
// setext and table rows, entities, HTML), Teams' <at> mentions and {{DATE()}} functions, and bare
// links a client might linkify. It reports every construct that could form at an unescaped position
// (stricter than a real renderer), and the text a person would read. (`${…}` is not markdown: the
// template engine never re-reads data, and renderCard defuses it; cards-hostile.spec checks that.)
export interface Rendered {
  /** What a person reads: escapes resolved; invisible U+200B breaks kept (they defeat linkifiers). */
  plain: string;
  /** Constructs that could format, link, mention or evaluate: empty for safe text. */
  constructs: string[];
}

const PUNCT = /[!-/:-@[-`{-~]/;

export function renderModel(markdown: string): Rendered {
  const chars: { ch: string; escaped: boolean }[] = [];
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown[i];
    if (c === '\\' && i + 1 < markdown.length && PUNCT.test(markdown[i + 1])) {
      chars.push({ ch: markdown[i + 1], escaped: true });
      i++;
    } else chars.push({ ch: c, escaped: false });
  }
  const constructs: string[] = [];
  const plain = chars.map((c) => c.ch).join('');
  chars.forEach((c, i) => {
    if (c.escaped) return;
    if ('*_~`<'.includes(c.ch)) constructs.push(`inline ${c.ch} at ${i}`);
    if (c.ch === ']' && i + 1 < chars.length && '([:'.includes(chars[i + 1].ch))
      constructs.push(`link ]${chars[i + 1].ch} at ${i}`);
    if (c.ch === '&' && /^&#?[A-Za-z0-9]+;/.test(plain.slice(i))) constructs.push(`entity at ${i}`);
  });
  // Block markers, line by line.
  let start = 0;
  for (let i = 0; i <= chars.length; i++) {
    const end = i === chars.length || chars[i].ch === '\n' || chars[i].ch === '\r';
    if (!end) continue;
    const line = chars.slice(start, i);
    start = i + 1;
    let j = 0;
    while (j < line.length && !line[j].escaped && (line[j].ch === ' ' || line[j].ch === '\t')) j++;
    const rest = line.slice(j);
    const after = (k: number) => k >= rest.length || rest[k].ch === ' ' || rest[k].ch === '\t';
    const first = rest[0];
    if (!first || first.escaped) continue;
    let h = 0;
    while (h < rest.length && rest[h].ch === '#' && !rest[h].escaped) h++;
    if (h >= 1 && h <= 6 && after(h)) constructs.push('heading');
    if (first.ch === '>') constructs.push('quote');
    if ('-+*'.includes(first.ch) && after(1)) constructs.push('bullet');
    let d = 0;
    while (d < rest.length && /\d/.test(rest[d].ch)) d++;
    if (d >= 1 && d <= 9 && d < rest.length && !rest[d].escaped && '.)'.includes(rest[d].ch) && after(d + 1))
      constructs.push('ordered item');
    if (
      rest.every((c) => ' \t'.includes(c.ch) || ('-=|:'.includes(c.ch) && !c.escaped)) &&
      rest.some((c) => '-=|:'.includes(c.ch))
    )
      constructs.push('rule or table row');
  }
  if (/[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(plain)) constructs.push('autolink scheme');
  if (/\bwww\./i.test(plain)) constructs.push('autolink www');
  if (/[A-Za-z0-9-]\.[A-Za-z]{2,63}(?::\d+)?\//.test(plain)) constructs.push('autolink domain/path');
  if (plain.includes('{{')) constructs.push('{{function}}');
  // Teams matches mention and HTML-like tags in the raw text, whatever the markdown escapes say.
  if (/<\/?[A-Za-z!?]/.test(markdown)) constructs.push('tag in the raw text');
  return { plain, constructs };
}
