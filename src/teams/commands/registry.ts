// The command registry (docs/DESIGN.md rule 2): adding a command = one file + one line here.
// It also generates /help and the manifest's commandLists (test/manifest keeps them in step).
import { actionsCommand } from './actions.js';
import { bookCommand } from './book.js';
import { caseCommand } from './case.js';
import { caseloadCommand } from './caseload.js';
import { AppError } from '../../domain/errors.js';
import type { CommandSpec, ConversationKind } from './command-context.js';
import type { CommandScope, CommandSpecMeta } from './command-spec.js';
import { distributedCommand } from './distributed.js';
import { dueCommand } from './due.js';
import { heldCommand } from './held.js';
import { helpCommand } from './help.js';
import { rescheduleCommand } from './reschedule.js';
import { setupCommand } from './setup.js';
import { raiseCommand } from './raise.js';
import { resolutionsCommand } from './resolutions.js';
import { complimentCommand } from './compliment.js';
import { liaisonCommand } from './liaison.js';
import { reportCommand } from './report.js';
import { notifyCommand } from './notify.js';
import { allocateCommand } from './allocate.js';
import { coverCommand } from './cover.js';
import { languageCommand } from './language.js';

export const COMMANDS: readonly CommandSpec[] = [
  dueCommand,
  caseloadCommand,
  actionsCommand,
  caseCommand,
  bookCommand,
  rescheduleCommand,
  heldCommand,
  distributedCommand,
  notifyCommand,
  allocateCommand,
  coverCommand,
  raiseCommand,
  resolutionsCommand,
  complimentCommand,
  liaisonCommand,
  reportCommand,
  setupCommand,
  helpCommand,
  languageCommand,
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

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
  throw new AppError('forbidden', `/${spec.name} works only in ${where}${why}`, { example: spec.example });
}
