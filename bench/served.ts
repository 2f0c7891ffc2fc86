// Bench: the bot as production runs it (`node dist/src/index.js`, jobs on, the real clock), with data
// loaded through `npm run import`, beside the echo floor (bench/echo-bot.ts) measured interleaved,
// request by request, in the same run. This machine is shared and noisy: read the ratios.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TENANT, messageActivity, mentionActivity, type Sender } from '../test/helpers/activities.js';
import { startFakeConnector, type FakeConnector } from '../test/helpers/fake-connector.js';
import { postActivity, round, summarize, type LatencySummary } from './helpers.js';
import { approveActivity, prepareBacklog, type ApprovalRequest } from './served-backlog.js';
import { inspectorUrlFrom, rssMb, soak, type SoakResult } from './soak.js';
import { benchAadObjectId, syntheticImportDocument } from './synthetic-import.js';

const ROOT = path.resolve(__dirname, '..');
const CHILDREN_PER_IRO = 93;
const SEED = 20260401;
const APPROVE_SAMPLES = 100;
const PARKED_MESSAGES = 1_000;
/** Teams refuses a bot message over 100 KB counted as UTF-16; Microsoft recommends staying under 80 KB. */
export const TEAMS_MESSAGE_LIMIT_BYTES = 80 * 1024;

const person = (staffId: string, name: string): Sender => ({
  id: `29:bench-${staffId}`,
  name,
  aadObjectId: benchAadObjectId(staffId),
});
const IRO = person('iro-1', 'IRO 1');
const SUPPORT = person('bs-1', 'Business Support');
const MANAGER = person('tm-1', 'Reviewing Manager');
/** The soak's IROs, one per round in turn. */
const SOAK_IROS = Array.from({ length: 10 }, (_, i) => person(`iro-${i + 1}`, `IRO ${i + 1}`));
/** The soak's Approve clicks: one per round, about one every few seconds, until these run out. */
const SOAK_APPROVALS_PER_MINUTE = 10;
const ADMIN = person('admin-1', 'Administrator');

interface Probe {
  command: string;
  from: Sender;
  samples: number;
}

export interface CommandFigures {
  command: string;
  bot: LatencySummary;
  echo: LatencySummary;
  /** bot p95 ÷ echo p95, both from the same interleaved run. */
  p95Ratio: number;
  /** Largest reply seen, as Teams counts it (UTF-16 bytes of the activity JSON). */
  replyBytes: number;
  fitsTeams: boolean;
  errors: number;
}

export interface ServedResult {
  children: number;
  importMs: number;
  importOk: boolean;
  startToHealthzMs: number;
  commands: CommandFigures[];
  /** The manager's Approve invoke with pending requests and parked messages (issue 12: p95 < 50 ms at 100k with 1,000 parked). */
  approve: { parked: number; bot: LatencySummary; echo: LatencySummary; p95Ratio: number; refused: number };
  rssMb: number;
  proactiveSent: number;
  loadAvg: number;
  /** With `soakMinutes`: RSS and heap over that many minutes of mixed load after the bursts above. */
  soak?: SoakResult;
}

