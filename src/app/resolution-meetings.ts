// RS2 use cases (docs/DOMAIN.md "Resolutions"): the reviewing team arranges a resolution meeting from a card,
// each invited member of staff is told in their 1:1 chat (queued in the same update, outbox kind
// 'resolution-meeting-invite'), and the IRO records the outcome (resolved / escalate / refer). Each change is
// one versioned update of the child (changeResolution → updateChild) with its history entry.
import { hasRole, LADDER_ROLES } from '../domain/access.js';
import { AppError } from '../domain/errors.js';
import { isGuestStaff } from '../domain/guests.js';
import {
  arrangeMeeting,
  currentStage,
  mayArrangeMeeting,
  proposedAttendees,
  recordMeetingOutcome,
  resolutionKeys,
  stageDef,
  type ArrangeInput,
  type MeetingOutcome,
  type Resolution,
} from '../domain/resolutions/index.js';
import type { PendingMessage, StaffDoc } from '../store/documents.js';
import type { AppDeps } from './deps.js';
import {
  changeResolution,
  stageCardMessages,
  stageRef,
  stagesOf,
  viewResolution,
  type ResolutionView,
} from './resolutions.js';

/** Data of a queued 'resolution-meeting-invite' (rendered at delivery from the child document as it is then). */
export interface MeetingInviteMessage extends Record<string, unknown> {
  resolutionId: string;
  stage: number;
  start: string;
  /** The reader's language when it was queued ('en' | 'cy'); English when absent. */
  language: string | null;
}

function invites(r: Resolution, people: ReadonlyMap<string, StaffDoc>, actorId: string): PendingMessage[] {
  const s = currentStage(r);
  const m = s.meeting;
  if (!m) return [];
  // Everyone invited but the person who arranged it (they have the card in front of them).
  return m.attendeeIds
    .filter((id) => id !== actorId)
    .map((id) => ({
      key: resolutionKeys.meetingInvite(r.id, s.stage, m.start, id),
      to: { kind: 'personal', staffId: id },
      message: {
        type: 'resolution-meeting-invite',
        data: {
          resolutionId: r.id,
          stage: s.stage,
          start: m.start,
          language: people.get(id)?.language ?? null,
        } satisfies MeetingInviteMessage,
      },
    }));
}

/** At most this many staff offered as chair and attendees (the card stays far below Teams' 80 KB). */
export const MAX_STAFF_CHOICES = 40;

/**
 * Whom the form offers: those proposed or invited, the reviewing team, the escalation ladder and the child's
 * social work team (decision: the people a resolution meeting is held with), never guests; by name.
 */
function staffChoices(view: ResolutionView, proposed: readonly string[]): StaffDoc[] {
  const s = currentStage(view.resolution);
  const invited = new Set([...proposed, ...(s.meeting?.attendeeIds ?? [])]);
  const team = view.child.socialWorkTeam;
  const relevant = (p: StaffDoc) =>
    invited.has(p._id) ||
    p.team === 'reviewing' ||
    hasRole(p, ...LADDER_ROLES) ||
    (!!team && p.team === team && hasRole(p, 'social-worker', 'team-manager'));
  const people = [...view.people.values()].filter((p) => !isGuestStaff(p) && !hasRole(p, 'guardian') && relevant(p));
  const first = people.filter((p) => invited.has(p._id));
  const rest = people.filter((p) => !invited.has(p._id)).sort((a, b) => a.name.localeCompare(b.name));
  return [...first, ...rest].slice(0, MAX_STAFF_CHOICES).sort((a, b) => a.name.localeCompare(b.name));
}

export interface MeetingFormView extends ResolutionView {
  /** Staff who may be invited (not guests), for the attendee choice. */
  staff: StaffDoc[];
  proposed: { attendeeIds: string[]; chairId: string };
  mayArrange: boolean;
}

/** The meeting card for whoever opens it: the arrangement form (reviewing team) and/or the outcome form (IRO). */
export async function meetingForm(deps: AppDeps, actor: StaffDoc, ref: string, id: string): Promise<MeetingFormView> {
  const view = await viewResolution(deps, actor, ref, id);
  const s = currentStage(view.resolution);
  if (s.meeting === undefined) {
    throw new AppError(
      'invalid-input',
      `${view.resolution.id} is not at a resolution meeting stage`,
      {
        example: `/resolutions all ${ref}`,
      },
      { key: 'errors.more.not-meeting-stage', params: { id: view.resolution.id } },
    );
  }
  const proposed = proposedAttendees(view.resolution, view.child);
  return {
    ...view,
    staff: staffChoices(view, proposed.attendeeIds),
    proposed,
    mayArrange: mayArrangeMeeting(actor, view.resolution, view.child),
  };
}

export function arrangeResolutionMeeting(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  id: string,
  input: ArrangeInput & { stageOnCard?: number },
): Promise<ResolutionView> {
  return changeResolution(deps, actor, ref, id, (r, child, people, stamp) => {
    const next = arrangeMeeting(r, {
      actor,
      child,
      people,
      stamp,
      stageOnCard: input.stageOnCard,
      table: stagesOf(deps),
      calendar: deps.calendar,
      tzName: deps.tzName,
      input,
    });
    const m = currentStage(next).meeting!;
    return {
      next,
      action: m.rearranged ? 'resolution.meeting.rearrange' : 'resolution.meeting.arrange',
      details: { start: m.start, chairId: m.chairId, attendees: m.attendeeIds.length },
      messages: async (_c, n, p) => invites(n, p as ReadonlyMap<string, StaffDoc>, actor._id),
    };
  });
}

export function recordResolutionMeetingOutcome(
  deps: AppDeps,
  actor: StaffDoc,
  ref: string,
  id: string,
  input: { stageOnCard?: number; decision: MeetingOutcome; notes: string },
): Promise<ResolutionView> {
  return changeResolution(deps, actor, ref, id, (r, child, people, stamp) => {
    const table = stagesOf(deps);
    const next = recordMeetingOutcome(r, {
      actor,
      child,
      people,
      stamp,
      table,
      calendar: deps.calendar,
      stageOnCard: input.stageOnCard,
      decision: input.decision,
      notes: input.notes,
    });
    const escalated = currentStage(next).stage !== currentStage(r).stage;
    return {
      next,
      action: 'resolution.meeting.outcome',
      details: { decision: input.decision, fromStage: currentStage(r).stage, toStage: currentStage(next).stage },
      // Escalating opens the next rung: its addressees get its card, as for any escalation.
      messages: escalated
        ? (c, n, p) =>
            stageCardMessages(deps, c, n, p, {
              kind: 'escalated',
              name: actor.name,
              stage: stageRef(stageDef(table, currentStage(n).stage)),
            })
        : undefined,
    };
  });
}
