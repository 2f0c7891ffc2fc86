import type { AppDeps } from '../../app/deps.js';
import type { ChannelMember } from '../../app/setup-channel.js';
import type { StaffDoc } from '../../store/documents.js';
import type { AdaptiveCardJson } from '../cards.js';
import type { Language, Translate } from '../i18n/translate.js';
import type { CommandSpecMeta } from './command-spec.js';
import type { FileOffer } from '../file-offer.js';

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

/** Everything a command handler gets: the caller, the arguments, and where it was asked. */
export interface CommandContext {
  deps: AppDeps;
  actor: StaffDoc;
  args: string;
  conversationType: ConversationKind;
  /** The conversation id as stored (a channel's id without its thread suffix). */
  conversationId: string;
  /** Members of this conversation's team or chat, as Teams reports them. */
  listMembers(): Promise<ChannelMember[]>;
  /** The council's own tenant: anyone from another tenant is a guest. */
  councilTenantId: string | null;
  /** Full child names only in a personal chat, or where config allows it (docs/DOMAIN.md privacy). */
  showChildNames: boolean;
  /** Finds a staff member from an @mention, an e-mail address or a staff id. */
  resolvePerson(text: string): Promise<StaffDoc | null>;
  /** The language this person reads (issue 13), and the catalogue bound to it. */
  language: Language;
  t: Translate;
  /** The other commands, for /help. */
  commands: readonly CommandSpecMeta[];
  /** Sends a file consent card to this (personal) chat before the command's answer (teams/file-consent.ts). */
  offerFile?(offer: FileOffer): Promise<void>;
}

export interface CommandSpec extends CommandSpecMeta {
  run(ctx: CommandContext): Promise<AdaptiveCardJson>;
}
