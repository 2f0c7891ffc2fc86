import { rm } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { startIroBot, type RunningBot } from '../index.js';
import { createLogger, logProcessFailures, type Logger } from '../logger.js';
import { completeInterruptedImports } from '../app/import/apply-import.js';
import { openStore } from '../store/open-store.js';
import { ensureIndexes } from '../store/repositories/indexes.js';
import { loadDemoIfEmpty } from './demo-data.js';
import { connectSeat, whenPageOpened, type PersonaSeat, type SeatConnection } from './demo-channels.js';
import { demoStaff } from './demo-data.js';
import { DEMO_PERSONAS, personaPlaygroundConfig, type DemoPersona } from './demo-personas.js';
import {
  choosePort,
  DEFAULT_PLAYGROUND_PORT,
  startPlayground,
  writePlaygroundConfig,
  type RunningPlayground,
} from './playground.js';

// `npm start`: demo data into an empty store, the bot on PORT, and one Agents Playground (a local
// Teams client) per demo persona, each signed in as that person, so a person can try every workflow
// from every seat at once (src/cli/demo-personas.ts).

export const DEFAULT_BOT_PORT = 3978;

/** Loads the demo data (dates relative to IRO_NOW or today) if the store has no children; closes the store again. */
export async function prepareDemoStore(config: Config, logger?: Logger): Promise<boolean> {
  const store = await openStore(config, logger);
  try {
    await completeInterruptedImports(store, logger); // before anything reads: an import is all or nothing
    await ensureIndexes(store);
    return await loadDemoIfEmpty(store, config.fixedNow ?? new Date());
  } finally {
    await store.close(); // startIroBot opens it again; the embedded store allows one holder at a time
  }
}

/** Where the playgrounds' configs and logs go: under DATA_DIR (git-ignored), in a folder the store ignores. Absolute. */
export function playgroundDir(config: Config, persona?: DemoPersona): string {
  return path.resolve(config.dataDir, 'playground', ...(persona ? [persona.key] : []));
}

/**
 * The config `npm start` runs with: DATA_DIR made absolute (the Playgrounds run in other folders),
 * and, when PORT is not set in the environment, 3978 or any free port if 3978 is taken (a shared
 * machine), so the README's command works as written. An explicit PORT is used as given.
 */
export async function localConfig(env: NodeJS.ProcessEnv): Promise<Config> {
  const config = loadConfig(env);
  const portGiven = (env.PORT ?? '').trim() !== '';
  return {
    ...config,
    dataDir: path.resolve(config.dataDir),
    port: portGiven ? config.port : await choosePort(DEFAULT_BOT_PORT),
  };
}

export interface RunningSeat extends PersonaSeat {
  playground: RunningPlayground;
  /** Resolves when the persona's page has been opened and their channel connected (set up on first start). */
  connected: Promise<SeatConnection>;
}

/**
 * Starts one Playground per persona (ports `preferredPort`, +1, +2 … where free, else any free port),
 * then connects them to the bot (channel set-up on first start). Stops what it started if one fails.
 */
export async function startPersonaPlaygrounds(
  bot: RunningBot,
  preferredPort: number,
  personas: readonly DemoPersona[] = DEMO_PERSONAS,
): Promise<RunningSeat[]> {
  const seats: RunningSeat[] = [];
  try {
    await Promise.all(
      personas.map(async (persona, i) => {
        const files = await writePlaygroundConfig(playgroundDir(bot.config, persona), personaPlaygroundConfig(persona));
        await rm(files.logPath, { force: true }); // whenPageOpened reads this start's log only
        const port = preferredPort === 0 ? 0 : await choosePort(preferredPort + i);
        const playground = await startPlayground({ botEndpoint: `${bot.server.url}/api/messages`, port, files });
        let exited = false;
        void playground.exited.then(() => {
          exited = true;
        });
        const seat: PersonaSeat = { persona, url: playground.url };
        const connected = whenPageOpened(files.logPath, () => exited).then(async (opened) => {
          if (!opened) return {};
          const result = await connectSeat(seat, bot.deps.conversations);
          bot.jobs?.drainer.kick(); // cards that waited for this channel (e.g. liaison prompts) go now, live
          if (result.missing) bot.logger.warn({ persona: persona.key }, `the bot refused to set up ${result.missing}`);
          else if (result.setUp) bot.logger.info({ persona: persona.key }, `channel set up: ${result.setUp}`);
          return result;
        });
        connected.catch((err: Error) =>
          bot.logger.warn({ persona: persona.key, err: err.message }, 'could not connect a Playground channel'),
        );
        seats.push({ ...seat, playground, connected });
      }),
    );
    seats.sort((a, b) => personas.indexOf(a.persona) - personas.indexOf(b.persona));
    return seats;
  } catch (err) {
    await Promise.all(seats.map((s) => s.playground.stop().catch(() => undefined)));
    throw err;
  }
}

