import type { IsoDate } from '../../domain/types.js';
import type { ChannelLanguage, ConversationDoc } from '../../store/delivery-documents.js';
import type { ChildDoc } from '../../store/documents.js';

// The shape of a renderer of a queued message (own module: pending-messages.ts collects renderers
// from several presenters, which need these types, and a shared module keeps them out of a cycle).

export interface PendingRenderContext {
  conversation: ConversationDoc;
  child: ChildDoc;
  /** Full names may be shown in this conversation. */
  showNames: boolean;
  staffNames: ReadonlyMap<string, string>;
  today: IsoDate;
  /** The council's time zone (TZ_NAME), for booking times. */
  tzName: string;
  /** What the conversation reads (presenters/reader-language.ts); "both" = Welsh first, then English. */
  language: ChannelLanguage;
}

export type Activity = Record<string, unknown>;
export type PendingRenderer = (data: Record<string, unknown>, ctx: PendingRenderContext) => Activity;
