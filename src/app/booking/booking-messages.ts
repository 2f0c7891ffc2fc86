// Messages the booking use cases queue in the same update as the change (DESIGN rule 5). Rendered at
// delivery by src/teams/presenters/booking-messages.ts (types below).
import { decidersFor } from '../../domain/booking-rules.js';
import type { ChildDoc, PendingMessage, StaffDoc } from '../../store/documents.js';
import type { AppDeps } from '../deps.js';

export const MESSAGE_TYPES = {
  /** data: { bookingId, event: 'booked' | 'moved', from?, decidedBy? } → booking card. */
  booking: 'review-booking',
  /** data: { requestId } → the approval card, rendered from the request as it is at delivery. */
  approval: 'reschedule-approval',
} as const;

/** The booking card to the IRO channel and the child's social work team channel. */
export function bookingCards(child: ChildDoc, key: string, data: Record<string, unknown>): PendingMessage[] {
  const message = { type: MESSAGE_TYPES.booking, data };
  const out: PendingMessage[] = [
    { key: `${key}:iro-channel`, to: { kind: 'channel', purpose: 'iro-channel' }, message },
  ];
  if (child.socialWorkTeam) {
    out.push({
      key: `${key}:social-work-channel`,
      to: { kind: 'channel', purpose: 'social-work-channel', team: child.socialWorkTeam },
      message,
    });
  }
  return out;
}

export function noticeTo(
  staffId: string,
  key: string,
  title: string,
  text: string,
  tone: 'info' | 'success' | 'warning',
): PendingMessage {
  return { key, to: { kind: 'personal', staffId }, message: { type: 'child-notice', data: { title, text, tone } } };
}

/**
 * The approval card: to the managers channel when one is set up, else to each deciding manager's
 * 1:1 chat (a chat not opened yet keeps the message queued until it is).
 */
export async function approvalCards(deps: AppDeps, requestId: string, requesterId: string): Promise<PendingMessage[]> {
  const message = { type: MESSAGE_TYPES.approval, data: { requestId } };
  const channels = await deps.conversations.findByPurpose('managers-channel');
  if (channels.length > 0) {
    return [
      {
        key: `reschedule:${requestId}:approval:managers-channel`,
        to: { kind: 'channel', purpose: 'managers-channel' },
        message,
      },
    ];
  }
  const deciders = await decidingStaff(deps, requesterId);
  return deciders.map((m) => ({
    key: `reschedule:${requestId}:approval:${m._id}`,
    to: { kind: 'personal', staffId: m._id },
    message,
  }));
}

/** Reviewing team managers and heads of service: the pool deciders come from. */
export async function decidingStaff(deps: AppDeps, requesterId: string): Promise<StaffDoc[]> {
  const [managers, heads] = await Promise.all([
    deps.staff.listByRole('team-manager'),
    deps.staff.listByRole('head-of-service'),
  ]);
  const pool = new Map([...managers, ...heads].map((s) => [s._id, s]));
  return decidersFor([...pool.values()], requesterId);
}
