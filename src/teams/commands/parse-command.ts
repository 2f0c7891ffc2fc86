// One anchored parser for all text (docs/DESIGN.md: teams-ai string routes are substring matches).
// "<at>IRO Bot</at> /Due this week" → { name: 'due', args: 'this week' }.

export interface ParsedCommand {
  name: string;
  args: string;
}

const MENTION = /<at>[^<]*<\/at>/gi;

/** Removes the bot's own mention markup (teams-ai strips the first one; be safe with the rest). */
export function stripBotMention(text: string, botNames: readonly string[] = []): string {
  let t = text.replace(/&nbsp;/g, ' ');
  for (const name of botNames) t = t.split(`<at>${name}</at>`).join(' ');
  return t.trim();
}

export function parseCommand(text: string | undefined | null): ParsedCommand | null {
  const t = (text ?? '').replace(/\u00a0/g, ' ').trim();
  // A leading mention that is not the bot's (already removed) is not a command.
  const m = /^\/?([a-z][a-z-]*)\b\s*(.*)$/is.exec(t);
  if (!m) return null;
  return { name: m[1].toLowerCase(), args: m[2].trim() };
}

/** Other people's mentions left in the arguments, e.g. "for <at>Megan</at>". */
export function mentionsIn(text: string): string[] {
  return [...text.matchAll(MENTION)].map((m) => m[0].replace(/<\/?at>/gi, '').trim());
}
