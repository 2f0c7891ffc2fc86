import type { AppDeps } from '../../app/deps.js';
import type { StaffDoc } from '../../store/documents.js';
import type { AdaptiveCardJson } from '../cards.js';
import type { CommandSpecMeta } from './command-spec.js';

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

/** Everything a command handler gets: the caller, the arguments, and where it was asked. */
export interface CommandContext {
  deps: AppDeps;
  actor: StaffDoc;
  args: string;
  conversationType: ConversationKind;
  /** Full child names only in a personal chat, or where config allows it (DOMAIN.md privacy). */
  showChildNames: boolean;
  /** Finds a staff member from an @mention, an e-mail address or a staff id. */
  resolvePerson(text: string): Promise<StaffDoc | null>;
  /** The other commands, for /help. */
  commands: readonly CommandSpecMeta[];
}

export interface CommandSpec extends CommandSpecMeta {
  run(ctx: CommandContext): Promise<AdaptiveCardJson>;
}
