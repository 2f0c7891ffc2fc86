// Profiles the served bot (node --cpu-prof) under the bench's requests: /due this week from an IRO and
// the manager's Approve with parked messages, at one size. For finding what stands between a message
// and the echo floor (issue 12). Usage: tsx bench/profile-served.ts N OUT_DIR [--keep-data=DIR]
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { mentionActivity, messageActivity, type Sender } from '../test/helpers/activities.js';
import { startFakeConnector } from '../test/helpers/fake-connector.js';
import { summarize } from './helpers.js';
import { approveActivity, prepareBacklog } from './served-backlog.js';
import { knownToTeams } from './served.js';
import { benchAadObjectId, syntheticImportDocument } from './synthetic-import.js';

const ROOT = path.resolve(__dirname, '..');
const person = (staffId: string, name: string): Sender => ({
  id: `29:bench-${staffId}`,
  name,
  aadObjectId: benchAadObjectId(staffId),
});

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 100_000);
  const out = path.resolve(process.argv[3] ?? 'cpu-profiles');
  const dir = fs.mkdtempSync(path.join(out, 'data-'));
  const dataDir = path.join(dir, 'data');
  const iroCount = Math.max(1, Math.round(n / 93));
  const file = path.join(dir, 'import.json');
  fs.writeFileSync(
    file,
    JSON.stringify(
      syntheticImportDocument(n, { today: new Date().toISOString().slice(0, 10), iroCount, seed: 20260401 }),
    ),
  );
  await exec('node', ['dist/src/cli/import.js', file], { DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const approvals = await prepareBacklog(dataDir, { iroCount, requests: 110, parked: 1000 });
  const connector = await startFakeConnector();
  const port = 39000 + Math.floor(Math.random() * 1000);
  const bot = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${out}`, 'dist/src/index.js'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      IRO_BUNDLE: process.env.IRO_BUNDLE ?? '',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 2400; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const post = async (a: object) => {
    const t = performance.now();
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(a),
    });
    await res.text();
    return performance.now() - t;
  };
  const iro = person('iro-1', 'IRO 1');
  const manager = person('tm-1', 'Reviewing Manager');
  const admin = person('admin-1', 'Administrator');
  knownToTeams(connector, [iro, manager, admin]);
  await post(mentionActivity(connector.url, admin, '/setup iro-channel'));
  const due: number[] = [];
  for (let i = 0; i < 300; i++) due.push(await post(messageActivity(connector.url, iro, '/due this week')));
  const approve: number[] = [];
  for (const r of approvals) approve.push(await post(approveActivity(connector.url, manager, r)));
  process.stdout.write(JSON.stringify({ due: summarize(due.slice(20)), approve: summarize(approve.slice(10)) }) + '\n');
  bot.kill('SIGINT');
  await new Promise((r) => bot.once('exit', r));
  await connector.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

function exec(cmd: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    p.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}`))));
  });
}

void main();
