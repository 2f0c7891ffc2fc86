// A child's timeline of events (issue 14; docs/DOMAIN.md "The child's timeline"): each event that changes
// timescales with who recorded it and when (the case system, or a person in Teams), each correction or
// withdrawal with its reason (the old date kept), and each allocation of an IRO. Newest first. Pure:
// built from the child's events and its own history entries.
import { todayIn } from './calendar.js';
import type { ChildEvent, EventType, IsoDate } from './types.js';

/** A history entry as the child document carries it (store/documents.ts HistoryEntry). */
export interface TimelineHistoryEntry {
  at: Date;
  by: { id: string; name?: string };
  action: string;
  before?: unknown;
  after?: unknown;
}

export interface TimelineChild {
  events: readonly (ChildEvent & { source?: 'import' | 'bot' })[];
  reviews: readonly { heldOn: IsoDate }[];
  history: readonly TimelineHistoryEntry[];
}

export type TimelineEntry =
  | {
      kind: 'event';
      on: IsoDate;
      type: EventType;
      /** A bring-forward's new due-by date. */
      dueBy: IsoDate | null;
      /** null: from the case system (its import carries no person). */
      recordedBy: string | null;
      recordedAt: Date | null;
    }
  | {
      kind: 'corrected' | 'withdrawn';
      on: IsoDate;
      type: EventType;
      /** The date it had been recorded on. */
      was: IsoDate;
      reason: string;
      recordedBy: string;
      recordedAt: Date;
    }
  | {
      kind: 'allocated' | 'reallocated';
      on: IsoDate;
      fromId: string | null;
      toId: string;
      reason: string | null;
      recordedBy: string;
      recordedAt: Date;
    }
  | { kind: 'created'; on: IsoDate; recordedBy: string; recordedAt: Date }
  /** Cover set for the allocated IRO's absence (domain/cover.ts). */
  | {
      kind: 'cover';
      on: IsoDate;
      iroId: string;
      forIroId: string;
      from: IsoDate;
      to: IsoDate;
      recordedBy: string;
      recordedAt: Date;
    }
  /** A review held (numbered in date order): the whole timeline shows them among the events. */
  | { kind: 'review'; on: IsoDate; sequence: number; recordedBy: null; recordedAt: null };

const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/**
 * The timeline, newest first. Corrections and allocations are dated by the council's day (`tzName`) they
 * were made on, events by the day they happened.
 */
export function caseTimeline(child: TimelineChild, tzName: string): TimelineEntry[] {
  const who = (h: TimelineHistoryEntry) => h.by.name ?? h.by.id;
  const notified = child.history.filter((h) => h.action === 'event.notified');
  const corrections = child.history.filter((h) => h.action === 'event.corrected');
  /** The date an event was first notified on: its date before any corrections (followed back). */
  const firstDate = (type: EventType, date: IsoDate): IsoDate => {
    let d = date;
    for (let i = corrections.length - 1; i >= 0; i--) {
      const c = corrections[i]!;
      if (rec(c.before).type === type && rec(c.after).date === d) d = str(rec(c.before).date) ?? d;
    }
    return d;
  };
  const out: TimelineEntry[] = child.events.map((e) => {
    // The person who notified it from Teams (the last matching entry: a withdrawn and re-notified event).
    const original = e.source === 'bot' ? firstDate(e.type, e.date) : null;
    const h = original
      ? [...notified].reverse().find((x) => rec(x.after).type === e.type && rec(x.after).date === original)
      : undefined;
    return {
      kind: 'event',
      on: e.date,
      type: e.type,
      dueBy: e.dueBy ?? null,
      recordedBy: h ? who(h) : null,
      recordedAt: h?.at ?? null,
    };
  });
  [...child.reviews]
    .sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0))
    .forEach((r, i) => out.push({ kind: 'review', on: r.heldOn, sequence: i + 1, recordedBy: null, recordedAt: null }));
  for (const h of child.history) {
    const before = rec(h.before);
    const after = rec(h.after);
    const on = todayIn(h.at, tzName);
    if (h.action === 'event.corrected' || h.action === 'event.withdrawn') {
      const type = str(before.type) as EventType | null;
      const was = str(before.date);
      if (!type || !was) continue;
      out.push({
        kind: h.action === 'event.corrected' ? 'corrected' : 'withdrawn',
        on,
        type,
        was,
        reason: str(after.reason) ?? '',
        recordedBy: who(h),
        recordedAt: h.at,
      });
    } else if (h.action === 'allocate' || h.action === 'reallocate') {
      const toId = str(after.iroId);
      if (!toId) continue;
      out.push({
        kind: h.action === 'allocate' ? 'allocated' : 'reallocated',
        on,
        fromId: str(before.iroId),
        toId,
        reason: str(after.reason),
        recordedBy: who(h),
        recordedAt: h.at,
      });
    } else if (h.action === 'cover.set') {
      const [iroId, forIroId, from, to] = [str(after.iroId), str(after.forIroId), str(after.from), str(after.to)];
      if (iroId && forIroId && from && to)
        out.push({ kind: 'cover', on, iroId, forIroId, from, to, recordedBy: who(h), recordedAt: h.at });
    } else if (h.action === 'child.created') {
      out.push({ kind: 'created', on, recordedBy: who(h), recordedAt: h.at });
    }
  }
  // Newest first; on the same day, the later record first (an event before its correction).
  const at = (e: TimelineEntry) => e.recordedAt?.getTime() ?? 0;
  return out.sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : at(b) - at(a)));
}
