// Which language a proactive message is written in (issue 13; docs/DESIGN.md "Languages"): a 1:1 chat
// in its person's (their choice, else their Teams client's locale, else the council's); a channel or
// group chat in its own (`/setup language cy|en|both`), else the council's. "both" = Welsh first, then
// English, in the same card.
import type { ChannelLanguage, ConversationDoc } from '../../store/delivery-documents.js';
import type { StaffDoc } from '../../store/documents.js';
import { cardAttachment, type AdaptiveCardJson } from '../cards.js';
import { MESSAGE_LIMIT_BYTES, utf16Bytes } from '../message-size.js';
import { languageFor } from '../i18n/choose-language.js';
import { translator, type Language, type Translate } from '../i18n/translate.js';

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
