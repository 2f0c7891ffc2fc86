// Reallocation of a child to another IRO by a reviewing team manager (issue 14, docs/DESIGN.md
// "Allocation"). Every choice is checked against W54.3 on all grounds (domain/eligibility.ts); the change
// goes through updateChild with its history entry, and the old and new IRO are told in their 1:1 chats.
import { hasRole, isReviewingManager } from '../domain/access.js';
import { isChildsIro } from '../domain/case-roles.js';
import { currentLoad, type CurrentLoad } from '../domain/allocation-load.js';
import {
  checkIroEligibility,
  whyParams,
  type CaseRoles,
  type EligibilityResult,
  type IneligibleWhy,
} from '../domain/eligibility.js';
import { AppError } from '../domain/errors.js';
import { UNALLOCATED } from '../domain/new-entry.js';
import type { Staff } from '../domain/types.js';
import type { ChildDoc, PendingMessage, StaffDoc } from '../store/documents.js';
import { changeTo, unchanged, updateChild } from './child-update.js';
import { today, type AppDeps } from './deps.js';

/** The 1:1 card to the IRO given a child new to care (rendered in teams/presenters/allocation-messages.ts). */
export const IRO_ALLOCATED_KIND = 'iro-allocated';
/** The card to each reviewing team manager asking them to allocate an IRO to a new entry to care. */
export const ALLOCATION_NEEDED_KIND = 'allocation-needed';

export interface IroOption {
  iro: StaffDoc;
  load: CurrentLoad;
  verdict: EligibilityResult;
}

export function requireReviewingManager(actor: Staff): void {
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

export async function directory(deps: AppDeps): Promise<Map<string, StaffDoc>> {
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
  return { child, options: await optionsFor(deps, child) };
}

/** The choice list for `child` (no access check: callers have made theirs). */
export async function optionsFor(deps: AppDeps, child: CaseRoles & { iroId: string }): Promise<IroOption[]> {
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
  return options.sort((a, b) => weight(a) - weight(b) || a.iro._id.localeCompare(b.iro._id));
}

/** An allocation choice as a queued card carries it (a snapshot: the allocation itself checks again). */
export interface AllocationChoiceData {
  id: string;
  name: string;
  children: number;
  perFte: number | null;
  /** '' when W54.3 allows the IRO; else the reason (English, for a card queued before issue 13). */
  refusal: string;
  /** Why W54.3 refuses the IRO, written in the reader's language (absent on an older queued card). */
  why?: IneligibleWhy | null;
}

export function choiceData(options: readonly IroOption[]): AllocationChoiceData[] {
  return options.map((o) => ({
    id: o.iro._id,
    name: o.iro.name,
    children: o.load.children,
    perFte: o.load.perFte,
    refusal: o.verdict.ok ? '' : o.verdict.reason,
    why: o.verdict.ok ? null : o.verdict.why,
  }));
}

/** What the /allocate card shows: the child, its IRO's name, the choices and the next review (null: none due). */
export async function allocationView(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
): Promise<{ child: ChildDoc; iroName: string | null; choices: AllocationChoiceData[] }> {
  const { child, options } = await allocationOptions(deps, actor, ref);
  const iro = child.iroId === UNALLOCATED ? null : await deps.staff.get(child.iroId);
  return { child, iroName: iro?.name ?? (child.iroId || null), choices: choiceData(options) };
}

export interface Reallocated {
  ref: string;
  fromId: string;
  toId: string;
}

/**
 * Moves the child's allocation to `toId` (or makes the first one, for a new entry to care); refused (nothing
 * written) for a non-manager, an unknown id or an ineligible IRO. A reallocation needs a reason (recorded).
 */
export async function reallocateChild(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  toId: string,
  reason: string | null = null,
  expect: 'unallocated' | 'any' = 'any',
): Promise<Reallocated> {
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
          {
            key: 'errors.eligibility.allocate',
            params: { name: to.name, ref: child.ref, ...whyParams(verdict.why) },
          },
        );
      const fromId = child.iroId;
      const first = fromId === UNALLOCATED;
      // The new-entry card asks for a first allocation: a second manager's click is told who was first.
      if (expect === 'unallocated' && !first) throw alreadyAllocated(child, staffById.get(fromId)?.name ?? fromId);
      if (!first && reason !== null && !reason.trim())
        throw new AppError(
          'invalid-input',
          'say why the child moves to another IRO',
          {
            example: `/allocate ${child.ref}`,
            problem: 'reason-required',
          },
          { key: 'errors.more.allocate-reason' },
        );
      const note = (staffId: string, role: 'new' | 'old'): PendingMessage => ({
        key: `allocation:${child.ref}:${child.version}:${role}`,
        to: { kind: 'personal', staffId },
        message: first
          ? { type: IRO_ALLOCATED_KIND, data: { by: actor.name } }
          : {
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
          history: {
            action: first ? 'allocate' : 'reallocate',
            before: { iroId: fromId },
            after: { iroId: toId, ...(reason?.trim() ? { reason: reason.trim() } : {}) },
          },
          audit: { action: first ? 'allocate' : 'reallocate', details: { fromId, toId } },
        },
        () => ({ ref: child.ref, fromId, toId }),
      );
    },
  );
}

function alreadyAllocated(child: ChildDoc, iroName: string): AppError {
  const last = [...child.history].reverse().find((h) => h.action === 'allocate');
  const by = last ? ` by ${last.by.name ?? last.by.id} at ${last.at.toISOString()}` : '';
  return new AppError(
    'conflict',
    `${child.ref} was already allocated to ${iroName}${by}; nothing was changed`,
    {
      ref: child.ref,
      example: `/allocate ${child.ref}`,
    },
    {
      key: 'errors.more.already-allocated',
      params: { ref: child.ref, name: iroName, by: last ? (last.by.name ?? last.by.id) : 'none' },
    },
  );
}

function allocationNotice(role: 'new' | 'old', toName: string, fromName: string): string {
  return role === 'new'
    ? `This child has been allocated to you (previously ${fromName}).`
    : `This child has been reallocated to ${toName}; you are no longer their IRO.`;
}
