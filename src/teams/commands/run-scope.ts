// Where a command may run (docs/DESIGN.md rule 2): one answer for every command and sub-command asked elsewhere.
import { AppError } from '../../domain/errors.js';
import type { ConversationKind } from './command-context.js';
import type { CommandScope, CommandSpecMeta } from './command-spec.js';

const SCOPE_OF: Record<ConversationKind, CommandScope> = {
  personal: 'personal',
  channel: 'team',
  groupChat: 'groupChat',
};
const PLACE: Record<CommandScope, string> = {
  personal: 'a personal chat with me',
  team: 'a channel',
  groupChat: 'a group chat',
};

/** Whether the command may run in this kind of conversation (its declared scopes). */
export function runsIn(spec: Pick<CommandSpecMeta, 'scopes'>, kind: ConversationKind): boolean {
  return spec.scopes.includes(SCOPE_OF[kind]);
}

/** Refuses a command asked where it does not run, naming where it does (the one answer for every command). */
export function assertRunsHere(
  spec: Pick<CommandSpecMeta, 'name' | 'scopes' | 'example'>,
  kind: ConversationKind,
): void {
  if (runsIn(spec, kind)) return;
  const places = spec.scopes.map((s) => PLACE[s]);
  const where =
    places.length > 1 ? `${places.slice(0, -1).join(', ')} or ${places[places.length - 1]}` : (places[0] ?? 'nowhere');
  const why =
    spec.scopes.length === 1 && spec.scopes[0] === 'personal' ? ': what it shows is only shown in a personal chat' : '';
  const personalOnly = spec.scopes.length === 1 && spec.scopes[0] === 'personal';
  throw new AppError(
    'forbidden',
    `/${spec.name} works only in ${where}${why}`,
    { example: spec.example },
    // The places as one ICU select over the scopes in a fixed order ("personal_team"), so each language joins its own.
    {
      key: 'errors.command.where',
      params: {
        command: spec.name,
        places: (['personal', 'team', 'groupChat'] as const).filter((s) => spec.scopes.includes(s)).join('_'),
        personalOnly: personalOnly ? 'yes' : 'no',
      },
    },
  );
}
