// The data of cards/import-report.json: an admin's report of one sync run (issue 14), with each conflict
// between the case system and Teams and the two ways to settle it. Refs and ids only (no names): the
// card goes to admins' 1:1 chats, but a report is about many children and names add nothing here.
import type { CardFact } from '../card-parts.js';
import type { SyncReport } from '../../app/import/sync-import.js';
import type { ImportConflictDoc } from '../../app/import/sync-conflicts.js';
import type { Counts } from '../../app/import/merge-import.js';
import type { ImportProblem } from '../../app/import/import-schema.js';
import { spoken } from '../error-replies.js';
import { ENGLISH, formatBookingStart } from '../presenters/labels.js';
import { translator, type Language, type MessageKey, type Translate } from '../i18n/translate.js';

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
  labels: ImportReportCardLabels;
}

/** The card's own words (issue 13: the template carries none). */
export interface ImportReportCardLabels {
  refused: string;
  keep: string;
  take: string;
}

export function importReportCardLabels(t: Translate): ImportReportCardLabels {
  return { refused: t('import.label.refused'), keep: t('import.button.keep'), take: t('import.button.take') };
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

const SECTION: Readonly<Record<ImportConflictDoc['section'], MessageKey>> = {
  events: 'import.section.events',
  reviews: 'import.section.reviews',
  bookings: 'import.section.bookings',
};

/** What a conflict is about, "C100 review C100-2", in the reader's language. */
export function conflictSubject(c: Pick<ImportConflictDoc, 'ref' | 'section' | 'key'>, t: Translate = ENGLISH): string {
  return `${c.ref} ${t(SECTION[c.section])} ${c.key}`;
}

export function conflictView(c: ImportConflictDoc, t: Translate = ENGLISH): ImportReportConflict {
  return {
    id: c._id,
    ref: c.ref,
    heading: `${c.ref} · ${t(SECTION[c.section])} ${c.key}`,
    // In the reader's words; a conflict recorded before its words were data shows its English.
    message: t('import.conflict.says', {
      message: (c.say ? spoken(c.say, t) : null) ?? c.message,
      incoming: describeIncoming(c, t),
    }),
    status: '',
  };
}

function describeIncoming(c: ImportConflictDoc, t: Translate): string {
  return (
    Object.entries(c.incoming)
      .filter(([k]) => k !== 'id')
      .map(([k, v]) => `${k} ${String(v)}`)
      .join(', ') || t('import.conflict.same-key')
  );
}

/**
 * One refusal line, `JSON.path: rule`, the rule in the reader's language (issue 13); the CLI and the HTTP answer
 * keep the English `message`. A problem without words (none is made so) shows its English.
 */
export function problemLine(p: ImportProblem, t: Translate = ENGLISH): string {
  const rule = (p.say ? spoken(p.say, t) : null) ?? p.message;
  const at = p.csv ? t('import.problem.csv-line', { rule, file: p.csv.file, line: p.csv.line ?? '?' }) : rule;
  return `${p.path}: ${at}`;
}

const counts = (c: Counts, t: Translate) =>
  t('import.counts', { inserted: c.inserted, updated: c.updated, unchanged: c.unchanged });

/** One card of a run's report; `conflicts` is this card's share of them (`part` of `parts`). */
export function importReportCardData(
  r: SyncReport,
  conflicts: readonly ImportConflictDoc[],
  part: number,
  parts: number,
  tz: string,
  language: Language = 'en',
): ImportReportCardData {
  const t = translator(language);
  const from = r.via === 'http' ? t('import.from.http') : t('import.from.folder', { source: r.source });
  const subtitle = [
    from,
    formatBookingStart(r.at.toISOString(), tz, t),
    ...(parts > 1 ? [t('import.part', { part, parts })] : []),
  ].join(' · ');
  const base = {
    subtitle,
    facts: [] as CardFact[],
    problems: [] as { line: string }[],
    conflicts: [] as ImportReportConflict[],
    footer: '',
    labels: importReportCardLabels(t),
  };
  if (r.outcome === 'refused') {
    const more = r.problems.length - MAX_PROBLEM_LINES;
    return {
      ...base,
      title: t('import.refused.title'),
      tone: 'attention',
      text: t('import.refused.text', { count: r.problems.length }),
      problems: r.problems.slice(0, MAX_PROBLEM_LINES).map((p) => ({ line: problemLine(p, t) })),
      footer: more > 0 ? t('import.refused.more', { count: more }) : '',
    };
  }
  if (r.outcome === 'already-imported') {
    return { ...base, title: t('import.already.title'), tone: 'good', text: t('import.already.text') };
  }
  const n = r.conflicts.length;
  return {
    ...base,
    title: n ? t('import.conflicts.title', { count: n }) : t('import.done.title'),
    tone: n ? 'warning' : 'good',
    text: n ? t('import.conflicts.text') : t(r.recovered ? 'import.done.recovered' : 'import.done.text'),
    facts:
      part === 1
        ? [
            { title: t('import.fact.children'), value: counts(r.children, t) },
            { title: t('import.fact.staff'), value: counts(r.staff, t) },
            {
              title: t('import.fact.conflicts'),
              value: r.keptBefore ? t('import.fact.conflicts-kept', { count: n, kept: r.keptBefore }) : String(n),
            },
          ]
        : [],
    conflicts: conflicts.map((c) => conflictView(c, t)),
  };
}
