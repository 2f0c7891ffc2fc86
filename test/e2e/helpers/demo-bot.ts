import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDemoStore, playgroundDir } from '../../../src/cli/start-local.js';
import { startPlayground, writePlaygroundConfig, type PlaygroundConfig, type RunningPlayground } from '../../../src/cli/playground.js';
import { loadConfig } from '../../../src/config.js';
import { startIroBot, type RunningBot } from '../../../src/index.js';
import { createLogger } from '../../../src/logger.js';

// What `npm start` runs, in-process and on free ports: the bot with the demo data in a temp DATA_DIR,
// and the Agents Playground (its own node process) pointed at it.
export interface DemoStack {
  bot?: RunningBot;
  playground?: RunningPlayground;
  dataDir: string;
  /** Stops whatever was started, even if starting failed half way. */
  stop(): Promise<void>;
}

/** `playgroundConfig`: another cast or current user (default: Alex Wilber, iro-1, is chatting). */
export async function startDemoStack(opts: { now: string; playgroundConfig?: PlaygroundConfig }, stack: DemoStack = emptyStack()): Promise<DemoStack> {
  const config = loadConfig({ PORT: '0', DATA_DIR: stack.dataDir, LOG_LEVEL: 'silent', IRO_NOW: opts.now, PLAYGROUND: 'true' });
  const logger = createLogger('silent');
  if (!(await prepareDemoStore(config, logger))) throw new Error('the demo data was not loaded into the fresh store');
  stack.bot = await startIroBot(config, logger);
  const files = await writePlaygroundConfig(playgroundDir(config), opts.playgroundConfig);
  // Bot first, playground second: messages sent before the playground is connected are dropped.
  stack.playground = await startPlayground({ botEndpoint: `${stack.bot.server.url}/api/messages`, port: 0, files });
  return stack;
}

/** Created before starting so a failed start can still be cleaned up by the caller's after hook. */
export function emptyStack(): DemoStack {
  const stack: DemoStack = {
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'iro-bot-e2e-')),
    async stop() {
      const problems: string[] = [];
      await stack.playground?.stop().catch((e: Error) => problems.push(`playground: ${e.message}`));
      await stack.bot?.stop().catch((e: Error) => problems.push(`bot: ${e.message}`));
      fs.rmSync(stack.dataDir, { recursive: true, force: true });
      if (problems.length) throw new Error(`cleanup: ${problems.join('; ')}`);
    },
  };
  return stack;
}
