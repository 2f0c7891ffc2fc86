import { canSeeChild } from '../domain/access.js';
import { AppError } from '../domain/errors.js';
import { mayBringForward } from '../domain/events.js';
import { nextReview, reviewHistory, type NextReview, type PastReview } from '../domain/timescales.js';
import type { ChildDoc, StaffDoc } from '../store/documents.js';
import { today, type AppDeps } from './deps.js';
import { timelineOf, type TimelineView } from './case-timeline.js';

export interface CaseView {
  today: string;
  child: ChildDoc;
  next: NextReview | null;
  history: PastReview[];
  /** Staff named on the case (IRO, social worker, Guardian), by id. */
  people: Map<string, StaffDoc>;
  /** Events with who and when, corrections, allocations: newest first (issue 14). */
  timeline: TimelineView;
  /** The viewer is the child's IRO and a review is due: the card offers "Bring review forward" (issue 14). */
  mayBringForward: boolean;
}

/**
 * `/case REF`: full details, only in a personal chat and only for people allowed to see the child
 * (docs/DOMAIN.md "People and roles"). Every view — and every refused attempt — is audited.
 */
export async function viewCase(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  conversationType: string,
): Promise<CaseView> {
  const actorRef = { id: actor._id, name: actor.name, kind: 'staff' as const };
  const refuse = async (reason: string, err: AppError) => {
    await deps.audit.record({
      at: deps.clock(),
      actor: actorRef,
      action: 'case.view.refused',
      subject: ref,
      details: { reason },
    });
    throw err;
  };
  if (conversationType !== 'personal') {
    await refuse(
      'not-personal-chat',
      new AppError(
        'forbidden',
        'case details are only shown in a personal chat with me',
        {
          example: `/case ${ref}`,
        },
        { key: 'errors.case.personal-only' },
      ),
    );
  }
  const child = await deps.children.get(ref);
  const sw = child?.socialWorkerId ? await deps.staff.get(child.socialWorkerId) : null;
  // The same answer for "no such child" and "not yours": a refusal must not confirm a child exists.
  if (!child || !canSeeChild(actor, child, sw, today(deps))) {
    await refuse(
      child ? 'no-access' : 'not-found',
      new AppError(
        'not-found',
        `no case ${ref} that you can see`,
        {
          example: '/caseload',
        },
        { key: 'errors.case.unknown', params: { ref } },
      ),
    );
  }
  const c = child as ChildDoc;
  await deps.audit.record({ at: deps.clock(), actor: actorRef, action: 'case.view', subject: c.ref });
  const t = today(deps);
  const ids = [c.iroId, c.socialWorkerId, c.proceedings?.guardianId].filter((x): x is string => !!x);
  const people = new Map<string, StaffDoc>();
  for (const id of new Set(ids)) {
    const s = await deps.staff.get(id);
    if (s) people.set(id, s);
  }
  const next = nextReview(c, deps.policy, deps.calendar);
  return {
    today: t,
    child: c,
    next,
    history: reviewHistory(c, deps.policy, deps.calendar, { today: t }),
    people,
    timeline: await timelineOf(deps, c),
    mayBringForward: next !== null && mayBringForward(actor, c),
  };
}
