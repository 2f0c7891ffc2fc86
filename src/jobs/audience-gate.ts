// The audience gate (issue 10; docs/DOMAIN.md "Children's Guardian liaison"; README "Guest safety"):
// the outbox sender asks it about EVERY message just before delivery — digests, reminders, booking,
// approval, resolution and liaison cards, notices, compliments, its own explanations — so no path can
// post past it. Each outbox document says which children it is about (`about.refs`); the rule is
// app/guest-safety.ts: if any guest in the target conversation is not the Guardian of every one of
// them, nothing is posted. A 1:1 chat is its own audience: its person must be in the staff directory,
// in the council's tenant, and not a guest (unless they are that child's Guardian).
//
// A withheld message is final (status 'withheld', listed in /setup status, never retried) and audited;
// someone who may know is told in their 1:1 chat:
// - a message about children who all have one IRO: that IRO, naming the children (they may see them);
// - otherwise (a service-wide message such as the service digest, a message about no child or about
//   children of several IROs, or an IRO without a 1:1 chat with the bot): every admin, naming no child.
// An explanation that is itself withheld is only audited (no explanation of an explanation).
import type { AppDeps } from '../app/deps.js';
import { checkAudience } from '../app/guest-safety.js';
import { mayShowChildNames } from '../domain/access.js';
import type { AudienceMember } from '../domain/guests.js';
import type { Logger } from '../logger.js';
import { NAMES_REASON, WITHHELD_REASON, type ConversationDoc, type OutboxDoc } from '../store/delivery-documents.js';
import type { ChildDoc } from '../store/documents.js';
import { cardAttachment, renderCard } from '../teams/cards.js';
import { childLabel } from '../teams/presenters/labels.js';
import {
  cardIn,
  conversationLanguage,
  summaryIn,
  type Reader,
  type ReaderLanguage,
} from '../teams/presenters/reader-language.js';
import type { LanguageCode } from '../domain/types.js';
import { personalChat } from './addresses.js';
import { SERVICE_WIDE_KINDS, TO_FORMER_GUARDIAN_KINDS, WITHHELD_EXPLANATION_KIND } from './outbox-kinds.js';

/** A message about more children than this is checked as about unknown children (no guest may see it). */
const MAX_REFS = 1_000;

export type GateDecision =
  | { send: true }
  /** A guest (or an unknown person) may not see it, or it names a child in a shared conversation: withhold. */
  | { send: false; withhold: true; unexpected: number; reason: string }
  /** The roster could not be read: nothing is posted now; the sender retries (and gives up in time). */
  | { send: false; withhold: false; reason: string };

export interface AudienceGate {
  /** Whether `doc` may be posted into `conversation` now. Never throws for a roster failure. */
  check(doc: OutboxDoc, conversation: ConversationDoc): Promise<GateDecision>;
  /** Explains, audits and marks the message withheld (in that order: a crash repeats, never loses, the explanation). */
  withhold(
    doc: OutboxDoc,
    conversation: ConversationDoc,
    verdict: { unexpected: number; reason: string },
    at: Date,
  ): Promise<void>;
}

export interface AudienceGateOptions {
  deps: Pick<AppDeps, 'staff' | 'children' | 'conversations' | 'outbox' | 'audit' | 'clock'>;
  /** Members of a channel or group chat (cached briefly by the caller). None: shared conversations cannot be checked. */
  listMembers?: (conversation: ConversationDoc) => Promise<AudienceMember[]>;
  /** The council's tenant: members and 1:1 chats from any other tenant are guests. */
  councilTenantId: string | null;
  /** SHOW_CHILD_NAMES_IN_CHANNELS: else a message that says it names children goes to 1:1 chats only. */
  showNamesInChannels?: boolean;
  /** DEFAULT_LANGUAGE: what an explanation is written in for a person with no choice and no Teams locale. */
  defaultLanguage?: LanguageCode;
  logger: Logger;
}

type Refs = { refs: string[]; known: boolean };

function refsOf(doc: OutboxDoc): Refs {
  const refs = doc.about?.refs;
  if (!Array.isArray(refs) || refs.length > MAX_REFS || !refs.every((r) => typeof r === 'string'))
    return { refs: [], known: false };
  return { refs, known: true };
}

