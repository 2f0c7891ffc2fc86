// The data of cards/notice.json and the function building it; callers may also write the data as a literal.
// Display-ready values (cards.ts says what every card's data must be).

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

export interface NoticeCardData {
  title: string;
  text: string;
  tone: NoticeTone;
  /** e.g. "Try: /due next week"; omit or '' for none. */
  example?: string;
}

/** A one-message card: an answer, a refusal or an error, with an example of what to type ('' for none). */
export function noticeCardData(tone: NoticeTone, title: string, text: string, example = ''): NoticeCardData {
  return { title, text, tone, example };
}

declare module '../cards.js' {
  interface CardTemplates {
    'notice': NoticeCardData;
  }
}
