import type { Staff } from './types.js';

export type EligibilityResult = { ok: true } | { ok: false; reason: string };

/**
 * W54.3: nobody may be a child's IRO who is the child's social worker or manages that worker
 * (anywhere up the management line). The person must also hold the `iro` role. The other W54.3
 * grounds (care plan author, resources controller) are not in the data, so cannot be checked here.
 */
export function checkIroEligibility(
  iro: Staff,
  child: { socialWorkerId?: string | null },
  staffById: ReadonlyMap<string, Staff>,
): EligibilityResult {
  if (!iro.roles.includes('iro')) {
    return { ok: false, reason: `${iro.id} does not hold the iro role` };
  }
  const swId = child.socialWorkerId;
  if (!swId) return { ok: true };
  if (iro.id === swId) {
    return { ok: false, reason: `${iro.id} is the child's social worker (W54.3)` };
  }
  // Walk the worker's management line upwards; `seen` guards against cycles in bad data.
  const seen = new Set<string>([swId]);
  let managerId = staffById.get(swId)?.managerId ?? null;
  while (managerId && !seen.has(managerId)) {
    if (managerId === iro.id) {
      const direct = staffById.get(swId)?.managerId === iro.id;
      return {
        ok: false,
        reason: direct
          ? `${iro.id} manages ${swId}, the child's social worker (W54.3)`
          : `${iro.id} is in the management line of ${swId}, the child's social worker (W54.3)`,
      };
    }
    seen.add(managerId);
    managerId = staffById.get(managerId)?.managerId ?? null;
  }
  return { ok: true };
}
