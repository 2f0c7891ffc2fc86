// One anchored parser for all text (docs/DESIGN.md: teams-ai string routes are substring matches).
// "<at>IRO Bot</at> /Due this week" → { name: 'due', args: 'this week' }.

export interface ParsedCommand {
  name: string;
  args: string;
}

/** The bot's own mention is already gone (bot.ts: the teams-ai option removeRecipientMention). */
export function parseCommand(text: string | undefined | null): ParsedCommand | null {
  const t = (text ?? '').replace(/\u00a0/g, ' ').trim();
  // A leading mention that is not the bot's (already removed) is not a command.
  const m = /^\/?([a-z][a-z-]*)\b\s*(.*)$/is.exec(t);
  if (!m) return null;
  return { name: m[1].toLowerCase(), args: m[2].trim() };
}
