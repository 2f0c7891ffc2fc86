// V8's heap growth is limited in the server's process (src/heap-growth.ts, docs/DESIGN.md "Memory"): with a live
// heap and requests leaving garbage in the old generation, the heap stays near the live size instead of growing
// to several times it before a full GC. Measured in child processes, with and without the limit.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

// ~120 MB live, then batches of objects each kept for a few batches (so they reach the old generation) for 2 s.
const WORKLOAD = `
  const limit = process.argv[1] === 'limited';
  const run = () => {
    const live = [];
    for (let i = 0; i < 600000; i++) live.push({ a: 'x' + i, b: i, c: [i, i + 1] });
    const kept = [];
    let peak = 0;
    const until = Date.now() + 2000;
    while (Date.now() < until) {
      const batch = [];
      for (let i = 0; i < 20000; i++) batch.push({ i, s: 'y' + i });
      kept.push(batch);
      if (kept.length > 5) kept.shift();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    console.log(JSON.stringify({ peakMb: peak / 1048576, live: live.length }));
  };
  if (limit) require('./src/heap-growth.ts').limitHeapGrowth();
  run();
`;

function peakMb(mode: 'limited' | 'default'): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', WORKLOAD, mode], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return (JSON.parse(out) as { peakMb: number }).peakMb;
}

describe('heap growth limit', () => {
  it('keeps the heap near its live size under garbage that reaches the old generation', function () {
    this.timeout(60_000);
    const limited = peakMb('limited');
    const unlimited = peakMb('default');
    // ~120 MB live: limited to ~1.2× that plus the young generation; V8's own choice grows it far more.
    assert.ok(limited < 260, `peak ${limited.toFixed(0)} MB with the limit`);
    assert.ok(limited < unlimited * 0.75, `peak ${limited.toFixed(0)} MB limited, ${unlimited.toFixed(0)} MB not`);
  });
});
