// Every kind of message the bot posts on its own, in one registry (issue 10, "one audience gate"). Each
// outbox document carries its kind; the audience gate (audience-gate.ts) checks every one of them the
// same way, and the test that puts a guest in front of every kind enumerates this list, so a new kind
// cannot be added without being covered.
import type { DueMessage } from '../domain/reminders.js';
import { PENDING_RENDERERS } from '../teams/presenters/pending-messages.js';

/** Queued by the sweeper from domain/reminders.ts (digests and reminders). */
export const SWEEP_KINDS = [
  'service-digest',
  'iro-digest',
  'review-reminder',
  'record-reminder',
] as const satisfies readonly DueMessage['kind'][];
// A DueMessage kind missing above fails the type check here.
type MissingSweepKind = Exclude<DueMessage['kind'], (typeof SWEEP_KINDS)[number]>;
const sweepKindsComplete: [MissingSweepKind] extends [never] ? true : MissingSweepKind = true;
void sweepKindsComplete;

/** Queued by the sweeper from domain/resolutions/overdue.ts: the addressee's reminder, the IRO's escalation prompt. */
export const RESOLUTION_SWEEP_KINDS = ['resolution-reminder', 'resolution-escalation-prompt'] as const;
export type ResolutionSweepKind = (typeof RESOLUTION_SWEEP_KINDS)[number];

/** The admins' report of a sync run from the case system (jobs/import-report.ts). */
export const IMPORT_REPORT_KIND = 'import-report';

/** The explanation the gate itself sends when it withholds a message. */
export const WITHHELD_EXPLANATION_KIND = 'delivery-withheld';

/** Queued in child documents by state changes (ChildDoc.pending): one kind per renderer. */
export const PENDING_KINDS: readonly string[] = Object.keys(PENDING_RENDERERS);

/** Every outbox message kind. */
export const OUTBOX_KINDS: readonly string[] = [
  ...new Set([
    ...SWEEP_KINDS,
    ...RESOLUTION_SWEEP_KINDS,
    ...PENDING_KINDS,
    IMPORT_REPORT_KIND,
    WITHHELD_EXPLANATION_KIND,
  ]),
];

/** The one exception to "a guest sees only what is about their current children": the closing card. */
export const TO_FORMER_GUARDIAN_KINDS: ReadonlySet<string> = new Set(['liaison-closed']);

/** Messages about the whole service: when withheld, the admins are told (never one IRO). */
export const SERVICE_WIDE_KINDS: ReadonlySet<string> = new Set(['service-digest']);

export function isOutboxKind(kind: unknown): kind is string {
  return typeof kind === 'string' && OUTBOX_KINDS.includes(kind);
}
