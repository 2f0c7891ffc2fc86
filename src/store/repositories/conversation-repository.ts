import { isAppError } from '../../domain/errors.js';
import type { DocCollection, Store } from '../doc-collection.js';
import {
  DELIVERY_COLLECTIONS,
  type ChannelPurpose,
  type ChannelLanguage,
  type ConversationAddress,
  type ConversationDoc,
  type PurposeAssignment,
} from '../delivery-documents.js';

// Saved conversations: where the bot can post on its own, as neutral addresses (src/teams/ makes
// them from activities: conversation-address.ts). Saved on install and on any message; a channel's
// purposes come from `/setup ...` and survive every later save.

export interface SaveOptions {
  now: Date;
  /** Personal chats: the staff member this 1:1 chat belongs to, when known. */
  staffId?: string | null;
}

export interface PurposeFilter {
  team?: string | null;
  guardianId?: string | null;
}

/**
 * The shape on disk: documents written before addresses existed hold a Bot Framework
 * ConversationReference (as plain data) in `reference` and no `address`.
 */
type StoredConversationDoc = Omit<ConversationDoc, 'address'> & {
  address?: ConversationAddress;
  reference?: LegacyReference;
};

interface LegacyReference {
  bot?: { id?: string; name?: string };
  user?: { id?: string; name?: string; aadObjectId?: string };
  conversation?: { id?: string; tenantId?: string };
  channelId?: string;
  locale?: string;
  serviceUrl?: string;
}

/** A stored conversation with its address; an old document's reference is read as one (migrate on read). */
export function withAddress(doc: StoredConversationDoc): ConversationDoc {
  const { reference, ...rest } = doc;
  if (rest.address) return rest as ConversationDoc;
  const r = reference ?? {};
  const address: ConversationAddress = {
    conversationId: doc._id,
    kind: doc.kind,
    serviceUrl: r.serviceUrl ?? '',
    platform: r.channelId ?? null,
    tenantId: doc.tenantId ?? r.conversation?.tenantId ?? null,
    teamId: doc.teamId ?? null,
    channelId: doc.channelId ?? null,
    bot: r.bot?.id ? { id: r.bot.id, ...(r.bot.name !== undefined ? { name: r.bot.name } : {}) } : null,
    user:
      doc.kind === 'personal' && r.user?.id
        ? {
            id: r.user.id,
            ...(r.user.name !== undefined ? { name: r.user.name } : {}),
            ...(r.user.aadObjectId ? { aadObjectId: r.user.aadObjectId } : {}),
          }
        : null,
    locale: r.locale ?? null,
  };
  return { ...rest, address } as ConversationDoc;
}

export class ConversationRepository {
  private readonly col: DocCollection<StoredConversationDoc>;
  private readonly listeners = new Set<() => void>();

