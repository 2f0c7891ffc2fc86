// View models of the resolution cards (cards/resolution*.json). Display-ready values only; the
// presenter (presenters/resolution-card.ts) decides what each viewer sees.
import type { CardFact } from './card-fact.js';

export interface CardChoice {
  title: string;
  value: string;
}

export interface CardMention {
  /** Teams user id ('29:…') or AAD object id. */
  id: string;
  name: string;
}

export interface ResolutionCardModel {
  /** "Resolution C100-R1 · C100 · D.E." */
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

export interface ResolutionRaiseModel {
  /** "Raise a resolution · C100 · Dylan Evans" */
  title: string;
  ref: string;
  themes: CardChoice[];
  /** "Formal resolution cards are posted in the social work team channel (north) with the case ref and initials only…" */
  hint: string;
  /** Min date for "by when" (today). */
  today: string;
}

export interface ResolutionListRow {
  /** "C100-R1 · C100 · D.E." */
  title: string;
  ref: string;
  id: string;
  /** "Care planning · Stage 1 (formal) · Awaiting acknowledgement" */
  detail: string;
  /** "3 working days old" */
  age: string;
  /** "Acknowledge by Wed 2 Sep 2026" or "Resolved Fri 4 Sep 2026" */
  next: string;
  isOverdue: boolean;
}

export interface ResolutionListModel {
  title: string;
  subtitle: string;
  rows: ResolutionListRow[];
  emptyText: string;
}

export interface ReferralItemRow {
  label: string;
  itemId: string;
  gathered: boolean;
  /** "Gathered by Alex Wilber, Mon 7 Sep 2026" or "Not yet" */
  status: string;
}

export interface ResolutionReferralModel {
  /** "Cafcass referral pack · C100-R1 · C100 · Dylan Evans" */
  title: string;
  facts: CardFact[];
  items: ReferralItemRow[];
  /** "3 of 8 gathered" */
  progress: string;
  ref: string;
  id: string;
  canGather: boolean;
}
