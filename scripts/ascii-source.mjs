// The bundle's source as ASCII only (scripts/bundle.mjs). V8 keeps a script's source in the heap for as long as
// the script lives (lazy functions compile from it), and one character above U+00FF anywhere makes the whole
// source a two-byte string: the 19 MB bundle held 37 MB of heap for a few regular expressions and licence
// comments. esbuild escapes strings but leaves regular expression literals as written; a \uXXXX escape means
// the same character in a regular expression (with or without the u flag), a string, an identifier or a
// comment, so every UTF-16 unit above U+007F is written as one.

/** `source` with every character above U+007F written as \uXXXX (per UTF-16 unit: surrogate pairs as two). */
export function asciiSource(source) {
  return source.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
