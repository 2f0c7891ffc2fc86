// Cover for an IRO's absence (issue 14; docs/DOMAIN.md "Cover for an absent IRO", docs/DESIGN.md "Allocation"):
// the plan lists the absent IRO's reviews due or booked in the window, each with the other IROs, their
// caseloads and W54.3 for that child; setting cover is one versioned update per child (history, audit,
// a 1:1 card to the covering IRO), refused with the reason and nothing written when W54.3 forbids it.
import { hasRole } from '../domain/access.js';
import { currentLoad, type CurrentLoad } from '../domain/allocation-load.js';
import { COVER_EXAMPLE, coverWindow, reviewInWindow, type Cover, type CoverableReview } from '../domain/cover.js';
import { checkIroEligibility, whyParams } from '../domain/eligibility.js';
import { AppError } from '../domain/errors.js';
import type { ChildDoc, StaffDoc } from '../store/documents.js';
import { directory, requireReviewingManager, type AllocationChoiceData } from './allocation.js';
import { changeTo, unchanged, updateChild } from './child-update.js';
import { today, type AppDeps } from './deps.js';
import { nextReviewFields } from './next-review-fields.js';

/** The 1:1 card to the IRO who covers (rendered in teams/presenters/allocation-messages.ts). */
export const COVER_SET_KIND = 'cover-set';
/** Reviews one cover card offers, and IROs offered for each (lightest load first): the card stays under 80 KB. */
export const MAX_COVER_REVIEWS = 12;
export const MAX_COVER_CHOICES = 20;

export interface CoverPlanReview {
  child: ChildDoc;
  review: CoverableReview;
  choices: AllocationChoiceData[];
}

export interface CoverPlan {
  absent: StaffDoc;
  from: string;
  to: string;
  reviews: CoverPlanReview[];
  /** Reviews in the window in all (more than MAX_COVER_REVIEWS: the rest need a second, shorter cover). */
  total: number;
  /** Staff names by id (for a cover already recorded). */
  names: ReadonlyMap<string, string>;
}

async function absentIro(deps: AppDeps, id: string): Promise<StaffDoc> {
  const absent = await deps.staff.get(id);
  if (!absent || !hasRole(absent, 'iro'))
    throw new AppError(
      'not-found',
      `${id} is not an IRO in the staff directory`,
      { example: COVER_EXAMPLE },
      { key: 'errors.more.not-an-iro', params: { id } },
    );
  return absent;
}

export async function coverPlan(
  deps: AppDeps,
  actor: StaffDoc,
  input: { absentId: string; from: unknown; to: unknown },
): Promise<CoverPlan> {
  requireReviewingManager(actor);
  const absent = await absentIro(deps, input.absentId);
  const window = coverWindow(input.from, input.to, today(deps));
  const found = (await deps.children.listByIro(absent._id))
    .map((child) => ({ child, inWindow: reviewInWindow(storedNext(child, deps), window, deps.tzName) }))
    .filter((x): x is { child: ChildDoc; inWindow: NonNullable<typeof x.inWindow> } => x.inWindow !== null)
    .map(({ child, inWindow }) => ({ child, review: { ref: child.ref, ...inWindow } }))
    .sort((a, b) => dayOf(a.review).localeCompare(dayOf(b.review)) || a.child.ref.localeCompare(b.child.ref));
  const staffById = await directory(deps);
  const iros = [...staffById.values()].filter((s) => hasRole(s, 'iro') && s._id !== absent._id);
  const loads = new Map<string, CurrentLoad>();
  for (const iro of iros) loads.set(iro._id, currentLoad(await deps.children.listByIro(iro._id), iro.fte, today(deps)));
  const byLoad = [...iros].sort(
    (a, b) => weight(loads.get(a._id)!) - weight(loads.get(b._id)!) || a._id.localeCompare(b._id),
  );
  const reviews = found.slice(0, MAX_COVER_REVIEWS).map(({ child, review }) => ({
    child,
    review,
    choices: byLoad.map((iro) => {
      const verdict = checkIroEligibility(iro, child, staffById);
      const load = loads.get(iro._id)!;
      return {
        id: iro._id,
        name: iro.name,
        children: load.children,
        perFte: load.perFte,
        refusal: verdict.ok ? '' : verdict.reason,
      };
    }),
  }));
  const names = new Map([...staffById.values()].map((s) => [s._id, s.name]));
  return { absent, from: window.from, to: window.to, reviews, total: found.length, names };
}

