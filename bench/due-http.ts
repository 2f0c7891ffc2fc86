// Bench: `/due this week` end to end over HTTP (activity in → reply out at a fake Teams connector)
// against an embedded store holding 1k / 10k / 100k synthetic children.
//
// Each size runs in its own Node process (fresh heap, honest RSS, no JIT state carried over):
// `runDueHttpSize()` spawns `node --import tsx bench/due-http.ts --size N --out FILE`, and this
// file's main() does the work and writes its result as JSON.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { listDue } from '../src/app/list-due.js';
import { reviewStatuses } from '../src/app/review-statuses.js';
import { syntheticChildDocs, syntheticStaffDocs } from '../tools/synthetic-data.js';
import { loadConfig } from '../src/config.js';
import { todayIn } from '../src/domain/calendar.js';
import { parseDueWindow } from '../src/domain/due-window.js';
import { formatDate } from '../src/domain/dates-format.js';
import { daysOverdue, dueListing, type ReviewStatus } from '../src/domain/review-status.js';
import { startIroBot, type RunningBot } from '../src/index.js';
import { createLogger } from '../src/logger.js';
import { COLLECTIONS, type ChildDoc, type StaffDoc } from '../src/store/documents.js';
import { openEmbeddedStore } from '../src/store/embedded/embedded-store.js';
import { ensureIndexes } from '../src/store/repositories/indexes.js';
import { renderCard } from '../src/teams/cards.js';
import type { CommandContext } from '../src/teams/commands/command-context.js';
import { dueCommand } from '../src/teams/commands/due.js';
import { COMMANDS } from '../src/teams/commands/registry.js';
import { scopeLabel, staffNames } from '../src/teams/presenters/common.js';
import { translator } from '../src/teams/i18n/translate.js';
import { bookingText, childLabel, overdueText, plural } from '../src/teams/presenters/labels.js';
import { dueCardLabels, type DueCardData, type DueRow } from '../src/teams/cards/due.js';
import { messageActivity, type Sender } from '../test/helpers/activities.js';
import { startFakeConnector, type FakeConnector } from '../test/helpers/fake-connector.js';
import { mb, median, round, summarize, withConcurrency, type LatencySummary } from './helpers.js';

export const IRO_NOW = '2026-11-23T09:00:00Z'; // a Monday
const TODAY = '2026-11-23';
const SEED = 20260401;
const CHUNK = 5_000;
/** One IRO per ~93 children: a realistic caseload. */
const CHILDREN_PER_IRO = 93;

const IRO: Sender = { id: '29:bench-iro-1', name: 'IRO 1', aadObjectId: 'aad-bench-iro-1' };
const SUPPORT: Sender = { id: '29:bench-bs-1', name: 'Business Support', aadObjectId: 'aad-bench-bs-1' };

export interface SizeOptions {
  /** Measured sequential requests for `/due this week` (own caseload). */
  requests?: number;
  warmup?: number;
  concurrency?: number;
  concurrentRequests?: number;
  /** Also bench `/due this week team` (whole service). */
  team?: boolean;
  /** Write a V8 CPU profile of each command's measured sequential run to this folder. */
  cpuProfDir?: string;
}

export interface RunStats {
  command: string;
  /** Reply card subtitle, e.g. "23 Nov 2026 – 29 Nov 2026 · your children · 4 reviews". */
  subtitle: string;
  replyBytes: number;
  warmup: number;
  sequential: LatencySummary;
  /** Process CPU ms per sequential request (bot, HTTP client and fake connector all in this process). */
  cpuMsPerRequest: number;
  concurrent: { inFlight: number; requests: number; ms: number; reqPerSec: number; latency: LatencySummary };
  /** Same work called in-process (no HTTP, no bot framework): medians in ms. */
  breakdown: {
    staffLookup: number;
    storeQuery: number;
    engine: number;
    listing: number;
    listDue: number;
    commandRun: number;
    render: number;
    /**
     * CPU ms per HTTP request − staffLookup − commandRun: restify, CloudAdapter, teams-ai, the outbound
     * reply through the connector client, plus this bench's own HTTP client and fake connector (~3–4 ms).
     */
    httpAndFramework: number;
    rows: number;
    children: number;
  };
}

export interface SizeResult {
  children: number;
  iroCount: number;
  staff: number;
  caseload: number;
  generateMs: number;
  insertMs: number;
  logMb: number;
  startMs: number;
  own: RunStats;
  team?: RunStats;
  rssMb: number;
  heapUsedMb: number;
  /** 1-minute load average at the end (2-core machine shared with other work: read figures with it). */
  loadAvg: number;
}

// ---- child-process driver (used by bench/run.ts) ------------------------------------------------

