import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

// The Microsoft 365 Agents Playground (a local Teams client) for `npm start` and the e2e test:
// its config file (who is chatting) and starting/stopping its process. See
// docs/notes/agents-playground.md for what was checked and why each option is set.

export const DEFAULT_PLAYGROUND_PORT = 56150;

/** One person as the playground's config file describes them (`userPrincipleName` is its spelling). */
export interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

export interface PlaygroundConfig {
  version: '0.1.1';
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  /** The playground requires exactly 5. */
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}

/** YAML for the config file. JSON strings are valid YAML double-quoted scalars, so each value is quoted that way. */
export function playgroundConfigYaml(cfg: PlaygroundConfig): string {
  if (cfg.users.length !== 5) throw new Error(`the playground needs exactly 5 users, got ${cfg.users.length}`);
  const q = (v: string) => JSON.stringify(v);
  const user = (u: PlaygroundUser, indent: string, first: string) =>
    (Object.keys(u) as (keyof PlaygroundUser)[])
      .map((k, i) => `${i === 0 ? first : indent}${k}: ${q(u[k])}`)
      .join('\n');
  return [
    '# Written by src/cli/playground.ts on every start: edit src/cli/demo-personas.ts, not this file.',
    `version: ${q(cfg.version)}`,
    `tenantId: ${q(cfg.tenantId)}`,
    'bot:',
    `  id: ${q(cfg.bot.id)}`,
    `  name: ${q(cfg.bot.name)}`,
    'currentUser:',
    user(cfg.currentUser, '  ', '  '),
    'users:',
    ...cfg.users.map((u) => user(u, '    ', '  - ')),
    'personalChat:',
    `  id: ${q(cfg.personalChat.id)}`,
    'groupChat:',
    `  id: ${q(cfg.groupChat.id)}`,
    `  name: ${q(cfg.groupChat.name)}`,
    'team:',
    `  id: ${q(cfg.team.id)}`,
    `  name: ${q(cfg.team.name)}`,
    `  aadGroupId: ${q(cfg.team.aadGroupId)}`,
    '  channels:',
    ...cfg.team.channels.map((c) => `    - id: ${q(c.id)}\n      name: ${q(c.name)}`),
    '',
  ].join('\n');
}

export interface PlaygroundFiles {
  dir: string;
  configPath: string;
  logPath: string;
}

/**
 * Writes the config into `dir` (created). Not the repo root, where the playground looks by default,
 * and not DATA_DIR itself: the embedded store treats every `*.log` file there as a collection.
 */
export async function writePlaygroundConfig(dir: string, cfg: PlaygroundConfig): Promise<PlaygroundFiles> {
  // Absolute paths: the Playground runs with its cwd in `dir`, and a relative config path would then
  // miss the file, so it would silently fall back to its default user (issue 11, point 1).
  dir = path.resolve(dir);
  await mkdir(dir, { recursive: true });
  const files = {
    dir,
    configPath: path.join(dir, 'm365agentsplayground.yml'),
    logPath: path.join(dir, 'm365agentsplayground.log'),
  };
  await writeFile(files.configPath, playgroundConfigYaml(cfg), 'utf8');
  return files;
}

/** `preferred` if it can be bound on all interfaces (as the playground binds), else 0 (any free port). */
export async function choosePort(preferred: number): Promise<number> {
  if (preferred === 0) return 0;
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(0));
    probe.listen(preferred, () => probe.close(() => resolve(preferred)));
  });
}

export interface StartPlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** 0 lets the OS choose. */
  port: number;
  files: PlaygroundFiles;
  /** How long to wait for "Listening on N". */
  startTimeoutMs?: number;
}

export interface RunningPlayground {
  url: string;
  port: number;
  pid: number;
  /** Its stdout and stderr so far (for error messages). */
  output(): string;
  /** Resolves when the process has exited, whoever ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export function playgroundCliPath(): string {
  return require.resolve('@microsoft/m365agentsplayground/cli.js');
}

/**
 * Spawns the playground's cli.js with this node binary (no npx or shell in between), so `pid` is the
 * process that holds the port and killing it frees the port.
 */
export async function startPlayground(opts: StartPlaygroundOptions): Promise<RunningPlayground> {
  const args = [
    playgroundCliPath(),
    '-e',
    opts.botEndpoint,
    '-c',
    'msteams',
    '-p',
    String(opts.port),
    '--disable-telemetry',
  ];
  const child = spawn(process.execPath, args, {
    cwd: opts.files.dir, // anything it writes relative to cwd lands beside its config
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none', // we print the URL; a browser launched from here would be the wrong one in CI
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true', // otherwise it probes Azure hosts even with --disable-telemetry
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: opts.files.configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: opts.files.logPath,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);

  const port = await new Promise<number>((resolve, reject) => {
    const timeout = opts.startTimeoutMs ?? 30_000;
    const timer = setTimeout(
      () => fail(new Error(`the Agents Playground did not start within ${timeout} ms:\n${output}`)),
      timeout,
    );
    const onData = () => {
      const m = /Listening on (\d+)/.exec(output);
      if (m) done(() => resolve(Number(m[1])));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(new Error(`the Agents Playground exited (${signal ?? `code ${code}`}) before listening:\n${output}`));
    const onError = (err: Error) => fail(new Error(`could not start the Agents Playground: ${err.message}`));
    function done(f: () => void) {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      f();
    }
    function fail(err: Error) {
      done(() => reject(err));
      killHard(child);
    }
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });

  return {
    url: `http://localhost:${port}`,
    port,
    pid: child.pid!,
    output: () => output,
    exited,
    stop: () => stopChild(child, exited),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => killHard(child), 3000);
  await exited;
  clearTimeout(timer);
}

function killHard(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
