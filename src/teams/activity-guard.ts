import type { Activity } from 'botbuilder';

// Reject malformed activities before the SDK sees them, with a specific reason (400), so nothing
// half-formed reaches a handler. The SDK checks the auth header; this checks the shape we rely on.
export function activityProblem(body: unknown): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a JSON activity object';
  const a = body as Partial<Activity>;
  if (typeof a.type !== 'string' || !a.type) return 'activity.type is missing';
  if (!a.conversation || typeof a.conversation.id !== 'string' || !a.conversation.id) return 'activity.conversation.id is missing';
  if (!a.from || typeof a.from.id !== 'string' || !a.from.id) return 'activity.from.id is missing';
  if (!a.recipient || typeof a.recipient.id !== 'string') return 'activity.recipient.id is missing';
  if (typeof a.serviceUrl !== 'string' || !/^https?:\/\//.test(a.serviceUrl)) return 'activity.serviceUrl must be an http(s) URL';
  if (a.text !== undefined && typeof a.text !== 'string') return 'activity.text must be a string';
  if (typeof a.text === 'string' && a.text.length > 4000) return 'activity.text is too long';
  return null;
}

/** The tenant the activity came from (conversation.tenantId, else channelData.tenant.id). */
export function activityTenant(a: Partial<Activity>): string | undefined {
  return a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}
