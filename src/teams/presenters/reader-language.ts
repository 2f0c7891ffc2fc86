// Which language a proactive message is written in (issue 13; docs/DESIGN.md "Languages"): a 1:1 chat
// in its person's (their choice, else their Teams client's locale, else the council's); a channel or
// group chat in its own (`/setup language cy|en|both`), else the council's. "both" = Welsh first, then
// English, in the same card. Also the Reader (a translator and its language) that cards and queued messages
// are built for.
import type { ChannelLanguage, ConversationDoc } from '../../store/delivery-documents.js';
import type { StaffDoc } from '../../store/documents.js';
import { cardAttachment, type AdaptiveCardJson } from '../cards.js';
import { MESSAGE_LIMIT_BYTES, utf16Bytes } from '../message-size.js';
import { languageFor } from '../i18n/choose-language.js';
import type { LanguageCode } from '../../domain/types.js';
import { isLanguage, translator, type Language, type Translate } from '../i18n/translate.js';
import { languageOf } from './labels.js';

export type ReaderLanguage = ChannelLanguage;

export function conversationLanguage(
  conversation: Pick<ConversationDoc, 'kind' | 'language' | 'staffId' | 'address'>,
  staff: (id: string) => Pick<StaffDoc, 'language'> | undefined,
  councilDefault: Language,
): ReaderLanguage {
  if (conversation.kind === 'personal') {
    const person = conversation.staffId ? staff(conversation.staffId) : undefined;
    return languageFor(person ?? {}, conversation.address?.locale, councilDefault);
  }
  return conversation.language ?? councilDefault;
}

/** The languages a card is written in, in order: "both" is Welsh first. */
export function languagesOf(language: ReaderLanguage): Language[] {
  return language === 'both' ? ['cy', 'en'] : [language];
}

type Action = Record<string, unknown> & { title?: unknown };

/**
 * The card `build` writes, in one language or, for "both", the Welsh card with the English card's body
 * below a separator. Card-level buttons appear once, titled "Cymraeg / English" (the two builds give the
 * same buttons in the same order). A bilingual card larger than Teams takes is sent in Welsh alone.
 */
export function cardIn(language: ReaderLanguage, build: (t: Translate, language: Language) => AdaptiveCardJson) {
  if (language !== 'both') return build(translator(language), language);
  const cy = build(translator('cy'), 'cy');
  const en = build(translator('en'), 'en');
  const bodyOf = (card: AdaptiveCardJson) => (Array.isArray(card.body) ? (card.body as unknown[]) : []);
  const cyActions = Array.isArray(cy.actions) ? (cy.actions as Action[]) : [];
  const enActions = Array.isArray(en.actions) ? (en.actions as Action[]) : [];
  const both: AdaptiveCardJson = {
    ...cy,
    body: [...bodyOf(cy), { type: 'Container', separator: true, spacing: 'ExtraLarge', items: bodyOf(en) }],
    ...(cyActions.length
      ? {
          actions: cyActions.map((a, i) => {
            const other = enActions[i]?.title;
            return typeof other === 'string' && other !== a.title
              ? { ...a, title: `${String(a.title)} / ${other}` }
              : a;
          }),
        }
      : {}),
  };
  // Room for the rest of the activity (summary, attachment envelope) under the message limit.
  return utf16Bytes(cardAttachment(both)) <= MESSAGE_LIMIT_BYTES - 2048 ? both : cy;
}

/** A notification preview (activity summary) in the reader's language; "both": "Cymraeg / English". */
export function summaryIn(language: ReaderLanguage, build: (t: Translate) => string): string {
  return languagesOf(language)
    .map((l) => build(translator(l)))
    .join(' / ');
}

/** Who reads a card: the catalogue and the date words of their language. */
export interface Reader {
  t: Translate;
  language: LanguageCode;
}

/** The reader of a card: the person's chosen language, else English (the cards that carry no language yet). */
export function readerOf(person: { language?: LanguageCode | null } | null | undefined): Reader {
  const language = person?.language ?? 'en';
  return { t: translator(language), language };
}

/** The reader a translator is bound to (cards built with `t` from the person who reads them). */
export function readerFrom(t: Translate): Reader {
  return { t, language: languageOf(t) };
}

/**
 * The reader of a queued 1:1 message: its conversation's language at delivery (reader-language.ts); for a
 * conversation that reads both, the language the message was queued in.
 */
export function deliveryReader(data: Record<string, unknown>, language: 'en' | 'cy' | 'both'): Reader {
  if (language !== 'both') return readerOf({ language });
  return readerOf({ language: isLanguage(data.language) ? data.language : 'cy' });
}
