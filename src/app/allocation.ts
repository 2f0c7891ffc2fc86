// Reallocation of a child to another IRO by a reviewing team manager (issue 14, docs/DESIGN.md
// "Allocation"). Every choice is checked against W54.3 on all grounds (domain/eligibility.ts); the change
// goes through updateChild with its history entry, and the old and new IRO are told in their 1:1 chats.
import { hasRole, isReviewingManager } from '../domain/access.js';
import { isChildsIro } from '../domain/case-roles.js';
import { currentLoad, type CurrentLoad } from '../domain/allocation-load.js';
import { checkIroEligibility, type EligibilityResult } from '../domain/eligibility.js';
import { AppError } from '../domain/errors.js';
import type { Staff } from '../domain/types.js';
import type { ChildDoc, PendingMessage, StaffDoc } from '../store/documents.js';
import { changeTo, unchanged, updateChild } from './child-update.js';
import { today, type AppDeps } from './deps.js';

export interface IroOption {
  iro: StaffDoc;
  load: CurrentLoad;
  verdict: EligibilityResult;
}

function requireReviewingManager(actor: Staff): void {
  if (!isReviewingManager(actor)) {
    throw new AppError(
      'forbidden',
      'only a reviewing team manager can allocate an IRO',
      { example: '/due' },
      { key: 'errors.allocation.not-manager' },
    );
  }
}

async function loadChild(deps: AppDeps, ref: string): Promise<ChildDoc> {
  const child = await deps.children.get(ref);
  if (!child)
    throw new AppError(
      'not-found',
      `no child with reference ${ref}`,
      { example: '/allocate C1001' },
      { key: 'errors.allocation.no-child', params: { ref } },
    );
  return child;
}

async function directory(deps: AppDeps): Promise<Map<string, StaffDoc>> {
  const all = await deps.staff.list();
  return new Map(all.map((s) => [s._id, s]));
}

/** Every IRO with their current caseload and whether W54.3 allows them for this child (eligible first, lightest load first). */
export async function allocationOptions(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
): Promise<{ child: ChildDoc; options: IroOption[] }> {
  requireReviewingManager(actor);
  const child = await loadChild(deps, ref);
  const staffById = await directory(deps);
  const iros = [...staffById.values()].filter((s) => hasRole(s, 'iro') && !isChildsIro(s, child));
  const options = await Promise.all(
    iros.map(async (iro) => ({
      iro,
      load: currentLoad(await deps.children.listByIro(iro._id), iro.fte, today(deps)),
      verdict: checkIroEligibility(iro, child, staffById),
    })),
  );
  const weight = (o: IroOption) => (o.verdict.ok ? 0 : 1e9) + (o.load.perFte ?? o.load.children);
  return { child, options: options.sort((a, b) => weight(a) - weight(b) || a.iro._id.localeCompare(b.iro._id)) };
}

export interface Reallocated {
  ref: string;
  fromId: string;
  toId: string;
}

/** Moves the child's allocation to `toId`; refused (nothing written) for a non-manager, an unknown id or an ineligible IRO. */
export async function reallocateChild(deps: AppDeps, actor: StaffDoc, ref: string, toId: string): Promise<Reallocated> {
  requireReviewingManager(actor);
  return updateChild(
    deps,
    actor,
    () => loadChild(deps, ref),
    async (child) => {
      const staffById = await directory(deps);
      const to = staffById.get(toId);
      if (!to)
        throw new AppError(
          'not-found',
          `no staff member with id ${toId}`,
          { example: '/allocate C1001' },
          { key: 'errors.allocation.no-staff', params: { id: toId } },
        );
      if (child.iroId === toId) return unchanged({ ref: child.ref, fromId: toId, toId });
      const verdict = checkIroEligibility(to, child, staffById);
      if (!verdict.ok)
        throw new AppError(
          'ineligible-iro',
          `${to.name} cannot be ${child.ref}'s IRO: ${verdict.reason}`,
          {},
          { key: 'errors.allocation.ineligible', params: { name: to.name, ref: child.ref, reason: verdict.reason } },
        );
      const fromId = child.iroId;
      const note = (staffId: string, role: 'new' | 'old'): PendingMessage => ({
        key: `allocation:${child.ref}:${child.version}:${role}`,
        to: { kind: 'personal', staffId },
        message: {
          type: 'child-notice',
          data: {
            title: 'IRO allocation',
            text: allocationNotice(role, to.name, staffById.get(fromId)?.name ?? fromId),
            // The words in the reader's language at delivery (teams/presenters/pending-messages.ts).
            say: {
              title: { key: 'notice.allocation.title' },
              text: {
                key: `notice.allocation.${role}`,
                params: { to: to.name, from: staffById.get(fromId)?.name ?? fromId },
              },
            },
          },
        },
      });
      return changeTo(
        {
          set: { iroId: toId, iroAllocatedOn: today(deps) },
          pending: [note(toId, 'new'), ...(staffById.has(fromId) ? [note(fromId, 'old')] : [])],
          history: { action: 'reallocate', before: { iroId: fromId }, after: { iroId: toId } },
          audit: { action: 'reallocate', details: { fromId, toId } },
        },
        () => ({ ref: child.ref, fromId, toId }),
      );
    },
  );
}

function allocationNotice(role: 'new' | 'old', toName: string, fromName: string): string {
  return role === 'new'
    ? `This child has been allocated to you (previously ${fromName}).`
    : `This child has been reallocated to ${toName}; you are no longer their IRO.`;
}
