// `npm run bench` / `npx tsx bench/run.ts [--quick] [--cpu-prof]`
//   --quick     1k and 10k children only
//   --cpu-prof  write V8 CPU profiles of each size's process to bench-results/prof/
//   --served    only section 0: the served bot beside the echo floor
//   --sizes=10000,100000   children per run instead of the default sizes
//   --soak-minutes=10      with --served: after the bursts, that many minutes of mixed load, sampling the bot's
//                          RSS and heap (issue 12's memory target is "after 10 minutes of mixed load")
//   --soak-snapshot=FILE   with a soak: a heap snapshot of the bot after the final full GC
//   --soak-alloc-profile=FILE  with a soak: V8's sampling heap profile of the soak (what allocated, garbage too)
// Prints a compact table and writes bench-results/latest.json (git-ignored).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runDueHttpSize, type SizeResult } from './due-http.js';
import { round, table } from './helpers.js';
import { benchApproveInvoke } from './approve-invoke.js';
import { benchOutbox } from './outbox.js';
import { benchTimescales } from './timescales.js';
import { benchServed, type ServedResult } from './served.js';
import { execFileSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'bench-results');
/** Issue target: at 10k children, p95 of `/due this week` under 50 ms. */
const TARGET = { children: 10_000, p95Ms: 50 };

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const cpuProfDir = process.argv.includes('--cpu-prof') ? path.join(OUT_DIR, 'prof') : undefined;
  const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
  const sizes = sizesArg
    ? sizesArg.slice('--sizes='.length).split(',').map(Number)
    : quick
      ? [1_000, 10_000]
      : [1_000, 10_000, 100_000];
  const soakArg = process.argv.find((a) => a.startsWith('--soak-minutes='));
  const soakMinutes = soakArg ? Number(soakArg.slice('--soak-minutes='.length)) : 0;
  const snapArg = process.argv.find((a) => a.startsWith('--soak-snapshot='));
  const soakSnapshot = snapArg ? path.resolve(snapArg.slice('--soak-snapshot='.length)) : undefined;
  const allocArg = process.argv.find((a) => a.startsWith('--soak-alloc-profile='));
  const soakAllocationProfile = allocArg ? path.resolve(allocArg.slice('--soak-alloc-profile='.length)) : undefined;
  const started = new Date();
  console.log(
    `IRO Bot benchmarks${quick ? ' (quick)' : ''}: node ${process.version}, ${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );

  console.log(
    '\n0. The served bot (node dist/src/index.js, jobs on, real clock, data from npm run import) beside the echo floor, interleaved',
  );
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const served: ServedResult[] = [];
  for (const n of sizes)
    served.push(await benchServed(n, { teamViews: true, soakMinutes, soakSnapshot, soakAllocationProfile }));
  console.log(
    table(
      ['command', 'children', 'bot p50', 'bot p95', 'echo p95', 'p95 ÷ echo', 'reply KB', 'fits Teams', 'errors'],
      served.flatMap((r) =>
        r.commands.map((c) => [
          c.command,
          r.children,
          c.bot.p50,
          c.bot.p95,
          c.echo.p95,
          c.p95Ratio,
          round(c.replyBytes / 1024, 1),
          c.fitsTeams ? 'yes' : 'NO',
          c.errors,
        ]),
      ),
    ),
  );
  console.log(
    table(
      ['approve invoke', 'children', 'parked', 'bot p50', 'bot p95', 'echo p95', 'p95 ÷ echo', 'refused'],
      served.map((r) => [
        'review.reschedule.approve',
        r.children,
        r.approve.parked,
        r.approve.bot.p50,
        r.approve.bot.p95,
        r.approve.echo.p95,
        r.approve.p95Ratio,
        r.approve.refused,
      ]),
    ),
  );
  console.log(
    table(
      [
        'children',
        'npm run import ms',
        'import ok',
        'start → /healthz ms',
        'RSS MB after load',
        'proactive sent',
        'load',
      ],
      served.map((r) => [
        r.children,
        r.importMs,
        r.importOk ? 'yes' : 'NO',
        r.startToHealthzMs,
        r.rssMb,
        r.proactiveSent,
        r.loadAvg,
      ]),
    ),
  );
  for (const r of served) if (r.soak) printSoak(r.children, r.soak);
  if (process.argv.includes('--served')) {
    writeResults({ startedAt: started.toISOString(), finishedAt: new Date().toISOString(), quick, served });
    return;
  }

  console.log('\n1. Timescales engine (nextReview, in-process)');
  const t = await benchTimescales();
  const timescales = { children: t.children, ms: round(t.ms) };
  console.log(`   ${timescales.children.toLocaleString('en-GB')} children in ${timescales.ms} ms`);

  console.log('\n2. /due over HTTP (activity in → reply out at a fake Teams connector), one process per size');
  const results: SizeResult[] = [];
  for (const n of sizes) {
    results.push(await runDueHttpSize(n, { team: n <= 10_000, cpuProfDir }));
  }

  const lines = results.flatMap((r) => [r.own, r.team].filter((x) => x !== undefined).map((c) => ({ r, c: c! })));
  console.log(
    '\n' +
      table(
        ['command', 'children', 'rows', 'p50 ms', 'p95 ms', 'p99 ms', 'CPU ms/req', 'req/s @8', 'p95 @8 ms', 'n'],
        lines.map(({ r, c }) => [
          c.command,
          r.children,
          c.breakdown.rows,
          c.sequential.p50,
          c.sequential.p95,
          c.sequential.p99,
          c.cpuMsPerRequest,
          c.concurrent.reqPerSec,
          c.concurrent.latency.p95,
          c.sequential.n,
        ]),
      ),
  );
  console.log(
    '\nWhere the time goes (in-process medians, ms; http+fw = CPU ms/req − staff − command, includes the bench client + fake connector):',
  );
  console.log(
    table(
      [
        'command',
        'children',
        'scanned',
        'staff',
        'store',
        'engine',
        'listing',
        'listDue',
        'render',
        'command',
        'http+fw',
      ],
      lines.map(({ r, c }) => [
        c.command,
        r.children,
        c.breakdown.children,
        c.breakdown.staffLookup,
        c.breakdown.storeQuery,
        c.breakdown.engine,
        c.breakdown.listing,
        c.breakdown.listDue,
        c.breakdown.render,
        c.breakdown.commandRun,
        c.breakdown.httpAndFramework,
      ]),
    ),
  );
  console.log('\nData and start-up:');
  console.log(
    table(
      [
        'children',
        'IROs',
        'caseload',
        'generate ms',
        'insert ms',
        'log MB',
        'bot start ms',
        'RSS MB',
        'heap MB',
        'load',
      ],
      results.map((r) => [
        r.children,
        r.iroCount,
        r.caseload,
        r.generateMs,
        r.insertMs,
        r.logMb,
        r.startMs,
        r.rssMb,
        r.heapUsedMb,
        r.loadAvg,
      ]),
    ),
  );

  console.log('\n3. Outbox: 1,000 queued messages to 50 conversations through the fake connector (real Teams limits)');
  const outbox = await benchOutbox();
  console.log(
    `   ${outbox.messages} messages in ${round(outbox.ms)} ms (${round(outbox.perSecond)}/s); peak per conversation: ` +
      `${outbox.peakPerConversationPerSecond} in any 1 s, ${outbox.peakPer30s} in any 30 s`,
  );

  console.log('\n4. Approve invoke (review.reschedule.approve over HTTP) at 10,000 children; target p95 < 100 ms');
  const approveInvoke = await benchApproveInvoke();
  console.log(
    `   p50 ${approveInvoke.p50} p95 ${approveInvoke.p95} p99 ${approveInvoke.p99} ms (${approveInvoke.n} approvals, ${approveInvoke.refused} refused) → ${approveInvoke.p95 < 100 ? 'MET' : 'MISSED'}`,
  );

  const atTarget = results.find((r) => r.children === TARGET.children);
  const target = atTarget
    ? { ...TARGET, p95Ms_measured: atTarget.own.sequential.p95, met: atTarget.own.sequential.p95 < TARGET.p95Ms }
    : undefined;
  if (target) {
    console.log(
      `\nTarget: /due this week at ${TARGET.children.toLocaleString('en-GB')} children, p95 < ${TARGET.p95Ms} ms: ` +
        `${target.p95Ms_measured} ms → ${target.met ? 'MET' : 'MISSED'}`,
    );
  }

  writeResults({
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    quick,
    served,
    timescales,
    dueHttp: results,
    outbox,
    approveInvoke,
    target,
    cpuProfiles: cpuProfDir ?? null,
  });
}

function printSoak(children: number, s: NonNullable<ServedResult['soak']>): void {
  console.log(
    `\nSoak at ${children.toLocaleString('en-GB')} children: ${s.minutes} min of mixed load (IRO /due, /caseload, ` +
      `/actions, team views, Approve; jobs on), ${s.requests} requests, ${s.approvals} approvals, ${s.errors} errors`,
  );
  console.log(
    table(
      ['at s', 'requests', 'RSS MB', 'heap used MB', 'heap total MB', 'external MB'],
      s.samples.map((x) => [x.atS, x.requests, x.rssMb, x.heapUsedMb, x.heapTotalMb, x.externalMb]),
    ),
  );
  console.log(
    `   RSS at the end ${s.rssEndMb} MB (max ${s.rssMaxMb}, target < 600 → ${s.rssEndMb < 600 ? 'MET' : 'MISSED'}); ` +
      `heap used ${s.heapUsedEndMb} MB; after a full GC: live heap ${s.liveHeapMb} MB, RSS ${s.rssAfterGcMb} MB; load ${s.loadAvg}`,
  );
}

function writeResults(results: Record<string, unknown>): void {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, 'latest.json');
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        ...results,
        env: {
          node: process.version,
          platform: process.platform,
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model,
          loadAvgAtEnd: os.loadavg(),
        },
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nWrote ${path.relative(ROOT, file)}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
