// Soak for the served bench (issue 12: "RSS < 600 MB at 100k after 10 minutes of mixed load"): after the
// bench's bursts, N minutes of IROs' `/due`, `/caseload` and `/actions`, the team views and the manager's
// Approve, with the jobs running on the real clock, sampling the bot's RSS (from /proc) and V8 heap (through
// the inspector, `--inspect=127.0.0.1:0`: a Node flag, not a V8 one, so the bundle's code cache still holds)
// over time. At the end a full GC shows what is live and what was garbage V8 had kept.
import * as fs from 'node:fs';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { messageActivity, type Sender } from '../test/helpers/activities.js';
import type { FakeConnector } from '../test/helpers/fake-connector.js';
import { mb, postActivity, round } from './helpers.js';
import { approveActivity, type ApprovalRequest } from './served-backlog.js';

export interface SoakSample {
  atS: number;
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  requests: number;
}

export interface SoakResult {
  minutes: number;
  requests: number;
  /** Answers other than 200 (an Approve already decided counts as a request, not an error). */
  errors: number;
  approvals: number;
  samples: SoakSample[];
  rssEndMb: number;
  rssMaxMb: number;
  heapUsedEndMb: number;
  /** After a full GC (HeapProfiler.collectGarbage) at the end: the live heap, and RSS then. */
  liveHeapMb: number;
  rssAfterGcMb: number;
  loadAvg: number;
}

export interface SoakPeople {
  iros: Sender[];
  support: Sender;
  manager: Sender;
}

export interface SoakOptions {
  pid: number;
  botUrl: string;
  /** The bot's inspector (ws://…), from "Debugger listening on" on its stderr. */
  inspectorUrl: string;
  connector: FakeConnector;
  people: SoakPeople;
  /** Pending reschedule requests not yet decided: one Approve per round until they run out. */
  approvals: ApprovalRequest[];
  minutes: number;
  sampleEveryMs?: number;
  /** A pause between requests: a council's staff at work, not a load test. */
  pauseMs?: number;
  /** Writes a heap snapshot here after the final full GC (for sizing what is live). */
  snapshotFile?: string;
  /** Writes V8's sampling heap profile of the soak here (.heapprofile: what allocated, garbage included). */
  allocationProfileFile?: string;
}

/** One round: every kind of request once, the IRO changing from round to round. */
function roundOf(people: SoakPeople, i: number): { from: Sender; text: string }[] {
  const iro = people.iros[i % people.iros.length]!;
  return [
    { from: iro, text: '/due this week' },
    { from: iro, text: '/caseload' },
    { from: iro, text: '/actions' },
    { from: people.support, text: '/due this week team' },
    { from: people.manager, text: '/caseload team' },
    { from: iro, text: '/due' },
  ];
}

