// The data of cards/import-report.json: an admin's report of one sync run (issue 14), with each conflict
// between the case system and Teams and the two ways to settle it. Refs and ids only (no names): the
// card goes to admins' 1:1 chats, but a report is about many children and names add nothing here.
import type { CardFact } from '../card-parts.js';
import type { SyncReport } from '../../app/import/sync-import.js';
import type { ImportConflictDoc } from '../../app/import/sync-conflicts.js';
import type { Counts } from '../../app/import/merge-import.js';
import { formatBookingStart } from '../presenters/labels.js';

export interface ImportReportConflict {
  id: string;
  ref: string;
  heading: string;
  message: string;
  /** '' while open (the buttons show); else who settled it, and how. */
  status: string;
}

export interface ImportReportCardData {
  title: string;
  subtitle: string;
  tone: 'good' | 'warning' | 'attention';
  text: string;
  facts: CardFact[];
  problems: { line: string }[];
  conflicts: ImportReportConflict[];
  footer: string;
}

declare module '../cards.js' {
  interface CardTemplates {
    'import-report': ImportReportCardData;
  }
}

/** Conflicts per card: a run with more sends several cards (each stays well inside Teams' size limit). */
export const CONFLICTS_PER_CARD = 10;

/** Refusal lines shown; the rest are counted (the HTTP answer and the .result.json have them all). */
export const MAX_PROBLEM_LINES = 15;

const SECTION: Record<ImportConflictDoc['section'], string> = { events: 'event', reviews: 'review', bookings: 'booking' };

export function conflictView(c: ImportConflictDoc): ImportReportConflict {
  return {
    id: c._id, ref: c.ref,
    heading: `${c.ref} · ${SECTION[c.section]} ${c.key}`,
    message: `${c.message}. The case system says: ${describeIncoming(c)}.`,
    status: '',
  };
}

function describeIncoming(c: ImportConflictDoc): string {
  return Object.entries(c.incoming).filter(([k]) => k !== 'id').map(([k, v]) => `${k} ${String(v)}`).join(', ') || 'the same key';
}

const counts = (c: Counts) => `${c.inserted} new, ${c.updated} updated, ${c.unchanged} unchanged`;

/** One card of a run's report; `conflicts` is this card's share of them (`part` of `parts`). */
export function importReportCardData(
  r: SyncReport, conflicts: readonly ImportConflictDoc[], part: number, parts: number, tz: string,
): ImportReportCardData {
  const from = r.via === 'http' ? 'Sent to POST /api/import' : `From the import folder: ${r.source}`;
  const subtitle = `${from} · ${formatBookingStart(r.at.toISOString(), tz)}${parts > 1 ? ` · part ${part} of ${parts}` : ''}`;
  const base = { subtitle, facts: [] as CardFact[], problems: [] as { line: string }[], conflicts: [] as ImportReportConflict[], footer: '' };
  if (r.outcome === 'refused') {
    const more = r.problems.length - MAX_PROBLEM_LINES;
    return {
      ...base, title: 'Case system import refused', tone: 'attention',
      text: `Nothing of this file was imported: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}. `
        + 'Correct the export and send it again.',
      problems: r.problems.slice(0, MAX_PROBLEM_LINES).map((p) => ({ line: `${p.path}: ${p.message}` })),
      footer: more > 0 ? `${more} more problem${more === 1 ? '' : 's'} not shown: see the answer to the request or the file's .result.json.` : '',
    };
  }
  if (r.outcome === 'already-imported') {
    return { ...base, title: 'Case system import: already imported', tone: 'good', text: 'This content was imported before; nothing changed.' };
  }
  const n = r.conflicts.length;
  return {
    ...base,
    title: n ? `Case system import: ${n} conflict${n === 1 ? '' : 's'} to settle` : 'Case system import done',
    tone: n ? 'warning' : 'good',
    text: n
      ? "Imported. Where the file disagrees with what was recorded in Teams, Teams' record was kept: choose for each."
      : `Imported${r.recovered ? ' (finished after an interruption)' : ''}.`,
    facts: part === 1 ? [
      { title: 'Children', value: counts(r.children) }, { title: 'Staff', value: counts(r.staff) },
      { title: 'Conflicts', value: r.keptBefore ? `${n} (and ${r.keptBefore} settled before: Teams' record kept)` : String(n) },
    ] : [],
    conflicts: conflicts.map(conflictView),
  };
}
