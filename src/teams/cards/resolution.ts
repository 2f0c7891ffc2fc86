// The data of cards/resolution.json. The presenter (presenters/resolution-card.ts) decides what each viewer
// sees. Display-ready values; see cards.ts for the rules every card's data follows.
import type { CardChoice, CardFact } from '../card-parts.js';

export interface CardMention {
  /** Teams user id ('29:…') or AAD object id. */
  id: string;
  name: string;
}

export interface ResolutionCardData {
  /** "Resolution C100-RES1 · C100 · D.E." */
  title: string;
  /** Banner, e.g. "Reminder: acknowledgement was due by Wed 2 Sep 2026"; '' hides it. */
  headline: string;
  headlineAttention: boolean;
  /** "Awaiting acknowledgement by Wed 2 Sep 2026", "Acknowledged by Dafydd Thomas at Thu 3 Sep 2026 10:15" */
  status: string;
  statusColor: 'Default' | 'Good' | 'Warning' | 'Attention';
  /** "For: <at>Dafydd Thomas</at>, <at>Owen Jenkins</at>"; '' hides it. */
  addressedTo: string;
  facts: CardFact[];
  summary: string;
  ask: string;
  /** The current stage's response; '' hides the section. */
  response: string;
  /** Agreed actions: title = "by Fri 11 Sep 2026", value = the action. */
  agreedActions: CardFact[];
  /** Dated lines of what happened (who and when). */
  timeline: CardFact[];
  ref: string;
  id: string;
  /** Current stage number as text (sent back with every button: stale cards are refused). */
  stage: string;
  canAcknowledge: boolean;
  canRespond: boolean;
  canResolve: boolean;
  canEscalate: boolean;
  /** One-click "Escalate to Stage 2 (head of service)"; '' hides the button. */
  nextStageTitle: string;
  nextStage: string;
  /** Later stages for the escalate/skip form. */
  escalateChoices: CardChoice[];
  canNotifySeniorOfficer: boolean;
  /** "Before a Cafcass referral the nominated senior officer (Ceri Davies) must be notified." */
  seniorOfficerText: string;
  canRefer: boolean;
  /** The referral needs a cut-short reason (not yet at stage 5). */
  referNeedsReason: boolean;
  mentions: CardMention[];
  /** Users whose clients re-fetch the card for their own view (refresh). */
  refreshUserIds: string[];
}

declare module '../cards.js' {
  interface CardTemplates {
    'resolution': ResolutionCardData;
  }
}
