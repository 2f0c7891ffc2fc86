// Composition root: config → store → services → Teams app → HTTP server.
import { loadConfig, type Config } from './config.js';
import { createClock } from './clock.js';
import type { AppDeps } from './app/deps.js';
import { createCalendar } from './domain/calendar.js';
import { getPolicy } from './domain/policies.js';
import { parseStageOverrides, stageTable } from './domain/resolutions/index.js';
import { createLogger, logProcessFailures, type Logger } from './logger.js';
import { startServer, type RunningServer } from './server.js';
import type { Store } from './store/doc-collection.js';
import { completeInterruptedImports } from './app/import/apply-import.js';
import { recomputeStaleNextReviews } from './app/next-review-fields.js';
import { openStore } from './store/open-store.js';
import { AuditLog } from './store/repositories/audit-log.js';
import { ChildrenRepository } from './store/repositories/children-repository.js';
import { ConversationRepository } from './store/repositories/conversation-repository.js';
import { OutboxRepository } from './store/repositories/outbox-repository.js';
import { ensureIndexes } from './store/repositories/indexes.js';
import { StaffRepository } from './store/repositories/staff-repository.js';
import { createBot } from './teams/bot.js';
import { createNotifier } from './teams/notifier.js';
import { startJobs, type RunningJobs } from './jobs/run-jobs.js';

export interface RunningBot {
  config: Config;
  store: Store;
  deps: AppDeps;
  server: RunningServer;
  logger: Logger;
  jobs: RunningJobs | null;
  stop(): Promise<void>;
}

export function buildDeps(config: Config, store: Store): AppDeps {
  return {
    staff: new StaffRepository(store),
    children: new ChildrenRepository(store),
    audit: new AuditLog(store),
    conversations: new ConversationRepository(store),
    outbox: new OutboxRepository(store),
    policy: getPolicy(config.timescalePolicy),
    calendar: createCalendar({ region: config.holidayRegion, closureDays: config.closureDays }),
    clock: createClock(config.fixedNow),
    tzName: config.tzName,
    dueSoonWorkingDays: config.dueSoonWorkingDays,
    booking: {
      slotTimes: config.slotTimes,
      maxReviewsPerDay: config.maxReviewsPerDay,
      autoApproveWithinTimescale: config.rescheduleAutoApproveWithinTimescale,
    },
    resolutionStages: stageTable(parseStageOverrides(config.resolutionStageDays)),
    complianceTarget: config.complianceTarget,
    messagesQueued: () => undefined,
    storeHealth: () => store.health(),
  };
}

export interface StartOptions {
  /** Run the sweeper and the outbox sender (default). Off for tests that drive them by hand. */
  jobs?: boolean;
}

export async function startIroBot(
  config: Config,
  logger = createLogger(config.logLevel),
  options: StartOptions = {},
): Promise<RunningBot> {
  const store = await openStore(config, logger);
  try {
    await completeInterruptedImports(store, logger); // before anything reads: an import is all or nothing
    await ensureIndexes(store);
    const deps = buildDeps(config, store);
    // Policy, bank holidays or closure days changed (or an import left some uncomputed): recompute those.
    const { recomputed } = await recomputeStaleNextReviews(deps.children, deps);
    if (recomputed > 0) logger.info({ recomputed }, 'recomputed stored next reviews (policy or calendar changed)');
    await deps.conversations.ensureIndexes();
    await deps.outbox.ensureIndexes();
    const bot = createBot(config, deps, logger);
    const server = await startServer(config, bot, logger, async () => {
      const h = await store.health();
      return { status: h.status, store: store.kind, policy: deps.policy.id, ...(h.reason ? { reason: h.reason } : {}) };
    });
    const startJobsWith = (notifier: ReturnType<typeof createNotifier>) =>
      startJobs({ store, deps, config, logger, notifier, members: notifier });
    const jobs: RunningJobs | null =
      options.jobs === false
        ? null
        : startJobsWith(createNotifier(bot.adapter, { botAppId: config.microsoftAppId, logger }));
    logger.info(
      { url: server.url, store: store.kind, policy: deps.policy.id, localMode: config.localMode },
      'IRO Bot listening',
    );
    if (config.localMode) {
      logger.warn('local mode: no MicrosoftAppId, so requests are not authenticated; listening on 127.0.0.1 only');
    }
    return {
      config,
      store,
      deps,
      server,
      logger,
      jobs,
      async stop() {
        await server.close();
        await jobs?.stop();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

/** `npm run serve`: the server alone, as production runs it. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);
  logProcessFailures(logger);
  const running = await startIroBot(config, logger).catch((err: unknown) => {
    const e = err as { code?: unknown; message?: string };
    logger.fatal({ code: e.code }, `could not start: ${e.message}`);
    process.exit(1);
  });
  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

if (require.main === module) void main();
