import type { AppDeps } from '../../app/deps.js';
import { isSubjectKind, loadForActor, type SubjectKind, type SubjectOf } from '../../app/load-for-actor.js';
import type { ChildDoc, StaffDoc } from '../../store/documents.js';
import type { AdaptiveCardJson } from '../cards.js';
import type { ConversationKind } from '../commands/command-context.js';
import type { Language, Translate } from '../i18n/translate.js';
import { assertGuestMay } from '../guest-gate.js';
import { checkCardData } from './card-data.js';

/** Everything a card-verb handler gets (Action.Execute → adaptiveCard/action invoke), besides its subject. */
export interface ActionContext {
  deps: AppDeps;
  actor: StaffDoc;
  verb: string;
  /**
   * The action's data merged with the card's inputs, without the fields that named the subject (the
   * loader took those) — untrusted: validate every field (zod).
   */
  data: Record<string, unknown>;
  conversationType: ConversationKind;
  conversationId: string;
  showChildNames: boolean;
  /** The invoke came from the card's `refresh` (a user-specific view), not a button. */
  isRefresh: boolean;
  /** The language the person who clicked reads (issue 13), and the catalogue bound to it. */
  language: Language;
  t: Translate;
  /**
   * Set only by the `fileConsent/invoke` route (teams/file-consent.ts) when the person accepted a file:
   * where Teams lets the bot upload it. Never from card data, so an Action.Execute cannot name an upload URL.
   */
  fileUpload?: FileUploadTarget;
}

/** Teams' uploadInfo of an accepted file consent card (the fields the bot uses). */
export interface FileUploadTarget {
  uploadUrl: string;
  contentUrl: string;
  name: string;
  uniqueId: string;
  fileType: string;
}

/** What invoke.ts hands over: the same, with the card data exactly as it arrived. */
export type InvokeContext = Omit<ActionContext, 'data'> & { data: unknown };

export type ActionReply =
  /** Replace the card for whoever invoked; with `updateForAll`, also update the message for everyone. */
  | { kind: 'card'; card: AdaptiveCardJson; updateForAll?: boolean }
  /** A short answer shown on the card (refusals, "already decided by X at T"). */
  | { kind: 'message'; text: string }
  /** A file uploaded to the person's OneDrive (the file consent flow): answered with a file info card. */
  | { kind: 'file'; file: FileUploadTarget; bytes: number };

/**
 * One file per card verb in teams/card-verbs/, one line in the registry (like commands). A verb cannot
 * exist without its access rule: `subject` names the kind of thing it acts on, and `run` receives that
 * thing only from the access-checked loader (app/load-for-actor.ts) — never ids to load by itself.
 */
export interface ActionSpec<K extends SubjectKind> {
  verb: string;
  /** What the verb acts on; the loader checks "who may see this child" for it before `run` is called. */
  subject: K;
  run(ctx: ActionContext, subject: SubjectOf<K>): Promise<ActionReply>;
}

declare const registeredVerb: unique symbol;

/** A verb's answer, with the children it is about (the loaded subject's child): whoever posts it
 *  beyond the person who clicked (an update for everyone) checks that conversation's audience first. */
export type AnsweredReply = ActionReply & { about: readonly ChildDoc[] };

/** A verb as the registry holds it: made only by `defineAction`, so it always answers through the loader. */
export interface CardVerb {
  readonly verb: string;
  readonly subject: SubjectKind;
  /** Guest gate → card-data shape → access-checked loader → the handler. */
  answer(ctx: InvokeContext): Promise<AnsweredReply>;
  readonly [registeredVerb]: true;
}

const made = new WeakSet<object>();

/** Verbs are lower-case dotted words, like the templates use (`review.reschedule.approve`). */
export const VERB_PATTERN = /^[a-z]+(?:[.-][a-z]+)+$/;

export function defineAction<K extends SubjectKind>(spec: ActionSpec<K>): CardVerb {
  const { verb, subject, run } = spec as Partial<ActionSpec<K>>;
  if (typeof verb !== 'string' || !VERB_PATTERN.test(verb))
    throw new Error(`card verb ${String(verb)}: not a verb name`);
  if (!isSubjectKind(subject))
    throw new Error(`card verb ${verb}: no access rule (subject must be one of the loader's kinds)`);
  if (typeof run !== 'function') throw new Error(`card verb ${verb}: no handler`);
  const cardVerb = {
    verb,
    subject,
    async answer(ctx: InvokeContext): Promise<AnsweredReply> {
      assertGuestMay(ctx.actor, { verb });
      const data = checkCardData(ctx.data);
      const { subject: loaded, rest } = await loadForActor(ctx.deps, ctx.actor, subject, data, verb);
      const reply = await run({ ...ctx, data: rest }, loaded);
      return { ...reply, about: 'child' in loaded ? [loaded.child] : [] };
    },
  } as CardVerb;
  made.add(cardVerb);
  return Object.freeze(cardVerb);
}

/** Whether this object came from `defineAction` (the registry refuses anything else at start-up). */
export function isDefinedAction(v: unknown): v is CardVerb {
  return typeof v === 'object' && v !== null && made.has(v);
}
