import { isAppError } from '../../domain/errors.js';
import type { ChannelAccount, ConversationReference } from 'botbuilder';
import type { DocCollection, Store } from '../doc-collection.js';
import { DELIVERY_COLLECTIONS, type ChannelPurpose, type ConversationDoc, type PurposeAssignment } from '../delivery-documents.js';

// Saved conversation references: where the bot can post on its own. Saved on install and on any
// message; a channel's purposes come from `/setup ...` and survive every later save.
//
// A channel is stored once, under its channel id (';messageid=...' removed), whatever thread the
// activity came from: purposes belong to the channel and proactive posts go to the channel.

/** The parts of an incoming activity a reference is made from (a botbuilder Activity fits). */
export interface ActivityLike {
  serviceUrl?: string;
  channelId?: string;
  locale?: string;
  from?: { id: string; name?: string; aadObjectId?: string; role?: string };
  recipient?: { id: string; name?: string };
  conversation?: { id: string; conversationType?: string; tenantId?: string; isGroup?: boolean; name?: string };
  channelData?: unknown;
}

export interface SaveOptions {
  now: Date;
  /** Personal chats: the staff member this 1:1 chat belongs to, when known. */
  staffId?: string | null;
}

export interface PurposeFilter {
  team?: string | null;
  guardianId?: string | null;
}

/** A channel conversation id without the thread suffix. */
export function channelConversationId(conversationId: string): string {
  const i = conversationId.indexOf(';messageid=');
  return i < 0 ? conversationId : conversationId.slice(0, i);
}

export class ConversationRepository {
  private readonly col: DocCollection<ConversationDoc>;

  constructor(store: Store) {
    this.col = store.collection<ConversationDoc>(DELIVERY_COLLECTIONS.conversations);
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ 'purposes.purpose': 1 }, { name: 'purposes.purpose' });
    await this.col.createIndex({ aadObjectId: 1 }, { name: 'aadObjectId' });
    await this.col.createIndex({ staffId: 1 }, { name: 'staffId' });
  }

  /** Upserts the reference of the activity's conversation; keeps existing purposes. */
  async save(activity: ActivityLike, opts: SaveOptions): Promise<ConversationDoc> {
    const conv = activity.conversation;
    if (!conv?.id || !activity.serviceUrl) throw new Error('activity has no conversation id or serviceUrl');
    const kind: ConversationDoc['kind'] = conv.conversationType === 'personal' ? 'personal'
      : conv.conversationType === 'groupChat' ? 'groupChat' : 'channel';
    const channelData = (activity.channelData ?? {}) as { team?: { id?: string }; channel?: { id?: string }; tenant?: { id?: string } };
    const id = kind === 'channel' ? channelConversationId(conv.id) : conv.id;
    const tenantId = conv.tenantId ?? channelData.tenant?.id ?? null;
    // Same fields as TurnContext.getConversationReference, kept here so store/ needs no SDK runtime.
    const reference: Partial<ConversationReference> = {
      bot: activity.recipient as ChannelAccount | undefined,
      user: kind === 'personal' ? activity.from as ChannelAccount | undefined : undefined,
      conversation: { ...conv, id } as ConversationReference['conversation'],
      channelId: activity.channelId,
      locale: activity.locale,
      serviceUrl: activity.serviceUrl,
    };
    const set: Partial<ConversationDoc> = {
      reference: stripUndefined(reference),
      kind,
      tenantId,
      teamId: kind === 'channel' ? channelData.team?.id ?? null : null,
      channelId: kind === 'channel' ? channelData.channel?.id ?? id : null,
      updatedAt: opts.now,
    };
    if (kind === 'personal') {
      if (activity.from?.aadObjectId) set.aadObjectId = activity.from.aadObjectId;
      if (opts.staffId) set.staffId = opts.staffId;
    }
    const doc = await this.col.findOneAndUpdate({ _id: id }, { $set: set, $setOnInsert: { purposes: [] } },
      { upsert: true, returnDocument: 'after' }).catch(async (err: unknown) => {
      // While the store takes no writes, a refreshed reference is not worth refusing the person's request over.
      if (!isAppError(err, 'store-unavailable')) throw err;
      return (await this.col.findOne({ _id: id })) ?? ({ _id: id, purposes: [], ...set } as ConversationDoc);
    });
    return doc!;
  }

  get(id: string): Promise<ConversationDoc | null> {
    return this.col.findOne({ _id: id });
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

  async clearPurpose(conversationId: string, purpose: ChannelPurpose, filter: PurposeFilter, now: Date): Promise<ConversationDoc | null> {
    return this.editPurposes(conversationId, now, (ps) => ps.filter((p) => !samePurpose(p, purpose, filter)));
  }

  /** Conversations with the purpose; `team`/`guardianId` narrow it when given. */
  findByPurpose(purpose: ChannelPurpose, filter: PurposeFilter = {}): Promise<ConversationDoc[]> {
    const elem: Record<string, unknown> = { purpose };
    if (filter.team !== undefined) elem.team = filter.team;
    if (filter.guardianId !== undefined) elem.guardianId = filter.guardianId;
    return this.col.find({ purposes: { $elemMatch: elem } }, { sort: { _id: 1 } }).toArray();
  }

  /** The 1:1 chat with a person, by staff id or AAD object id; the most recently used wins. */
  personalChatOf(who: { staffId?: string | null; aadObjectId?: string | null }): Promise<ConversationDoc | null> {
    const or: Record<string, string>[] = [];
    if (who.staffId) or.push({ staffId: who.staffId });
    if (who.aadObjectId) or.push({ aadObjectId: who.aadObjectId });
    if (!or.length) return Promise.resolve(null);
    return this.col.findOne({ kind: 'personal', $or: or }, { sort: { updatedAt: -1, _id: 1 } });
  }

  private async editPurposes(id: string, now: Date, edit: (ps: PurposeAssignment[]) => PurposeAssignment[]): Promise<ConversationDoc | null> {
    for (let i = 0; i < 10; i++) {
      const doc = await this.col.findOne({ _id: id });
      if (!doc) return null;
      const updated = await this.col.findOneAndUpdate({ _id: id, updatedAt: doc.updatedAt },
        { $set: { purposes: edit(doc.purposes ?? []), updatedAt: now } }, { returnDocument: 'after' });
      if (updated) return updated;
    }
    throw new Error(`conversation ${id} kept changing while setting its purpose`);
  }
}

function samePurpose(p: PurposeAssignment, purpose: ChannelPurpose, f: PurposeFilter): boolean {
  return p.purpose === purpose && (p.team ?? null) === (f.team ?? null) && (p.guardianId ?? null) === (f.guardianId ?? null);
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
