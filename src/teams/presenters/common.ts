import type { Translate } from '../i18n/translate.js';
import type { AppDeps } from '../../app/deps.js';
import type { ResolvedScope } from '../../app/scope.js';
import type { TimescalePolicy } from '../../domain/policies.js';
import type { StaffDoc } from '../../store/documents.js';

/** Who is looking, and where (names in a personal chat or where channels may show them). */
export interface ListViewer {
  deps: AppDeps;
  actor: StaffDoc;
  showChildNames: boolean;
  /** The viewer's language (issue 13), where the caller has it; English otherwise. */
  t?: Translate;
}

export function policyLine(policy: TimescalePolicy): string {
  return `Policy: ${policy.id} (${policy.label})`;
}

export function scopeLabel(scope: ResolvedScope, actor: StaffDoc): string {
  if (scope.kind === 'team') return 'whole service';
  if (scope.kind === 'own' || scope.person._id === actor._id) return 'your children';
  return `${scope.person.name}'s children`;
}

export async function staffNames(deps: Pick<AppDeps, 'staff'>): Promise<Map<string, string>> {
  return new Map((await deps.staff.list()).map((s) => [s._id, s.name]));
}
