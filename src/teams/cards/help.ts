// The data of cards/help.json (/help) and the function building it. Display-ready values (cards.ts says what
// every card's data must be).
import type { TimescalePolicy } from '../../domain/policies.js';
import { CATALOGUES, type MessageKey, type Translate } from '../i18n/translate.js';
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

/**
 * A command's words in the catalogue: `command.<name>.usage` and `.description`. The registry's English
 * (which the manifest lists) is the English catalogue's text (test/teams/i18n-cards.spec.ts keeps them
 * equal); a command without keys shows the registry's words.
 */
function commandWords(c: { name: string; usage: string; description: string }, t: Translate): HelpCommand {
  const key = (part: 'usage' | 'description'): MessageKey | null => {
    const k = `command.${c.name}.${part}`;
    return Object.hasOwn(CATALOGUES.en, k) ? (k as MessageKey) : null;
  };
  const usage = key('usage');
  const description = key('description');
  return { usage: usage ? t(usage) : c.usage, description: description ? t(description) : c.description };
}

/** /help: the commands this person may use, and the policy in force. */
export function helpCardData(
  commands: readonly { name: string; usage: string; description: string }[],
  policy: TimescalePolicy,
  t: Translate,
): HelpCardData {
  return {
    title: t('help.title'),
    intro: t('help.intro'),
    commands: commands.map((c) => commandWords(c, t)),
    policy: policyLine(policy, t),
  };
}

declare module '../cards.js' {
  interface CardTemplates {
    'help': HelpCardData;
  }
}
