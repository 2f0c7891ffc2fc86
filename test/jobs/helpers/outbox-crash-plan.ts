// The batch the kill -9 child enqueues, shared with the parent's assertions.
export interface CrashPlan {
  channels: string[];
  messages: { key: string; conversationId: string }[];
}

export function crashBatch(perChannel: number): CrashPlan {
  const channels = ['19:crash-a@thread.tacv2', '19:crash-b@thread.tacv2', '19:crash-c@thread.tacv2'];
  const messages: CrashPlan['messages'] = [];
  for (let i = 0; i < perChannel; i++) {
    for (const [n, conversationId] of channels.entries())
      messages.push({ key: `crash-${'abc'[n]}-${String(i).padStart(3, '0')}`, conversationId });
  }
  return { channels, messages };
}
