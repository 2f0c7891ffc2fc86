// The data of cards/resolution-raise.json (/raise REF) and the function building it. Display-ready values
// (cards.ts says what every card's data must be).
import { RESOLUTION_THEMES } from '../../domain/resolutions/index.js';
import type { IsoDate } from '../../domain/types.js';
import type { ChildDoc } from '../../store/documents.js';
import { childLabel, label } from '../presenters/labels.js';
import type { Translate } from '../i18n/translate.js';
import type { CardChoice } from '../card-parts.js';

export interface ResolutionRaiseCardData {
  /** "Raise a resolution · C100 · Dylan Evans" */
  title: string;
  ref: string;
  themes: CardChoice[];
  /** "Formal resolution cards are posted in the social work team channel (north) with the case ref and initials only…" */
  hint: string;
  /** Min date for "by when" (today). */
  today: string;
  /** Informal (stage 0) and formal (stage 1). */
  stages: CardChoice[];
  labels: ResolutionRaiseCardLabels;
}

/** The form's own words (issue 13: the template carries none). */
export interface ResolutionRaiseCardLabels {
  theme: string;
  stage: string;
  summary: string;
  ask: string;
  askBy: string;
  chooseTheme: string;
  chooseStage: string;
  writeSummary: string;
  sayAsk: string;
  raise: string;
}

export function resolutionRaiseCardLabels(t: Translate): ResolutionRaiseCardLabels {
  return {
    theme: t('raise.label.theme'),
    stage: t('raise.label.stage'),
    summary: t('raise.label.summary'),
    ask: t('raise.label.ask'),
    askBy: t('raise.label.ask-by'),
    chooseTheme: t('raise.error.theme'),
    chooseStage: t('raise.error.stage'),
    writeSummary: t('raise.error.summary'),
    sayAsk: t('raise.error.ask'),
    raise: t('raise.button'),
  };
}

/** The /raise form for a child on the IRO's caseload. */
export function resolutionRaiseCardData(
  child: ChildDoc,
  today: IsoDate,
  showNames: boolean,
  t: Translate,
): ResolutionRaiseCardData {
  const to = child.socialWorkTeam
    ? t('raise.to-team', { team: label(child.socialWorkTeam, '—', t) })
    : t('raise.to-people');
  return {
    title: t('raise.title', { child: childLabel(child, showNames) }),
    ref: child.ref,
    themes: RESOLUTION_THEMES.map((theme) => ({ title: label(theme, '—', t), value: theme })),
    hint: t('raise.hint', { to }),
    today,
    stages: [
      { title: t('raise.label.informal'), value: '0' },
      { title: t('raise.label.formal'), value: '1' },
    ],
    labels: resolutionRaiseCardLabels(t),
  };
}

declare module '../cards.js' {
  interface CardTemplates {
    'resolution-raise': ResolutionRaiseCardData;
  }
}