  constructor(store: Store) {
    this.col = store.collection<StoredConversationDoc>(DELIVERY_COLLECTIONS.conversations);
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ 'purposes.purpose': 1 }, { name: 'purposes.purpose' });
    await this.col.createIndex({ aadObjectId: 1 }, { name: 'aadObjectId' });
    await this.col.createIndex({ staffId: 1 }, { name: 'staffId' });
  }

  /**
   * Upserts the conversation's address; keeps existing purposes (and replaces an old-style reference).
   * Written only when something changed, or to refresh `updatedAt` ("most recently used") once per
   * TOUCH_INTERVAL_MS: every message calls this, and a write is an fsync.
   */
  async save(address: ConversationAddress, opts: SaveOptions): Promise<ConversationDoc> {
    const id = address.conversationId;
    if (!id || !address.serviceUrl) throw new Error('address has no conversation id or serviceUrl');
    const set: Partial<StoredConversationDoc> = {
      address,
      kind: address.kind,
      tenantId: address.tenantId,
      teamId: address.kind === 'channel' ? address.teamId : null,
      channelId: address.kind === 'channel' ? address.channelId : null,
      updatedAt: opts.now,
    };
    if (address.kind === 'personal') {
      if (address.user?.aadObjectId) set.aadObjectId = address.user.aadObjectId;
      if (opts.staffId) set.staffId = opts.staffId;
    }
    const existing = await this.col.findOne({ _id: id });
    if (existing && !needsWrite(existing, set, opts.now)) return withAddress(existing);
    const doc = await this.col
      .findOneAndUpdate(
        { _id: id },
        { $set: set, $unset: { reference: '' }, $setOnInsert: { purposes: [] } },
        { upsert: true, returnDocument: 'after' },
      )
      .catch(async (err: unknown) => {
        // While the store takes no writes, a refreshed address is not worth refusing the person's request over.
        if (!isAppError(err, 'store-unavailable')) throw err;
        return (await this.col.findOne({ _id: id })) ?? ({ _id: id, purposes: [], ...set } as StoredConversationDoc);
      });
    if (!existing || addressChanged(existing, set)) this.changed();
    return withAddress(doc!);
  }

  /**
   * Calls `listener` after a change that may give a waiting message somewhere to go: a new or changed
   * conversation, a purpose set or cleared (in this process; other instances are not heard).
   */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async get(id: string): Promise<ConversationDoc | null> {
    const doc = await this.col.findOne({ _id: id });
    return doc && withAddress(doc);
  }

  /**
   * Gives a conversation a purpose, replacing an assignment of the same purpose for the same
   * team/Guardian. Read-modify-write guarded by updatedAt, so a concurrent change is retried, not lost.
   */
  async setPurpose(conversationId: string, assignment: PurposeAssignment): Promise<ConversationDoc | null> {
    return this.editPurposes(conversationId, assignment.setAt, (ps) => [
      ...ps.filter((p) => !samePurpose(p, assignment.purpose, assignment)),
      { ...assignment, team: assignment.team ?? null, guardianId: assignment.guardianId ?? null },
    ]);
  }

  /** A channel's language (`/setup language cy|en|both`); null when the conversation is not saved. */
  async setLanguage(conversationId: string, language: ChannelLanguage, now: Date): Promise<ConversationDoc | null> {
    const updated = await this.col.findOneAndUpdate(
      { _id: conversationId },
      { $set: { language, updatedAt: now } },
      { returnDocument: 'after' },
    );
    if (updated) this.changed();
    return updated && withAddress(updated);
  }

  async clearPurpose(
    conversationId: string,
    purpose: ChannelPurpose,
    filter: PurposeFilter,
    now: Date,
  ): Promise<ConversationDoc | null> {
    return this.editPurposes(conversationId, now, (ps) => ps.filter((p) => !samePurpose(p, purpose, filter)));
  }

  /** Conversations with the purpose; `team`/`guardianId` narrow it when given. */
  findByPurpose(purpose: ChannelPurpose, filter: PurposeFilter = {}): Promise<ConversationDoc[]> {
    const elem: Record<string, unknown> = { purpose };
    if (filter.team !== undefined) elem.team = filter.team;
    if (filter.guardianId !== undefined) elem.guardianId = filter.guardianId;
    return this.col
      .find({ purposes: { $elemMatch: elem } }, { sort: { _id: 1 } })
      .toArray()
      .then((ds) => ds.map(withAddress));
  }

  /** The 1:1 chat with a person, by staff id or AAD object id; the most recently used wins. */
  personalChatOf(who: { staffId?: string | null; aadObjectId?: string | null }): Promise<ConversationDoc | null> {
    const or: Record<string, string>[] = [];
    if (who.staffId) or.push({ staffId: who.staffId });
    if (who.aadObjectId) or.push({ aadObjectId: who.aadObjectId });
    if (!or.length) return Promise.resolve(null);
    return this.col
      .findOne({ kind: 'personal', $or: or }, { sort: { updatedAt: -1, _id: 1 } })
      .then((d) => d && withAddress(d));
  }

  private changed(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch {
        // A listener's failure is its own; the change is saved.
      }
    }
  }

  private async editPurposes(
    id: string,
    now: Date,
    edit: (ps: PurposeAssignment[]) => PurposeAssignment[],
  ): Promise<ConversationDoc | null> {
    for (let i = 0; i < 10; i++) {
      const doc = await this.col.findOne({ _id: id });
      if (!doc) return null;
      const updated = await this.col.findOneAndUpdate(
        { _id: id, updatedAt: doc.updatedAt },
        { $set: { purposes: edit(doc.purposes ?? []), updatedAt: now } },
        { returnDocument: 'after' },
      );
      if (updated) {
        this.changed();
        return withAddress(updated);
      }
    }
    throw new Error(`conversation ${id} kept changing while setting its purpose`);
  }
}

/** A saved conversation's `updatedAt` is refreshed at most this often when nothing else changed. */
export const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

function needsWrite(existing: StoredConversationDoc, set: Partial<StoredConversationDoc>, now: Date): boolean {
  if (existing.reference !== undefined || addressChanged(existing, set)) return true;
  const last = existing.updatedAt instanceof Date ? existing.updatedAt.getTime() : NaN;
  return !(now.getTime() - last < TOUCH_INTERVAL_MS);
}

/** Whether `set` changes anything but `updatedAt`. */
function addressChanged(existing: StoredConversationDoc, set: Partial<StoredConversationDoc>): boolean {
  return Object.entries(set).some(
    ([k, v]) => k !== 'updatedAt' && !sameData(existing[k as keyof StoredConversationDoc], v),
  );
}

/** Structural equality of stored data; a missing value and null are the same (the store writes undefined as null). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null || b === undefined || b === null) return (a ?? null) === (b ?? null);
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!sameData(ao[k], bo[k])) return false;
  return true;
}

function samePurpose(p: PurposeAssignment, purpose: ChannelPurpose, f: PurposeFilter): boolean {
  return (
    p.purpose === purpose && (p.team ?? null) === (f.team ?? null) && (p.guardianId ?? null) === (f.guardianId ?? null)
  );
}