type Translate = Reader['t'];

/** A kind as the catalogue's `withheld.kind` selects it (ICU keys take no hyphen). */
const KIND_KEYS: ReadonlySet<string> = new Set([
  'service-digest',
  'iro-digest',
  'review-reminder',
  'record-reminder',
  'review-booking',
  'reschedule-approval',
  'resolution-card',
  'resolution-reminder',
  'resolution-escalation-prompt',
  'child-notice',
  'import-report',
  'participation-reminder',
]);
const kindLabel = (kind: string | undefined, t: Translate) =>
  t('withheld.kind', {
    kind: KIND_KEYS.has(kind ?? '') ? kind!.replace(/-/g, '_') : kind?.startsWith('liaison-') ? 'liaison' : 'other',
  });

function where(conversation: ConversationDoc, t: Translate): string {
  const purpose = conversation.purposes?.[0]?.purpose;
  const kind =
    conversation.kind === 'personal'
      ? 'personal'
      : purpose
        ? 'purpose'
        : conversation.kind === 'groupChat'
          ? 'group_chat'
          : 'channel';
  const name = purpose ? t('replies.setup.purpose', { purpose: purpose.replace(/-/g, '_') }) : '';
  return t('withheld.where', { where: kind, name });
}

/** A warning notice in the reader's language ("both": Welsh, then English). */
function notice(
  language: ReaderLanguage,
  words: (t: Translate) => { title: string; text: string; summary: string },
): Record<string, unknown> {
  const card = cardIn(language, (t) => {
    const w = words(t);
    return renderCard('notice', { title: w.title, text: w.text, tone: 'warning', example: '' });
  });
  return {
    type: 'message',
    summary: summaryIn(language, (t) => words(t).summary),
    attachments: [cardAttachment(card)],
  };
}

