// The data of cards/reschedule-approval.json. Display-ready values; see cards.ts for the rules every card's
// data follows.
import type { CardFact } from '../card-parts.js';

export type StatusTone = 'default' | 'good' | 'attention' | 'warning';

export interface RescheduleApprovalCardData {
  /** "Reschedule request · C1001 · D.E." */
  title: string;
  subtitle: string;
  facts: CardFact[];
  outsideTimescale: boolean;
  /** "Within timescale" / "OUTSIDE TIMESCALE: 6 days after the due-by date" */
  timescaleText: string;
  /** "Waiting for a reviewing team manager" / "Approved by X at T" */
  status: string;
  statusTone: StatusTone;
  /** Buttons and the comment box for whoever may decide it now. */
  canDecide: boolean;
  ref: string;
  requestId: string;
  /** Teams user ids (29:...) of deciders known to the bot, for the refresh. */
  refreshUserIds: string[];
  /** The comment typed before a refused Decline, and why it was refused ('' hides). */
  defaultComment: string;
  errorTitle: string;
  errorText: string;
}

declare module '../cards.js' {
  interface CardTemplates {
    'reschedule-approval': RescheduleApprovalCardData;
  }
}
