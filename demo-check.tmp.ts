import { buildDemoImport } from './src/cli/demo-data.js';
import { nextReview, validateHistory } from './src/domain/timescales.js';
import { getPolicy } from './src/domain/policies.js';
import { createCalendar } from './src/domain/calendar.js';
import { parseImportDocument } from './src/app/import/import-schema.js';
const today = process.argv[2] ?? '2025-06-11';
const doc = buildDemoImport(today);
const p = parseImportDocument(doc);
if (!p.ok) console.log(p.problems);
const cal = createCalendar({ region: 'GB-WLS', closureDays: [] });
for (const c of doc.children!) {
  const h = { ref: c.ref, track: c.track, events: c.events, reviews: c.reviews ?? [] };
  try { validateHistory(h as any); } catch (e) { console.log('INVALID', c.ref, (e as Error).message); continue; }
  const n = nextReview(h as any, getPolicy('wales'), cal);
  console.log(c.ref, c.iroId, c.track, c.legalStatus, n?.dueBy ?? '-', n?.rule ?? '', (c.bookings ?? []).map(b => b.start).join(','), (c.reviews??[]).filter(r=>r.recordDistributedOn===null).length ? 'UNDIST' : '');
}