export async function benchServed(
  n: number,
  opts: { teamViews: boolean; soakMinutes?: number; soakSnapshot?: string; soakAllocationProfile?: string },
): Promise<ServedResult> {
  const soakMinutes = opts.soakMinutes ?? 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-bench-served-'));
  const dataDir = path.join(dir, 'data');
  const file = path.join(dir, 'import.json');
  let bot: ChildProcess | undefined;
  let echo: ChildProcess | undefined;
  let connector: FakeConnector | undefined;
  try {
    const today = new Date().toISOString().slice(0, 10);
    const iroCount = Math.max(1, Math.round(n / CHILDREN_PER_IRO));
    fs.writeFileSync(file, JSON.stringify(syntheticImportDocument(n, { today, iroCount, seed: SEED })));

    const t0 = performance.now();
    const imported = await run('npm', ['run', '--silent', 'import', '--', file], {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
    const importMs = performance.now() - t0;
    if (imported.code !== 0)
      process.stderr.write(`  [served] import of ${n} children failed: ${imported.stderr.slice(0, 500)}\n`);
    const approvals = await prepareBacklog(dataDir, {
      iroCount,
      requests: APPROVE_SAMPLES + 10 + Math.ceil(soakMinutes * SOAK_APPROVALS_PER_MINUTE),
      parked: PARKED_MESSAGES,
    });

    connector = await startFakeConnector();
    knownToTeams(connector, [IRO, SUPPORT, MANAGER, ADMIN, ...SOAK_IROS]);
    const port = await freePort();
    const t1 = performance.now();
    // A soak reads the heap through the inspector (a Node flag: the bundle's code cache still holds).
    bot = spawn(process.execPath, [...(soakMinutes > 0 ? ['--inspect=127.0.0.1:0'] : []), 'dist/src/index.js'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', soakMinutes > 0 ? 'pipe' : 'inherit'],
      env: { ...cleanEnv(), PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    });
    const inspectorUrl = bot.stderr ? inspectorUrlFrom(bot.stderr) : undefined;
    bot.stderr?.pipe(process.stderr);
    const botUrl = `http://127.0.0.1:${port}`;
    await waitForHealthz(botUrl, 120_000);
    const startToHealthzMs = performance.now() - t1;

    echo = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'echo-bot.ts')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const echoUrl = `http://127.0.0.1:${await listeningPort(echo)}`;

    // A destination for the jobs' digests, as a council would have it.
    await postActivity(botUrl, mentionActivity(connector.url, ADMIN, '/setup iro-channel'));

    const probes: Probe[] = [{ command: '/due this week', from: IRO, samples: 200 }];
    if (opts.teamViews) {
      const teamSamples = n >= 100_000 ? 20 : n >= 10_000 ? 40 : 100;
      probes.push({ command: '/due this week team', from: SUPPORT, samples: teamSamples });
      probes.push({ command: '/caseload team', from: MANAGER, samples: teamSamples });
    }
    const commands: CommandFigures[] = [];
    for (const probe of probes) commands.push(await measure(probe, botUrl, echoUrl, connector));
    const approve = await measureApprove(approvals.slice(0, APPROVE_SAMPLES + 10), botUrl, echoUrl, connector);
    const rssAfterLoad = rssMb(bot.pid!);
    const soaked =
      soakMinutes > 0 && inspectorUrl
        ? await soak({
            pid: bot.pid!,
            botUrl,
            inspectorUrl: await inspectorUrl,
            connector,
            people: { iros: SOAK_IROS, support: SUPPORT, manager: MANAGER },
            approvals: approvals.slice(APPROVE_SAMPLES + 10),
            minutes: soakMinutes,
            snapshotFile: opts.soakSnapshot,
            allocationProfileFile: opts.soakAllocationProfile,
          })
        : undefined;

    return {
      children: n,
      importMs: round(importMs, 0),
      importOk: imported.code === 0,
      startToHealthzMs: round(startToHealthzMs, 0),
      commands,
      approve,
      rssMb: rssAfterLoad,
      proactiveSent: connector.attempts.filter((a) => a.key && a.outcome === 'ok').length,
      loadAvg: round(os.loadavg()[0]!),
      ...(soaked ? { soak: soaked } : {}),
    };
  } finally {
    bot?.kill('SIGTERM');
    echo?.kill('SIGTERM');
    await connector?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The people as Teams lists them (GET …/members/{id}), as it would for a council's staff: the bot reads a sender's
 * member record at most once a minute; a 404 (someone Teams does not list) is asked again on every message.
 */
export function knownToTeams(connector: FakeConnector, people: readonly Sender[]): void {
  for (const p of people) {
    connector.members.set(p.id, {
      id: p.id,
      name: p.name,
      aadObjectId: p.aadObjectId,
      tenantId: TENANT,
      userRole: 'user',
    });
  }
}

/** Warm-up, then bot and echo requests alternately, so both see the same machine at the same moment. */
async function measure(
  probe: Probe,
  botUrl: string,
  echoUrl: string,
  connector: FakeConnector,
): Promise<CommandFigures> {
  const warmup = Math.min(10, probe.samples);
  const botMs: number[] = [];
  const echoMs: number[] = [];
  let replyBytes = 0;
  let errors = 0;
  for (let i = 0; i < warmup + probe.samples; i++) {
    const e = await timedPost(echoUrl, messageActivity(connector.url, probe.from, probe.command));
    const activity = messageActivity(connector.url, probe.from, probe.command);
    const b = await timedPost(botUrl, activity);
    if (b.status !== 200 || e.status !== 200) errors++;
    const reply = connector.received.find((r) => r.replyToId === activity.id);
    if (reply) replyBytes = Math.max(replyBytes, JSON.stringify(reply.body).length * 2);
    if (i >= warmup) {
      botMs.push(b.ms);
      echoMs.push(e.ms);
    }
  }
  connector.received.length = 0;
  const bot = summarize(botMs);
  const echo = summarize(echoMs);
  return {
    command: probe.command,
    bot,
    echo,
    p95Ratio: round(bot.p95 / echo.p95),
    replyBytes,
    fitsTeams: replyBytes <= TEAMS_MESSAGE_LIMIT_BYTES,
    errors,
  };
}

/** Approve clicks, each on its own pending request, interleaved with echo requests. */
async function measureApprove(
  approvals: ApprovalRequest[],
  botUrl: string,
  echoUrl: string,
  connector: FakeConnector,
): Promise<ServedResult['approve']> {
  const botMs: number[] = [];
  const echoMs: number[] = [];
  let refused = 0;
  const warmup = Math.max(0, approvals.length - APPROVE_SAMPLES);
  for (const [i, r] of approvals.entries()) {
    const e = await timedPost(echoUrl, messageActivity(connector.url, MANAGER, 'approve'));
    const t = performance.now();
    const res = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(approveActivity(connector.url, MANAGER, r)),
    });
    const body = await res.text();
    const ms = performance.now() - t;
    if (res.status !== 200 || !body.includes('Approved by')) refused++;
    if (i >= warmup) {
      botMs.push(ms);
      echoMs.push(e.ms);
    }
  }
  connector.received.length = 0;
  const bot = summarize(botMs);
  const echo = summarize(echoMs);
  return { parked: PARKED_MESSAGES, bot, echo, p95Ratio: round(bot.p95 / echo.p95), refused };
}

async function timedPost(url: string, activity: object): Promise<{ ms: number; status: number }> {
  const t = performance.now();
  const status = await postActivity(url, activity);
  return { ms: performance.now() - t, status };
}

async function waitForHealthz(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the bot did not answer /healthz within ${timeoutMs} ms`);
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`echo bot exited with ${code}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[], env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...cleanEnv(), ...env } });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? 1, stderr }));
  });
}

/** The served bot gets the machine's environment minus anything that would change its behaviour. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['IRO_NOW', 'MONGODB_URI', 'MicrosoftAppId', 'PORT', 'DATA_DIR']) delete env[k];
  return env;
}
