// Which language a person reads (issue 13): the one they chose, else their Teams client's, else the council's.
import type { Language } from './translate.js';

/** A Teams locale ("cy-GB", "cy") names Welsh; anything else, or none, names no choice. */
export function languageFromLocale(locale: string | undefined | null): Language | null {
  if (typeof locale !== 'string') return null;
  return /^cy(?:[-_]|$)/i.test(locale.trim()) ? 'cy' : null;
}

export function languageFor(
  person: { language?: Language | null },
  locale: string | undefined | null,
  councilDefault: Language,
): Language {
  return person.language ?? languageFromLocale(locale) ?? councilDefault;
}

/** The word for a language, in either language: "welsh"/"cymraeg"/"cy", "english"/"saesneg"/"en". */
const WORDS: Readonly<Record<string, Language>> = {
  english: 'en',
  saesneg: 'en',
  en: 'en',
  welsh: 'cy',
  cymraeg: 'cy',
  cy: 'cy',
};

export function languageFromWord(word: string): Language | null {
  return Object.hasOwn(WORDS, word.trim().toLowerCase()) ? WORDS[word.trim().toLowerCase()] : null;
}
