import { syntheticChildDocs, syntheticStaffDocs } from './src/cli/synthetic-data.js';
import { validateHistory } from './src/domain/timescales.js';
const t0 = Date.now();
const docs = syntheticChildDocs(100000, { today: '2025-06-11', iroCount: 50, seed: 42 });
console.log('gen ms', Date.now() - t0, JSON.stringify(docs[7]).length);
let bad = 0;
for (const d of docs) { try { validateHistory(d); } catch (e) { if (bad++ < 3) console.log(d.ref, (e as Error).message); } }
console.log('bad', bad, 'staff', syntheticStaffDocs({ iroCount: 50 }).length);
const again = syntheticChildDocs(100, { today: '2025-06-11', iroCount: 50, seed: 42 });
console.log('deterministic', JSON.stringify(again[99]) === JSON.stringify(docs[99]));
