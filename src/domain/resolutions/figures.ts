// Figures for the monitoring report. Formal resolutions are counted by the day they became formal
// (stage 1 began, or raised at a later stage); days to resolve are WORKING days from that day to the
// resolved day (the Handbook's 20-working-day limit is in working days), calendar days given alongside.
import type { WorkingCalendar } from '../calendar.js';
import type { IsoDate } from '../types.js';
import type { Compliment, Resolution } from './records.js';
import { RESOLUTION_THEMES, THEME_LABELS, type ResolutionTheme } from './themes.js';

export interface ResolutionFigures {
  from: IsoDate;
  to: IsoDate;
  /** Formal resolutions that became formal in the period. */
  formalRaised: number;
  byTheme: { theme: ResolutionTheme; label: string; count: number }[];
  resolved: number;
  /** Median working days from becoming formal to resolved (resolved ones only); null when none. */
  medianWorkingDaysToResolve: number | null;
  medianCalendarDaysToResolve: number | null;
  /** Of those raised in the period, how many went beyond stage 1. */
  escalatedBeyondStage1: number;
  referred: number;
  compliments: number;
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Figures for the monitoring report, for resolutions that became formal in [from, to]. */
export function resolutionFigures(
  children: readonly { resolutions?: Resolution[]; compliments?: Compliment[] }[],
  period: { from: IsoDate; to: IsoDate },
  calendar: WorkingCalendar,
): ResolutionFigures {
  const counts = new Map<ResolutionTheme, number>(RESOLUTION_THEMES.map((t) => [t, 0]));
  const working: number[] = [];
  const calendarDays: number[] = [];
  let formalRaised = 0;
  let escalated = 0;
  let referred = 0;
  let compliments = 0;
  for (const c of children) {
    compliments += (c.compliments ?? []).filter(
      (x) => x.recorded.on >= period.from && x.recorded.on <= period.to,
    ).length;
    for (const r of c.resolutions ?? []) {
      const formal = r.stages.find((s) => s.stage >= 1);
      if (!formal || formal.started.on < period.from || formal.started.on > period.to) continue;
      formalRaised++;
      counts.set(r.theme, (counts.get(r.theme) ?? 0) + 1);
      if (r.stages.some((s) => s.stage >= 2)) escalated++;
      if (r.status === 'referred') referred++;
      if (r.status === 'resolved' && r.outcome) {
        working.push(calendar.workingDaysBetween(formal.started.on, r.outcome.on));
        calendarDays.push(calendar.diffDays(r.outcome.on, formal.started.on));
      }
    }
  }
  return {
    ...period,
    formalRaised,
    byTheme: RESOLUTION_THEMES.map((t) => ({ theme: t, label: THEME_LABELS[t], count: counts.get(t) ?? 0 })),
    resolved: working.length,
    medianWorkingDaysToResolve: median(working),
    medianCalendarDaysToResolve: median(calendarDays),
    escalatedBeyondStage1: escalated,
    referred,
    compliments,
  };
}