export function runDueHttpSize(children: number, opts: SizeOptions = {}): Promise<SizeResult> {
  const out = path.join(os.tmpdir(), `iro-bench-result-${process.pid}-${children}-${Date.now()}.json`);
  const nodeArgs = ['--import', 'tsx', '--expose-gc'];
  const args = [...nodeArgs, __filename, '--size', String(children), '--out', out, '--opts', JSON.stringify(opts)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: path.resolve(__dirname, '..'),
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      try {
        if (code !== 0) throw new Error(`due-http bench for ${children} children exited with ${signal ?? code}`);
        resolve(JSON.parse(fs.readFileSync(out, 'utf8')) as SizeResult);
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      } finally {
        fs.rmSync(out, { force: true });
      }
    });
  });
}

// ---- one size, in this process ---------------------------------------------------------------

const log = (msg: string) => process.stderr.write(`  [due-http] ${msg}\n`);

export async function benchDueHttpSize(n: number, opts: SizeOptions = {}): Promise<SizeResult> {
  const iroCount = Math.max(1, Math.round(n / CHILDREN_PER_IRO));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-bench-'));
  let bot: RunningBot | undefined;
  let connector: FakeConnector | undefined;
  try {
    // 1. Synthetic data, bulk inserted, store closed (the bot replays it at start).
    let t0 = performance.now();
    const staff: StaffDoc[] = syntheticStaffDocs({ iroCount }).map((s) =>
      s._id === 'iro-1'
        ? { ...s, aadObjectId: IRO.aadObjectId }
        : s._id === 'bs-1'
          ? { ...s, aadObjectId: SUPPORT.aadObjectId }
          : s,
    );
    const children: ChildDoc[] = syntheticChildDocs(n, { today: TODAY, iroCount, seed: SEED });
    const caseload = children.filter((c) => c.iroId === 'iro-1').length;
    const generateMs = performance.now() - t0;

    t0 = performance.now();
    const store = await openEmbeddedStore(dataDir);
    try {
      await ensureIndexes(store);
      await store.collection<StaffDoc>(COLLECTIONS.staff).insertMany(staff);
      const col = store.collection<ChildDoc>(COLLECTIONS.children);
      for (let i = 0; i < children.length; i += CHUNK) await col.insertMany(children.slice(i, i + CHUNK));
    } finally {
      await store.close();
    }
    const insertMs = performance.now() - t0;
    children.length = 0; // let the generated copies go before measuring the bot's memory
    const logBytes = fs.readdirSync(dataDir).reduce((sum, f) => sum + fs.statSync(path.join(dataDir, f)).size, 0);
    log(
      `${n.toLocaleString('en-GB')} children, ${iroCount} IROs (iro-1 has ${caseload}): generated ${Math.round(generateMs)} ms, inserted ${Math.round(insertMs)} ms, ${mb(logBytes)} MB on disk`,
    );

    // 2. Start the bot on it: store open + log replay + indexes + HTTP listen.
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', IRO_NOW });
    t0 = performance.now();
    bot = await startIroBot(config, createLogger('silent'), { jobs: false });
    const startMs = performance.now() - t0;
    log(`bot started in ${Math.round(startMs)} ms`);
    connector = await startFakeConnector();

    const own = await benchCommand(
      bot,
      connector,
      IRO,
      'due this week',
      opts.cpuProfDir && path.join(opts.cpuProfDir, `due-this-week-${n}.cpuprofile`),
      {
        warmup: opts.warmup ?? 20,
        requests: opts.requests ?? 300,
        minRequests: 100,
        concurrency: opts.concurrency ?? 8,
        concurrentRequests: opts.concurrentRequests ?? 400,
      },
    );
    let team: RunStats | undefined;
    if (opts.team) {
      team = await benchCommand(
        bot,
        connector,
        SUPPORT,
        'due this week team',
        opts.cpuProfDir && path.join(opts.cpuProfDir, `due-this-week-team-${n}.cpuprofile`),
        {
          warmup: 5,
          requests: 100,
          minRequests: 20,
          concurrency: opts.concurrency ?? 8,
          concurrentRequests: 64,
        },
      );
    }
    (globalThis as { gc?: () => void }).gc?.();
    const mem = process.memoryUsage();
    return {
      children: n,
      iroCount,
      staff: staff.length,
      caseload,
      generateMs: round(generateMs),
      insertMs: round(insertMs),
      logMb: mb(logBytes),
      startMs: round(startMs),
      own,
      team,
      rssMb: mb(mem.rss),
      heapUsedMb: mb(mem.heapUsed),
      loadAvg: round(os.loadavg()[0]!),
    };
  } finally {
    await connector?.close();
    await bot?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

interface CommandPlan {
  warmup: number;
  requests: number;
  minRequests: number;
  concurrency: number;
  concurrentRequests: number;
}

/** Time budget for the sequential run of one command: fewer requests when each is slow. */
const SEQUENTIAL_BUDGET_MS = 30_000;

async function benchCommand(
  bot: RunningBot,
  connector: FakeConnector,
  from: Sender,
  text: string,
  profileFile: string | undefined,
  plan: CommandPlan,
): Promise<RunStats> {
  const url = `${bot.server.url}/api/messages`;
  const activity = () => messageActivity(connector.url, from, `/${text}`);
  const post = async (a: ReturnType<typeof activity>) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(a),
    });
    const body = await res.text();
    if (res.status >= 300) throw new Error(`bot answered HTTP ${res.status}: ${body}`);
  };
  /** POST start → the reply arriving at the fake connector (the POST is also awaited before returning). */
  const ask = async (): Promise<{ ms: number; reply: any }> => {
    const before = connector.received.length;
    const a = activity();
    const t0 = performance.now();
    let t1 = 0;
    const replied = connector.waitFor(before + 1, 60_000).then((all) => {
      t1 = performance.now();
      return all[before]!;
    });
    const [, reply] = await Promise.all([post(a), replied]);
    if (reply.replyToId !== a.id) throw new Error(`reply ${reply.replyToId} is not for activity ${a.id}`);
    return { ms: t1 - t0, reply };
  };

  // Warm-up (JIT, template cache, holiday years); also checks the answer is a real due card.
  let first: any;
  const warm: number[] = [];
  for (let i = 0; i < plan.warmup; i++) {
    const r = await ask();
    first ??= r.reply;
    warm.push(r.ms);
  }
  const card = first?.body?.attachments?.[0]?.content;
  const subtitle: string = card?.body?.[1]?.text ?? '';
  if (!String(card?.body?.[0]?.text ?? '').startsWith('Reviews due')) {
    throw new Error(`/${text}: expected a due card, got ${JSON.stringify(card).slice(0, 300)}`);
  }
  const warmMean = warm.reduce((a, b) => a + b, 0) / Math.max(1, warm.length);
  const requests = Math.max(
    plan.minRequests,
    Math.min(plan.requests, Math.floor(SEQUENTIAL_BUDGET_MS / Math.max(1, warmMean))),
  );

  const seq: number[] = [];
  const profiler = profileFile ? await startProfiler() : undefined;
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < requests; i++) seq.push((await ask()).ms);
  const cpu = process.cpuUsage(cpu0);
  if (profiler && profileFile) await profiler.stopTo(profileFile);
  const sequential = summarize(seq);
  // CPU time of this process per request (bot + client + fake connector): less sensitive to other load.
  const cpuMsPerRequest = round((cpu.user + cpu.system) / 1000 / requests);

  // Concurrency: `inFlight` clients, each POSTs and waits for its 200 (sent after the reply went out).
  const concurrentRequests = Math.max(plan.concurrency * 4, Math.min(plan.concurrentRequests, requests));
  const before = connector.received.length;
  const lat: number[] = [];
  const ids = new Set<string>();
  const t0 = performance.now();
  await withConcurrency(
    Array.from({ length: concurrentRequests }, (_, i) => i),
    plan.concurrency,
    async () => {
      const a = activity();
      ids.add(a.id);
      const s = performance.now();
      await post(a);
      lat.push(performance.now() - s);
    },
  );
  await connector.waitFor(before + concurrentRequests, 60_000);
  const ms = performance.now() - t0;
  const replied = connector.received.slice(before).filter((r) => r.replyToId && ids.has(r.replyToId)).length;
  if (replied !== concurrentRequests)
    throw new Error(`/${text}: ${replied} of ${concurrentRequests} concurrent requests got their reply`);
  const concurrent = {
    inFlight: plan.concurrency,
    requests: concurrentRequests,
    ms: round(ms),
    reqPerSec: round((concurrentRequests * 1000) / ms, 1),
    latency: summarize(lat),
  };
  log(
    `/${text}: p50 ${sequential.p50} p95 ${sequential.p95} p99 ${sequential.p99} ms (${requests} seq, ${cpuMsPerRequest} CPU ms each), ${concurrent.reqPerSec} req/s @${plan.concurrency}`,
  );

  const breakdown = await inProcessBreakdown(bot, from, text, cpuMsPerRequest);
  return {
    command: `/${text}`,
    subtitle,
    replyBytes: JSON.stringify(first.body).length,
    warmup: plan.warmup,
    sequential,
    cpuMsPerRequest,
    concurrent,
    breakdown,
  };
}

