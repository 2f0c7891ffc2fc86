// One anchored parser for all text (docs/DESIGN.md: teams-ai string routes are substring matches).
// "<at>IRO Bot</at> /Due this week" → { name: 'due', args: 'this week' }.
// Welsh command names are aliases resolved here (issue 13), so the rest of the bot knows one name each.

export interface ParsedCommand {
  name: string;
  args: string;
}

/**
 * Welsh name → command name. Chosen to be what a Welsh speaker would type (docs/DESIGN.md "Commands",
 * docs/GLOSSARY.md): "dyledus" (due), "llwyth-achosion" (caseload), "camau" (actions), "achos" (case),
 * "cymorth" (help), "iaith" (language), "trefnu" (book: arrange), "aildrefnu" (reschedule),
 * "adroddiad" (report), "cyswllt" (liaison). None is also an English command name.
 */
export const WELSH_COMMAND_NAMES: Readonly<Record<string, string>> = {
  dyledus: 'due',
  'llwyth-achosion': 'caseload',
  camau: 'actions',
  achos: 'case',
  cymorth: 'help',
  iaith: 'language',
  trefnu: 'book',
  aildrefnu: 'reschedule',
  adroddiad: 'report',
  cyswllt: 'liaison',
  cynllun: 'plan',
  rhybudd: 'alert',
  cyfranogiad: 'participation',
  dyrannu: 'allocate',
  cyflenwi: 'cover',
};

/** The bot's own mention is already gone (bot.ts: the teams-ai option removeRecipientMention). */
export function parseCommand(text: string | undefined | null): ParsedCommand | null {
  const t = (text ?? '').replace(/\u00a0/g, ' ').trim();
  // A leading mention that is not the bot's (already removed) is not a command.
  const m = /^\/?([a-z][a-z-]*)\b\s*(.*)$/is.exec(t);
  if (!m) return null;
  const name = m[1].toLowerCase();
  return { name: Object.hasOwn(WELSH_COMMAND_NAMES, name) ? WELSH_COMMAND_NAMES[name] : name, args: m[2].trim() };
}
