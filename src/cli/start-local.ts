import path from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { startIroBot, type RunningBot } from '../index.js';
import { createLogger, type Logger } from '../logger.js';
import { completeInterruptedImports } from '../app/import/apply-import.js';
import { openStore } from '../store/open-store.js';
import { ensureIndexes } from '../store/repositories/indexes.js';
import { loadDemoIfEmpty } from './demo-data.js';
import {
  choosePlaygroundPort, DEFAULT_PLAYGROUND_PORT, startPlayground, writePlaygroundConfig, type RunningPlayground,
} from './playground.js';

// `npm start`: demo data into an empty store, the bot on PORT, and the Agents Playground (a local
// Teams client) chatting to it as the demo IRO, so a person can try the bot at once.

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

/** Where the playground's config and log go: under DATA_DIR (git-ignored), in a folder the store ignores. */
export function playgroundDir(config: Config): string {
  return path.join(config.dataDir, 'playground');
}

function storeText(bot: RunningBot): string {
  const dir = bot.config.dataDir.endsWith('/') ? bot.config.dataDir : `${bot.config.dataDir}/`;
  return bot.store.kind === 'embedded' ? `embedded store in ${dir}` : `MongoDB database ${bot.config.mongodbDb}`;
}

function playgroundPortFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.PLAYGROUND_PORT?.trim();
  if (!raw) return DEFAULT_PLAYGROUND_PORT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`invalid configuration: PLAYGROUND_PORT must be a port number, got "${raw}"`);
  return n;
}

async function main(): Promise<void> {
  let config: Config;
  let preferredPort: number;
  try {
    config = loadConfig();
    preferredPort = playgroundPortFromEnv(process.env);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);

  let bot: RunningBot | undefined;
  let playground: RunningPlayground | undefined;
  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'stopping');
    // Playground first: it keeps calling the bot until it is gone.
    await playground?.stop().catch((err: Error) => logger.warn({ err: err.message }, 'could not stop the Agents Playground'));
    await bot?.stop().catch((err: Error) => logger.warn({ err: err.message }, 'could not stop the bot'));
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown('SIGINT', 0));
  process.once('SIGTERM', () => void shutdown('SIGTERM', 0));
  // Last resort if we die some other way: never leave the playground holding its port.
  process.once('exit', () => {
    if (playground && !stopping) {
      try { process.kill(playground.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
  });

  try {
    const loaded = await prepareDemoStore(config, logger);
    logger.info({ demoLoaded: loaded }, loaded ? 'demo data loaded into the empty store' : 'store already has children; demo data not loaded');
    bot = await startIroBot(config, logger);
  } catch (err) {
    const e = err as Error & { code?: string };
    logger.fatal({ code: e.code }, `could not start: ${e.message}`);
    process.exit(1);
  }
  const running = bot;
  const where = `IRO Bot is running on ${running.server.url} (${storeText(running)}, policy ${running.deps.policy.id}).`;

  if (!config.playground) {
    console.log(`\n${where}\nPLAYGROUND=false, so the Agents Playground was not started: post activities to ${running.server.url}/api/messages. Ctrl-C stops it.\n`);
    return;
  }

  try {
    const files = await writePlaygroundConfig(playgroundDir(config));
    const port = await choosePlaygroundPort(preferredPort);
    playground = await startPlayground({ botEndpoint: `${running.server.url}/api/messages`, port, files });
    logger.info({ port: playground.port, pid: playground.pid }, 'Agents Playground listening');
  } catch (err) {
    logger.fatal(`could not start the Agents Playground: ${(err as Error).message}`);
    await shutdown('playground failed to start', 1);
    return;
  }
  void playground.exited.then(({ code, signal }) => {
    if (!stopping) {
      logger.error({ code, signal }, 'the Agents Playground exited; stopping the bot');
      void shutdown('playground exited', 1);
    }
  });

  console.log([
    '',
    where,
    `Open ${playground.url} in your browser and type /due this week`,
    '(You are Alex Wilber, the demo IRO. Ctrl-C stops the bot and the playground.)',
    '',
  ].join('\n'));
}

if (require.main === module) void main();
