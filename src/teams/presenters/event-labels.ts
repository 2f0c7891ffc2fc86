// Issue 14's vocabulary words through the catalogue (legal statuses on the new-entry and allocation cards).
import { LEGAL_STATUSES, type LegalStatus } from '../../domain/types.js';
import type { CardChoice } from '../card-parts.js';
import type { MessageKey, Translate } from '../i18n/translate.js';

export function legalStatusLabel(t: Translate, status: LegalStatus): string {
  return t(`events.legal-status.${status}` satisfies MessageKey);
}

export function legalStatusChoices(t: Translate): CardChoice[] {
  return LEGAL_STATUSES.map((s) => ({ title: legalStatusLabel(t, s), value: s }));
}
