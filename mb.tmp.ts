import { isIsoDate, fromDayNumber } from './src/domain/calendar.js';
import { validateHistory } from './src/domain/review-history.js';
import { syntheticChildren } from './bench/timescales.js';
const ds = Array.from({ length: 1_000_000 }, (_, i) => fromDayNumber(15000 + (i % 5000)));
for (let k = 0; k < 3; k++) { const t = performance.now(); let n = 0; for (const d of ds) if (isIsoDate(d)) n++; console.log('isIsoDate 1M', Math.round(performance.now() - t), n); }
const ch = syntheticChildren(100000);
for (let k = 0; k < 3; k++) { const t = performance.now(); for (const c of ch) validateHistory(c); console.log('validate 100k', Math.round(performance.now() - t)); }
