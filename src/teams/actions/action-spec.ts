import type { AppDeps } from '../../app/deps.js';
import type { StaffDoc } from '../../store/documents.js';
import type { AdaptiveCardJson } from '../cards.js';
import type { ConversationKind } from '../commands/command-context.js';

/** Everything a card-verb handler gets (Action.Execute → adaptiveCard/action invoke). */
export interface ActionContext {
  deps: AppDeps;
  actor: StaffDoc;
  verb: string;
  /** The action's data merged with the card's inputs — untrusted: validate every field (zod). */
  data: Record<string, unknown>;
  conversationType: ConversationKind;
  conversationId: string;
  showChildNames: boolean;
  /** The invoke came from the card's `refresh` (a user-specific view), not a button. */
  isRefresh: boolean;
}

export type ActionReply =
  /** Replace the card for whoever invoked; with `updateForAll`, also update the message for everyone. */
  | { kind: 'card'; card: AdaptiveCardJson; updateForAll?: boolean }
  /** A short answer shown on the card (refusals, "already decided by X at T"). */
  | { kind: 'message'; text: string };

/** One file per card verb in teams/actions/, one line in the registry (like commands). */
export interface ActionSpec {
  verb: string;
  run(ctx: ActionContext): Promise<ActionReply>;
}
