// The data of cards/resolution-referral.json, the Cafcass referral checklist, and the function building it.
// Display-ready values (cards.ts says what every card's data must be).
import type { ResolutionView } from '../../app/resolutions.js';
import { REFERRAL_ITEMS } from '../../domain/resolutions/index.js';
import { formatDateTime } from '../../domain/dates-format.js';
import { childLabel, plural } from '../presenters/labels.js';
import type { CardFact } from '../card-parts.js';

export interface ReferralItemRow {
  label: string;
  itemId: string;
  gathered: boolean;
  /** "Gathered by Alex Wilber, Mon 7 Sep 2026" or "Not yet" */
  status: string;
}

export interface ResolutionReferralCardData {
  /** "Cafcass referral pack · C100-RES1 · C100 · Dylan Evans" */
  title: string;
  facts: CardFact[];
  items: ReferralItemRow[];
  /** "3 of 8 gathered" */
  progress: string;
  ref: string;
  id: string;
  canGather: boolean;
}

export function resolutionReferralCardData(v: ResolutionView, showNames: boolean, tzName: string): ResolutionReferralCardData {
  const r = v.resolution;
  const ref = r.referral!;
  const gathered = ref.items.filter((i) => i.gathered).length;
  const notice = r.seniorOfficerNotice;
  return {
    title: `Cafcass referral pack · ${r.id} · ${childLabel(v.child, showNames)}`,
    facts: [
      { title: 'Referred', value: `${formatDateTime(ref.at, tzName)} by ${ref.byName}` },
      ...(notice ? [{ title: 'Senior officer notified', value: `${formatDateTime(notice.at, tzName)} (${v.people.get(notice.officerId)?.name ?? notice.officerId})` }] : []),
      ...(ref.cutShortReason ? [{ title: 'Process cut short because', value: ref.cutShortReason }] : []),
    ],
    items: ref.items.map((i) => ({
      label: REFERRAL_ITEMS.find((x) => x.id === i.id)?.label ?? i.id,
      itemId: i.id,
      gathered: !!i.gathered,
      status: i.gathered ? `Gathered by ${i.gathered.byName}, ${formatDateTime(i.gathered.at, tzName)}` : 'Not yet',
    })),
    progress: `${gathered} of ${plural(ref.items.length, 'item')} gathered`,
    ref: v.child.ref,
    id: r.id,
    canGather: v.permissions.gatherReferral,
  };
}

declare module '../cards.js' {
  interface CardTemplates {
    'resolution-referral': ResolutionReferralCardData;
  }
}