/** The stored next review; computed here for a child not yet given one (start-up recomputes them all). */
function storedNext(child: ChildDoc, deps: AppDeps) {
  return child.nextReview ?? nextReviewFields(child, deps).nextReview;
}

const weight = (l: CurrentLoad) => l.perFte ?? l.children;
const dayOf = (r: CoverableReview) => r.bookedOn ?? r.dueBy ?? '';

export interface CoverSet {
  ref: string;
  cover: Cover;
  /** False when this cover was already recorded (a second click). */
  changed: boolean;
}

/** Records `coverIroId` as covering the child's review while its IRO (`absentId`) is away. */
export async function setCover(
  deps: AppDeps,
  actor: StaffDoc,
  input: { ref: string; coverIroId: string; absentId: string; from: unknown; to: unknown },
): Promise<CoverSet> {
  requireReviewingManager(actor);
  const window = coverWindow(input.from, input.to, today(deps));
  return updateChild<CoverSet>(
    deps,
    actor,
    async () => {
      const child = await deps.children.get(input.ref);
      if (!child)
        throw new AppError(
          'not-found',
          `no child with reference ${input.ref}`,
          { example: COVER_EXAMPLE },
          { key: 'errors.more.no-child', params: { ref: input.ref } },
        );
      return child;
    },
    async (child) => {
      if (child.iroId !== input.absentId)
        throw new AppError(
          'conflict',
          `${child.ref} is no longer allocated to ${input.absentId}; nothing was changed: set the cover again`,
          { ref: child.ref, example: COVER_EXAMPLE },
          { key: 'errors.more.cover-moved', params: { ref: child.ref, id: input.absentId } },
        );
      const staffById = await directory(deps);
      const iro = staffById.get(input.coverIroId);
      if (!iro)
        throw new AppError(
          'not-found',
          `no staff member with id ${input.coverIroId}`,
          { example: COVER_EXAMPLE },
          { key: 'errors.allocation.no-staff', params: { id: input.coverIroId } },
        );
      if (iro._id === input.absentId)
        throw new AppError(
          'invalid-input',
          'the absent IRO cannot cover their own reviews',
          {
            example: COVER_EXAMPLE,
          },
          { key: 'errors.more.cover-self' },
        );
      const verdict = checkIroEligibility(iro, child, staffById);
      if (!verdict.ok)
        throw new AppError(
          'ineligible-iro',
          `${iro.name} cannot cover ${child.ref}: ${verdict.reason}`,
          {},
          { key: 'errors.eligibility.cover', params: { name: iro.name, ref: child.ref, ...whyParams(verdict.why) } },
        );
      const cover: Cover = { iroId: iro._id, forIroId: input.absentId, ...window };
      const same = child.cover;
      if (same && same.iroId === cover.iroId && same.from === cover.from && same.to === cover.to)
        return unchanged({ ref: child.ref, cover, changed: false });
      return changeTo(
        {
          set: { cover },
          pending: [
            {
              key: `cover:${child.ref}:${cover.iroId}:${cover.from}:${cover.to}`,
              to: { kind: 'personal', staffId: cover.iroId },
              message: { type: COVER_SET_KIND, data: { ...cover, by: actor.name } },
            },
          ],
          history: { action: 'cover.set', before: child.cover ?? null, after: cover },
          audit: { action: 'cover.set', details: { ...cover } },
        },
        () => ({ ref: child.ref, cover, changed: true }),
      );
    },
  );
}
