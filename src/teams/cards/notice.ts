// The data of cards/notice.json. Display-ready values; see cards.ts for the rules every card's data follows.

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

export interface NoticeCardData {
  title: string;
  text: string;
  tone: NoticeTone;
  /** e.g. "Try: /due next week"; omit or '' for none. */
  example?: string;
}

declare module '../cards.js' {
  interface CardTemplates {
    'notice': NoticeCardData;
  }
}
