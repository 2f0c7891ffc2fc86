// The data of cards/resolution-referral.json, the Cafcass referral checklist, and the function building it.
// Display-ready values (cards.ts says what every card's data must be).
import type { ResolutionView } from '../../app/resolutions.js';
import { REFERRAL_ITEMS } from '../../domain/resolutions/index.js';
import { formatDateTime } from '../../domain/dates-format.js';
import { isMessageKey, type Translate } from '../i18n/translate.js';
import { childLabel, datesOf, ENGLISH } from '../presenters/labels.js';
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
  /** "Referral pack · 3 of 8 items gathered" */
  progress: string;
  /** The "Gathered" button's title. */
  gatheredTitle: string;
  ref: string;
  id: string;
  canGather: boolean;
}

/** The referral pack in the reader's language (`t`; English by default). */
export function resolutionReferralCardData(
  v: ResolutionView,
  showNames: boolean,
  tzName: string,
  t: Translate = ENGLISH,
): ResolutionReferralCardData {
  const r = v.resolution;
  const ref = r.referral!;
  const gathered = ref.items.filter((i) => i.gathered).length;
  const notice = r.seniorOfficerNotice;
  const at = (d: Date | string) => formatDateTime(d, tzName, datesOf(t));
  const itemLabel = (id: string) => {
    const key = `referral.item.${id}`;
    return isMessageKey(key) ? t(key) : (REFERRAL_ITEMS.find((x) => x.id === id)?.label ?? id);
  };
  return {
    title: t('referral.title', { id: r.id, child: childLabel(v.child, showNames) }),
    facts: [
      { title: t('referral.fact.referred'), value: t('referral.referred', { at: at(ref.at), name: ref.byName }) },
      ...(notice
        ? [
            {
              title: t('referral.fact.senior-officer'),
              value: `${at(notice.at)} (${v.people.get(notice.officerId)?.name ?? notice.officerId})`,
            },
          ]
        : []),
      ...(ref.cutShortReason ? [{ title: t('referral.fact.cut-short'), value: ref.cutShortReason }] : []),
    ],
    items: ref.items.map((i) => ({
      label: itemLabel(i.id),
      itemId: i.id,
      gathered: !!i.gathered,
      status: i.gathered
        ? t('referral.gathered-by', { name: i.gathered.byName, at: at(i.gathered.at) })
        : t('referral.not-yet'),
    })),
    progress: t('referral.progress', { gathered, total: ref.items.length }),
    gatheredTitle: t('referral.button.gathered'),
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