export function createAudienceGate(opts: AudienceGateOptions): AudienceGate {
  const { deps, logger } = opts;

  async function childrenOf(refs: string[]): Promise<{ children: ChildDoc[]; missing: number }> {
    const children: ChildDoc[] = [];
    let missing = 0;
    for (const ref of refs) {
      const c = await deps.children.get(ref);
      if (c) children.push(c);
      else missing++;
    }
    return { children, missing };
  }

  async function check(doc: OutboxDoc, conversation: ConversationDoc): Promise<GateDecision> {
    if (doc.about?.names && !mayShowChildNames(conversation.kind, opts.showNamesInChannels === true)) {
      return { send: false, withhold: true, unexpected: 0, reason: NAMES_REASON };
    }
    const { refs, known } = refsOf(doc);
    const { children, missing } = await childrenOf(refs);
    // About unknown children (an older document, a child no longer on record): no guest is their Guardian.
    const about = known && missing === 0 ? children : [...children, { proceedings: null } as unknown as ChildDoc];
    const verdict = await checkAudience(deps, {
      conversation,
      children: about,
      councilTenantId: opts.councilTenantId,
      requireKnownPerson: true,
      members: () =>
        opts.listMembers ? opts.listMembers(conversation) : Promise.reject(new Error('no member lister')),
      allowFormerGuardian: TO_FORMER_GUARDIAN_KINDS.has(doc.kind ?? ''),
    });
    if (verdict.ok) return { send: true };
    if (verdict.unexpected === null)
      return { send: false, withhold: false, reason: "could not read the conversation's members" };
    return { send: false, withhold: true, unexpected: verdict.unexpected, reason: WITHHELD_REASON };
  }

  /** The IRO of every child the message is about, if they all have the same one with a 1:1 chat elsewhere. */
  async function responsibleIro(
    children: ChildDoc[],
    refs: Refs,
    conversation: ConversationDoc,
  ): Promise<{ staffId: string; chat: ConversationDoc } | null> {
    if (!refs.known || children.length === 0 || children.length !== refs.refs.length) return null;
    const iros = new Set(children.map((c) => c.iroId ?? null));
    const [iroId] = [...iros];
    if (iros.size !== 1 || !iroId) return null;
    const iro = await deps.staff.get(iroId);
    if (!iro) return null;
    const chat = await personalChat(deps.conversations, iroId, iro);
    return chat && chat._id !== conversation._id ? { staffId: iroId, chat } : null;
  }

  /** The language of a 1:1 chat: its person's (reader-language.ts), else the council's. */
  async function languageOf(chat: ConversationDoc): Promise<ReaderLanguage> {
    const person = chat.staffId ? await deps.staff.get(chat.staffId) : null;
    return conversationLanguage(chat, () => person ?? undefined, opts.defaultLanguage ?? 'en');
  }

  async function explain(
    doc: OutboxDoc,
    conversation: ConversationDoc,
    refs: Refs,
    reason: string,
    at: Date,
  ): Promise<string[]> {
    const { children } = await childrenOf(refs.refs);
    const why = reason === NAMES_REASON ? 'names' : 'guest';
    const count = children.length;
    const told: string[] = [];
    const iro = SERVICE_WIDE_KINDS.has(doc.kind ?? '') ? null : await responsibleIro(children, refs, conversation);
    if (iro) {
      const names = children.map((c) => childLabel(c, true)).join(', ');
      // In the IRO's language (their chat's), like every message to them (issue 13).
      const language = await languageOf(iro.chat);
      await deps.outbox.enqueue({
        _id: `${doc._id}:withheld`,
        kind: WITHHELD_EXPLANATION_KIND,
        about: { refs: refs.refs, names: true },
        target: { conversationId: iro.chat._id },
        enqueuedAt: at,
        activity: notice(language, (t) => ({
          title: t('withheld.iro.title', { names }),
          text: t('withheld.iro.text', {
            label: kindLabel(doc.kind, t),
            count,
            where: where(conversation, t),
            why,
          }),
          summary: t('withheld.iro.summary', { refs: refs.refs.join(', ') }),
        })),
      });
      told.push(iro.staffId);
      return told;
    }
    // Nobody may be told which children: the admins learn that something was withheld, and where.
    const known = refs.known ? 'yes' : 'no';
    for (const admin of await deps.staff.listByRole('admin')) {
      const chat = await personalChat(deps.conversations, admin._id, admin);
      if (!chat || chat._id === conversation._id) continue;
      const language = await languageOf(chat);
      await deps.outbox.enqueue({
        _id: `${doc._id}:withheld:${admin._id}`,
        kind: WITHHELD_EXPLANATION_KIND,
        about: { refs: [], names: false },
        target: { conversationId: chat._id },
        enqueuedAt: at,
        activity: notice(language, (t) => ({
          title: t('withheld.admin.title'),
          text: t('withheld.admin.text', {
            label: kindLabel(doc.kind, t),
            known,
            count: refs.refs.length,
            where: where(conversation, t),
            why,
          }),
          summary: t('withheld.admin.title'),
        })),
      });
      told.push(admin._id);
    }
    return told;
  }

  async function withhold(
    doc: OutboxDoc,
    conversation: ConversationDoc,
    verdict: { unexpected: number; reason: string },
    at: Date,
  ): Promise<void> {
    const { unexpected, reason } = verdict;
    const refs = refsOf(doc);
    const told = doc.kind === WITHHELD_EXPLANATION_KIND ? [] : await explain(doc, conversation, refs, reason, at);
    await deps.audit.record({
      at: deps.clock(),
      actor: { id: 'outbox-sender', kind: 'system' },
      action: 'delivery.withheld',
      subject: refs.refs.length === 1 ? refs.refs[0] : (doc.kind ?? 'unknown'),
      details: {
        key: doc._id,
        kind: doc.kind ?? null,
        conversationId: conversation._id,
        conversationKind: conversation.kind,
        refs: refs.refs.slice(0, 40),
        refCount: refs.known ? refs.refs.length : null,
        names: doc.about?.names ?? null,
        unexpectedGuests: unexpected,
        reason,
        told,
      },
    });
    await deps.outbox.markWithheld(doc._id, reason, at);
    logger.warn(
      { key: doc._id, kind: doc.kind, conversationId: conversation._id, unexpected, told },
      'message withheld: a guest in the conversation may not see it',
    );
  }

  return { check, withhold };
}
