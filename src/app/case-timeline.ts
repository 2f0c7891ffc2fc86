// The child's timeline for /case and its paged card (issue 14; docs/DOMAIN.md "The child's timeline"):
// the domain's entries plus the names of the IROs an allocation entry names.
import { caseTimeline, type TimelineEntry } from '../domain/case-timeline.js';
import type { ChildDoc } from '../store/documents.js';
import type { AppDeps } from './deps.js';

export interface TimelineView {
  entries: TimelineEntry[];
  /** Staff names by id for the allocation and cover entries (an id no longer in the directory shows as itself). */
  names: ReadonlyMap<string, string>;
}

export async function timelineOf(deps: AppDeps, child: ChildDoc): Promise<TimelineView> {
  const entries = caseTimeline(child, deps.tzName);
  const ids = new Set<string>(child.cover ? [child.cover.iroId, child.cover.forIroId] : []);
  for (const e of entries)
    if (e.kind === 'allocated' || e.kind === 'reallocated') [e.fromId, e.toId].forEach((id) => id && ids.add(id));
    else if (e.kind === 'cover') [e.iroId, e.forIroId].forEach((id) => ids.add(id));
  const names = new Map<string, string>();
  for (const id of ids) {
    const s = await deps.staff.get(id);
    if (s) names.set(id, s.name);
  }
  return { entries, names };
}
