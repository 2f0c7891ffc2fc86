// Idempotency keys of the messages resolutions cause: each key is an outbox id, so a message goes once.

export type OverdueKind = 'ack-overdue' | 'respond-overdue' | 'follow-up' | 'arrange-overdue' | 'meeting-overdue';

export const resolutionKeys = {
  card: (id: string, stage: number) => `resolution:${id}:stage:${stage}:card`,
  response: (id: string, stage: number) => `resolution:${id}:stage:${stage}:response`,
  overdue: (id: string, stage: number, kind: OverdueKind, who: string) =>
    `resolution:${id}:stage:${stage}:${kind}:${who}`,
  seniorOfficer: (id: string) => `resolution:${id}:senior-officer-notice`,
  /** Handbook 8.12: the reason for cutting the process short, to the senior officer who was notified. */
  cutShortReason: (id: string) => `resolution:${id}:cut-short-reason`,
  compliment: (id: string) => `compliment:${id}`,
  /** RS2: an attendee told of a meeting; keyed by its start, so a new date tells them again. */
  meetingInvite: (id: string, stage: number, start: string, who: string) =>
    `resolution:${id}:stage:${stage}:meeting:${start}:${who}`,
};