/** A V8 CPU profile of this process between start and stop (node:inspector, no flags needed). */
async function startProfiler(): Promise<{ stopTo(file: string): Promise<void> }> {
  const session = new inspector.Session();
  session.connect();
  const postAsync = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) =>
      session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))),
    );
  await postAsync('Profiler.enable');
  await postAsync('Profiler.setSamplingInterval', { interval: 200 });
  await postAsync('Profiler.start');
  return {
    async stopTo(file) {
      const { profile } = await postAsync('Profiler.stop');
      session.disconnect();
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(profile));
      log(`CPU profile written to ${file}`);
    },
  };
}

/**
 * The same command's stages called directly (no HTTP, no bot framework), so the HTTP figure can be
 * split into where the time goes. The row mapping mirrors src/teams/commands/due.ts.
 */
async function inProcessBreakdown(
  bot: RunningBot,
  from: Sender,
  text: string,
  cpuMsPerRequest: number,
): Promise<RunStats['breakdown']> {
  const { deps } = bot;
  const actor = (await deps.staff.findByAadObjectId(from.aadObjectId!))!;
  const args = text.replace(/^due\s*/, '');
  const team = / team$/.test(args);
  const today = todayIn(deps.clock(), deps.tzName);
  const window = parseDueWindow(args.replace(/\s*team$/, ''), today);
  const scope = team ? { kind: 'team' as const } : { kind: 'default' as const };
  const ctx: CommandContext = {
    deps,
    actor,
    args,
    conversationType: 'personal',
    conversationId: `a:personal-${from.id}`,
    listMembers: async () => [],
    councilTenantId: null,
    showChildNames: true,
    resolvePerson: async () => null,
    language: 'en',
    t: translator('en'),
    commands: COMMANDS,
  };
  const reps = team ? 20 : 100;
  const t: Record<string, number[]> = {
    staffLookup: [],
    storeQuery: [],
    engine: [],
    listing: [],
    listDue: [],
    commandRun: [],
    render: [],
  };
  const time = async <R>(k: string, fn: () => Promise<R> | R): Promise<R> => {
    const s = performance.now();
    const r = await fn();
    t[k]!.push(performance.now() - s);
    return r;
  };
  let rows = 0;
  let children = 0;
  for (let i = 0; i < reps; i++) {
    await time('staffLookup', () => deps.staff.findByAadObjectId(from.aadObjectId!));
    const kids = await time('storeQuery', () => (team ? deps.children.listAll() : deps.children.listByIro(actor._id)));
    const { statuses } = await time('engine', () => reviewStatuses(kids, deps));
    const listing = await time('listing', () => dueListing(statuses, window, today));
    const result = await time('listDue', () => listDue(deps, actor, window, scope));
    await time('commandRun', () => dueCommand.run(ctx));
    const names = team ? await staffNames(deps) : null;
    const row = (s: ReviewStatus<ChildDoc>): DueRow => {
      const late = daysOverdue(s, result.today);
      return {
        child: childLabel(s.child, true),
        dueBy: formatDate(s.next.dueBy),
        dueByText: `Due by ${formatDate(s.next.dueBy)}`,
        rule: s.next.rule,
        ruleText: s.next.explanation,
        booking: bookingText(s.booking, deps.tzName),
        booked: s.booking !== null,
        isOverdue: late > 0,
        overdueText: overdueText(late),
        iro: names ? (names.get(s.child.iroId) ?? s.child.iroId) : '',
      };
    };
    const model: DueCardData = {
      title: 'Reviews due this week',
      subtitle: `${scopeLabel(result.scope, actor)} · ${plural(rows, 'review')}`,
      overdue: result.listing.overdue.map(row),
      dueHeading: 'Due this week',
      due: result.listing.due.map(row),
      emptyText: 'No reviews due this week.',
      footnote: '',
      overdueCount: String(result.listing.overdue.length),
      dueCount: String(result.listing.due.length),
      summaryText: '',
      summary: [],
      pagerText: '',
      pagerButtons: [],
      labels: dueCardLabels(translator('en')),
    };
    await time('render', () => renderCard('due', model));
    rows = listing.overdue.length + listing.due.length;
    children = kids.length;
  }
  const med = (k: string) => round(median(t[k]!));
  const staffLookup = med('staffLookup');
  const commandRun = med('commandRun');
  return {
    staffLookup,
    storeQuery: med('storeQuery'),
    engine: med('engine'),
    listing: med('listing'),
    listDue: med('listDue'),
    commandRun,
    render: med('render'),
    httpAndFramework: round(cpuMsPerRequest - staffLookup - commandRun),
    rows,
    children,
  };
}

// ---- CLI (child process) ----------------------------------------------------------------------

async function main(): Promise<void> {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const size = Number(arg('--size') ?? 1000);
  const opts = JSON.parse(arg('--opts') ?? '{}') as SizeOptions;
  const result = await benchDueHttpSize(size, opts);
  const out = arg('--out');
  if (out) fs.writeFileSync(out, JSON.stringify(result));
  else process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
