import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PERSONAS, type PersonaKey } from '../../../src/cli/demo-personas.js';
import { prepareDemoStore, startPersonaPlaygrounds, type RunningSeat } from '../../../src/cli/start-local.js';
import { loadConfig } from '../../../src/config.js';
import { startIroBot, type RunningBot } from '../../../src/index.js';
import { createLogger } from '../../../src/logger.js';

// What `npm start` runs, in-process and on free ports: the bot with the demo data in a temp DATA_DIR,
// and one Agents Playground (its own node process) per persona, connected by the same code.
export interface DemoStack {
  bot?: RunningBot;
  seats: RunningSeat[];
  dataDir: string;
  /** The running Playground of a persona. */
  seat(key: PersonaKey): RunningSeat;
  /** Stops whatever was started, even if starting failed half way. */
  stop(): Promise<void>;
}

/** `personas`: whose Playgrounds to start (default: all, as `npm start`). */
export async function startDemoStack(
  opts: { now: string; personas?: PersonaKey[] },
  stack: DemoStack = emptyStack(),
): Promise<DemoStack> {
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: stack.dataDir,
    LOG_LEVEL: 'silent',
    IRO_NOW: opts.now,
    PLAYGROUND: 'true',
  });
  const logger = createLogger('silent');
  if (!(await prepareDemoStore(config, logger))) throw new Error('the demo data was not loaded into the fresh store');
  stack.bot = await startIroBot(config, logger);
  const personas = opts.personas ? DEMO_PERSONAS.filter((p) => opts.personas!.includes(p.key)) : DEMO_PERSONAS;
  // Bot first, playgrounds second: messages sent before a playground is connected are dropped.
  stack.seats = await startPersonaPlaygrounds(stack.bot, 0, personas);
  return stack;
}

/** Created before starting so a failed start can still be cleaned up by the caller's after hook. */
export function emptyStack(): DemoStack {
  const stack: DemoStack = {
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'iro-bot-e2e-')),
    seats: [],
    seat(key) {
      const s = stack.seats.find((x) => x.persona.key === key);
      if (!s) throw new Error(`no Playground for ${key} was started`);
      return s;
    },
    async stop() {
      const problems: string[] = [];
      await Promise.all(
        stack.seats.map((s) => s.playground.stop().catch((e: Error) => problems.push(`playground: ${e.message}`))),
      );
      await stack.bot?.stop().catch((e: Error) => problems.push(`bot: ${e.message}`));
      fs.rmSync(stack.dataDir, { recursive: true, force: true });
      if (problems.length) throw new Error(`cleanup: ${problems.join('; ')}`);
    },
  };
  return stack;
}
