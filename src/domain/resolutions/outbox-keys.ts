// Idempotency keys of the messages resolutions cause: each key is an outbox id, so a message goes once.

export type OverdueKind = 'ack-overdue' | 'respond-overdue' | 'follow-up';

export const resolutionKeys = {
  card: (id: string, stage: number) => `resolution:${id}:stage:${stage}:card`,
  response: (id: string, stage: number) => `resolution:${id}:stage:${stage}:response`,
  overdue: (id: string, stage: number, kind: OverdueKind, who: string) =>
    `resolution:${id}:stage:${stage}:${kind}:${who}`,
  seniorOfficer: (id: string) => `resolution:${id}:senior-officer-notice`,
  compliment: (id: string) => `compliment:${id}`,
};
