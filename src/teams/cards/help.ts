// The data of cards/help.json (/help) and the function building it. Display-ready values (cards.ts says what
// every card's data must be).
import type { TimescalePolicy } from '../../domain/policies.js';
import { policyLine } from '../presenters/common.js';


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

/** /help: the commands this person may use, and the policy in force. */
export function helpCardData(commands: readonly { usage: string; description: string }[], policy: TimescalePolicy): HelpCardData {
  return {
    title: 'IRO Bot commands',
    intro: 'Type a command here, or @mention IRO Bot in a channel. The slash is optional.',
    commands: commands.map((c) => ({ usage: c.usage, description: c.description })),
    policy: policyLine(policy),
  };
}

declare module '../cards.js' {
  interface CardTemplates {
    'help': HelpCardData;
  }
}
