// The data of cards/help.json. Display-ready values; see cards.ts for the rules every card's data follows.

export interface HelpCommand {
  usage: string;
  description: string;
}

export interface HelpCardData {
  /** "IRO Bot commands" */
  title: string;
  /** One line, e.g. "Type a command, or @mention IRO Bot in a channel." */
  intro: string;
  commands: HelpCommand[];
  policy: string;
}

declare module '../cards.js' {
  interface CardTemplates {
    'help': HelpCardData;
  }
}
