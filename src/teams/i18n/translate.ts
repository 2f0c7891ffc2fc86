// t(key, params) bound to one person's language (issue 13). Messages are ICU MessageFormat compiled once
// per language and key by intl-messageformat (FormatJS), which knows Welsh's six plural categories.
import { IntlMessageFormat } from 'intl-messageformat';
import { ENGLISH_DATES, WELSH_DATES, type DateLocale } from '../../domain/dates-format.js';
import type { LanguageCode } from '../../domain/types.js';
import { cy } from './cy.js';
import { en, type MessageKey } from './en.js';

export type Language = LanguageCode;
export const LANGUAGES: readonly Language[] = ['en', 'cy'];
export type { MessageKey } from './en.js';

/** The values a message's placeholders take. */
export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const CATALOGUES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en, cy };
/** ICU locale tags: en-GB so numbers read "1,234" as the bot always wrote them. */
const LOCALE_TAG: Readonly<Record<Language, string>> = { en: 'en-GB', cy: 'cy-GB' };
const DATE_LOCALES: Readonly<Record<Language, DateLocale>> = { en: ENGLISH_DATES, cy: WELSH_DATES };

const compiled = new Map<string, IntlMessageFormat>();

function message(language: Language, key: MessageKey): IntlMessageFormat {
  const id = `${language}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) compiled.set(id, (format = new IntlMessageFormat(CATALOGUES[language][key], LOCALE_TAG[language])));
  return format;
}

/** Whether a key (e.g. an AppError's `userMessage.key`, a plain string in domain/) is in the catalogues. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'cy';
}

/** The translator for one language: every word a person reads comes through one of these. */
export function translator(language: Language): Translate {
  return (key, params) => String(message(language, key).format(params));
}

/** The date-fns locale for dates written in `language` (formatDate(d, dateLocale('cy')) → "Mer 2 Rhag 2026"). */
export function dateLocale(language: Language): DateLocale {
  return DATE_LOCALES[language];
}