export async function soak(opts: SoakOptions): Promise<SoakResult> {
  const sampleEveryMs = opts.sampleEveryMs ?? 15_000;
  const pauseMs = opts.pauseMs ?? 100;
  const inspector = await Inspector.connect(opts.inspectorUrl);
  try {
    const samples: SoakSample[] = [];
    const t0 = performance.now();
    const until = t0 + opts.minutes * 60_000;
    let nextSample = t0;
    let requests = 0;
    let errors = 0;
    let approvals = 0;
    if (opts.allocationProfileFile)
      await inspector.send('HeapProfiler.startSampling', {
        samplingInterval: 256 * 1024,
        // What died in the old generation too: that is the garbage V8 keeps between major GCs.
        includeObjectsCollectedByMajorGC: true,
      });
    const sample = async () => {
      const m = await inspector.memoryUsage();
      samples.push({
        atS: round((performance.now() - t0) / 1000, 0),
        rssMb: rssMb(opts.pid),
        heapUsedMb: mb(m.heapUsed),
        heapTotalMb: mb(m.heapTotal),
        externalMb: mb(m.external),
        requests,
      });
    };
    for (let i = 0; performance.now() < until; i++) {
      for (const r of roundOf(opts.people, i)) {
        if (performance.now() >= nextSample) {
          await sample();
          nextSample += sampleEveryMs;
        }
        const status = await postActivity(opts.botUrl, messageActivity(opts.connector.url, r.from, r.text));
        requests++;
        if (status !== 200) errors++;
        await pause(pauseMs);
      }
      const approval = opts.approvals[approvals];
      if (approval) {
        const status = await postActivity(
          opts.botUrl,
          approveActivity(opts.connector.url, opts.people.manager, approval),
        );
        approvals++;
        requests++;
        if (status !== 200) errors++;
        await pause(pauseMs);
      }
      // The fake connector keeps what it received; the bench's own memory is not the point.
      opts.connector.received.length = 0;
    }
    await sample();
    const end = samples[samples.length - 1]!;
    if (opts.allocationProfileFile) {
      const { profile } = (await inspector.send('HeapProfiler.stopSampling')) as { profile: unknown };
      fs.writeFileSync(opts.allocationProfileFile, JSON.stringify(profile));
    }
    await inspector.send('HeapProfiler.collectGarbage');
    const afterGc = await inspector.memoryUsage();
    const rssAfterGcMb = rssMb(opts.pid);
    if (opts.snapshotFile) await inspector.heapSnapshot(opts.snapshotFile);
    return {
      minutes: opts.minutes,
      requests,
      errors,
      approvals,
      samples,
      rssEndMb: end.rssMb,
      rssMaxMb: Math.max(...samples.map((s) => s.rssMb)),
      heapUsedEndMb: end.heapUsedMb,
      liveHeapMb: mb(afterGc.heapUsed),
      rssAfterGcMb,
      loadAvg: round(os.loadavg()[0]!),
    };
  } finally {
    inspector.close();
  }
}

/** Just enough of the Chrome DevTools Protocol to read the bot's heap. */
class Inspector {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  /** Where heap snapshot chunks go while one is taken (a large heap's snapshot is too long for one string). */
  private snapshotFd: number | null = null;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (raw: Buffer) => {
      const msg = JSON.parse(raw.toString()) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
        method?: string;
        params?: { chunk?: string };
      };
      if (msg.method === 'HeapProfiler.addHeapSnapshotChunk' && this.snapshotFd !== null)
        fs.writeSync(this.snapshotFd, msg.params!.chunk!);
      if (msg.id === undefined) return;
      const w = this.waiting.get(msg.id);
      this.waiting.delete(msg.id);
      if (msg.error) w?.reject(new Error(msg.error.message));
      else w?.resolve(msg.result);
    });
  }

  static connect(url: string): Promise<Inspector> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.once('open', () => resolve(new Inspector(ws)));
      ws.once('error', reject);
    });
  }

  send(method: string, params: object = {}): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  async memoryUsage(): Promise<NodeJS.MemoryUsage> {
    const r = (await this.send('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    })) as { result: { value: string } };
    return JSON.parse(r.result.value) as NodeJS.MemoryUsage;
  }

  async heapSnapshot(file: string): Promise<void> {
    this.snapshotFd = fs.openSync(file, 'w');
    try {
      await this.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    } finally {
      fs.closeSync(this.snapshotFd);
      this.snapshotFd = null;
    }
  }

  close(): void {
    this.ws.close();
  }
}

/** The inspector's address as the bot prints it on stderr (`--inspect=127.0.0.1:0`). */
export function inspectorUrlFrom(stderr: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Debugger listening on (ws:\/\/\S+)/.exec(out);
      if (m) {
        stderr.off('data', onData);
        resolve(m[1]!);
      }
    };
    stderr.on('data', onData);
    stderr.once('end', () => reject(new Error('the bot exited before its inspector listened')));
  });
}

function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? mb(Number(m[1]) * 1024) : NaN;
  } catch {
    return NaN;
  }
}
