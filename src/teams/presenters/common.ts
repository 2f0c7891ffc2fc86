import type { AppDeps } from '../../app/deps.js';
import type { ResolvedScope } from '../../app/scope.js';
import type { TimescalePolicy } from '../../domain/policies.js';
import type { StaffDoc } from '../../store/documents.js';
import type { Language, Translate } from '../i18n/translate.js';
import { catalogueKey, ENGLISH } from './labels.js';

/** Who is looking, and where (names in a personal chat or where channels may show them). */
export interface ListViewer {
  deps: AppDeps;
  actor: StaffDoc;
  showChildNames: boolean;
  /** The language this person reads (issue 13), and the catalogue bound to it. */
  language: Language;
  t: Translate;
}

export function policyLine(policy: TimescalePolicy, t: Translate = ENGLISH): string {
  const known = catalogueKey('policy', policy.id);
  return t('card.policy', { id: policy.id, label: known ? t(known) : policy.label });
}

export function scopeLabel(scope: ResolvedScope, actor: StaffDoc, t: Translate = ENGLISH): string {
  if (scope.kind === 'team') return t('card.scope.team');
  if (scope.kind === 'own' || scope.person._id === actor._id) return t('card.scope.own');
  return t('card.scope.person', { name: scope.person.name });
}

export async function staffNames(deps: Pick<AppDeps, 'staff'>): Promise<Map<string, string>> {
  return new Map((await deps.staff.list()).map((s) => [s._id, s.name]));
}