/** The lines `npm start` prints: one Playground address per persona. */
export function seatsText(seats: readonly RunningSeat[]): string {
  const names = new Map(demoStaff().map((s) => [s.id, s.name]));
  const w1 = Math.max(...seats.map((s) => s.persona.seat.length));
  const w2 = Math.max(...seats.map((s) => (names.get(s.persona.staffId) ?? '').length));
  return seats
    .map(
      ({ persona: p, url }) =>
        `  ${p.seat.padEnd(w1)}  ${(names.get(p.staffId) ?? p.staffId).padEnd(w2)}  ${url}   try ${p.tryFirst}${p.setup ? `  (channel: ${p.team.name} › ${p.team.channel.name})` : ''}`,
    )
    .join('\n');
}

function storeText(bot: RunningBot): string {
  const dir = bot.config.dataDir.endsWith('/') ? bot.config.dataDir : `${bot.config.dataDir}/`;
  return bot.store.kind === 'embedded' ? `embedded store in ${dir}` : `MongoDB database ${bot.config.mongodbDb}`;
}

function playgroundPortFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.PLAYGROUND_PORT?.trim();
  if (!raw) return DEFAULT_PLAYGROUND_PORT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`invalid configuration: PLAYGROUND_PORT must be a port number, got "${raw}"`);
  return n;
}

async function main(): Promise<void> {
  let config: Config;
  let preferredPort: number;
  try {
    config = await localConfig(process.env);
    preferredPort = playgroundPortFromEnv(process.env);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);
  logProcessFailures(logger);

  let bot: RunningBot | undefined;
  let seats: RunningSeat[] = [];
  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'stopping');
    // Playgrounds first: they keep calling the bot until they are gone.
    await Promise.all(
      seats.map((s) =>
        s.playground
          .stop()
          .catch((err: Error) => logger.warn({ err: err.message }, 'could not stop an Agents Playground')),
      ),
    );
    await bot?.stop().catch((err: Error) => logger.warn({ err: err.message }, 'could not stop the bot'));
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown('SIGINT', 0));
  process.once('SIGTERM', () => void shutdown('SIGTERM', 0));
  // Last resort if we die some other way: never leave a playground holding its port.
  process.once('exit', () => {
    if (stopping) return;
    for (const s of seats) {
      try {
        process.kill(s.playground.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  });

  try {
    const loaded = await prepareDemoStore(config, logger);
    logger.info(
      { demoLoaded: loaded },
      loaded ? 'demo data loaded into the empty store' : 'store already has children; demo data not loaded',
    );
    bot = await startIroBot(config, logger);
  } catch (err) {
    const e = err as Error & { code?: string };
    logger.fatal({ code: e.code }, `could not start: ${e.message}`);
    process.exit(1);
  }
  const running = bot;
  const where = `IRO Bot is running on ${running.server.url} (${storeText(running)}, policy ${running.deps.policy.id}).`;

  if (!config.playground) {
    console.log(
      `\n${where}\nPLAYGROUND=false, so the Agents Playground was not started: post activities to ${running.server.url}/api/messages. Ctrl-C stops it.\n`,
    );
    return;
  }

  try {
    seats = await startPersonaPlaygrounds(running, preferredPort);
    logger.info({ ports: seats.map((s) => s.playground.port) }, 'Agents Playgrounds listening');
  } catch (err) {
    logger.fatal(`could not start the Agents Playgrounds: ${(err as Error).message}`);
    await shutdown('playground failed to start', 1);
    return;
  }
  for (const s of seats) {
    void s.playground.exited.then(({ code, signal }) => {
      if (!stopping) {
        logger.error({ code, signal, persona: s.persona.key }, 'an Agents Playground exited; stopping the bot');
        void shutdown('playground exited', 1);
      }
    });
  }

  const first = seats[0]!;
  console.log(
    [
      '',
      where,
      `Open ${first.url} in your browser, pick Personal Chat and type ${first.persona.tryFirst}`,
      '',
      'One Agents Playground per person, each signed in as that person (open several tabs to act as each):',
      seatsText(seats),
      '',
      'A Playground shows only what arrives while its page is open: open the tabs you need first. Each',
      "person's channel is set up by the admin (/setup) when you first open their Playground; cards for it",
      'wait until then. In channels, @mention the bot first, as in Teams. Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

if (require.main === module) void main();
