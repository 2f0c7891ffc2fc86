import type { ScopeRequest } from '../../app/scope.js';
import { AppError } from '../../domain/errors.js';
import type { CommandContext } from './command-context.js';

/** Splits "next week for <at>Megan</at>" / "today team" into the rest and a scope request. */
export async function takeScope(
  args: string,
  ctx: CommandContext,
  example: string,
): Promise<{ rest: string; scope: ScopeRequest }> {
  // English "for PERSON" / "team", Welsh "ar gyfer PERSON" / "tîm" (issue 13).
  const forMatch = /(?:^|\s)(?:for|ar gyfer)\s+(.+)$/i.exec(args);
  if (forMatch) {
    const who = forMatch[1].trim();
    const person = await ctx.resolvePerson(who);
    if (!person) {
      const shown = who.replace(/<\/?at>/gi, '').slice(0, 60);
      throw new AppError(
        'invalid-input',
        `I can't find "${shown}" in the staff directory: ` +
          'name a person with an @mention, their e-mail address or their staff id',
        { example: `${example} for alex@council.example` },
        { key: 'errors.scope.person-unknown', params: { who: shown } },
      );
    }
    return { rest: args.slice(0, forMatch.index).trim(), scope: { kind: 'person', person } };
  }
  const teamMatch = /(?:^|\s)(?:team|tîm|tim)$/i.exec(args);
  if (teamMatch) return { rest: args.slice(0, teamMatch.index).trim(), scope: { kind: 'team' } };
  return { rest: args.trim(), scope: { kind: 'default' } };
}
