// Composition root: config → store → services → Teams app → HTTP server. src/index.ts is the entry point
// (`node dist/src/index.js`) and this module's public face.
import { mkdir } from 'node:fs/promises';
import { loadConfig, type Config } from './config.js';
import { createClock } from './clock.js';
import type { AppDeps } from './app/deps.js';
import { createCalendar } from './domain/calendar.js';
import { getPolicy } from './domain/policies.js';
import { parseStageLabels, parseStageOverrides, stageTable } from './domain/resolutions/index.js';
import { createLogger, logProcessFailures, type Logger } from './logger.js';
import { startServer, type RunningServer } from './server.js';
import type { Store } from './store/doc-collection.js';
import { completeInterruptedImports } from './app/import/apply-import.js';
import { nextReviewFields, recomputeStaleNextReviews } from './app/next-review-fields.js';
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
import { createSyncRunner } from './app/import/sync-import.js';
import {
  createImportFolder,
  IMPORT_FOLDER_LEASE,
  IMPORT_FOLDER_LEASE_TTL_MS,
  type ImportFolder,
} from './jobs/import-folder.js';
import { instanceHolder, jobLease } from './jobs/lease.js';
import { createImportReporter } from './jobs/import-report.js';
import { ImportConflictsRepository } from './store/repositories/import-conflicts-repository.js';

export interface RunningBot {
  config: Config;
  store: Store;
  deps: AppDeps;
  server: RunningServer;
  logger: Logger;
  jobs: RunningJobs | null;
  /** IMPORT_DIR's watcher (null when unset); its timer runs with the jobs. */
  importFolder: ImportFolder | null;
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
    resolutionStages: stageTable(parseStageOverrides(config.resolutionStageDays), {
      en: parseStageLabels(config.resolutionStageLabels.en, 'RESOLUTION_STAGE_LABELS'),
      cy: parseStageLabels(config.resolutionStageLabels.cy, 'RESOLUTION_STAGE_LABELS_CY'),
    }),
    complianceTarget: config.complianceTarget,
    liaison: config.liaison,
    plan: config.plan,
    messagesQueued: () => undefined,
    importConflicts: new ImportConflictsRepository(store),
    storeHealth: () => store.health(),
  };
}

/** With no health probe at all, the first sweep still starts this soon after the server listens. */
const FIRST_SWEEP_FALLBACK_MS = 1_000;

/**
 * Settles at the first /healthz answer (or after fallbackMs): the first sweep reads every child, which at
 * 100k children would hold the event loop for seconds, so it starts right after readiness, not before.
 */
function readiness(fallbackMs: number): { promise: Promise<void>; answered(): void } {
  let answered!: () => void;
  const promise = new Promise<void>((resolve) => {
    answered = resolve;
  });
  setTimeout(answered, fallbackMs).unref();
  return { promise, answered };
}

export interface StartOptions {
  /** Run the sweeper and the outbox sender (default). Off for tests that drive them by hand. */
  jobs?: boolean;
  /** With no /healthz request, the first sweep starts this long after the server listens (default 1 s). */
  firstSweepFallbackMs?: number;
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
    // Scheduled sync (issue 14): one serialised import path for the endpoint and the folder; reports via the outbox.
    let kickSender = (): void => undefined;
    const sync = createSyncRunner(
      {
        store,
        logger: logger.child({ component: 'sync' }),
        derive: (child) => nextReviewFields(child, { policy: deps.policy, calendar: deps.calendar }),
        report: createImportReporter({
          deps,
          clock: () => new Date(),
          onEnqueued: () => kickSender(),
          logger: logger.child({ component: 'sync' }),
          defaultLanguage: config.defaultLanguage,
        }),
      },
      deps.clock,
    );
    let importFolder: ImportFolder | null = null;
    if (config.importDir) {
      await mkdir(config.importDir, { recursive: true });
      importFolder = createImportFolder({
        dir: config.importDir,
        stableMs: config.importStableSeconds * 1000,
        intervalMs: config.importScanSeconds * 1000,
        maxBytes: config.importMaxBytes,
        sync: (payload, source) => sync(payload, source, 'folder'),
        logger: logger.child({ job: 'import-folder' }),
        clock: () => new Date(),
        // Several instances may share the folder and the store: one at a time takes files (jobs/import-folder.ts).
        lease: jobLease(store, IMPORT_FOLDER_LEASE, instanceHolder(), IMPORT_FOLDER_LEASE_TTL_MS, () => new Date()),
      });
      logger.info({ stableSeconds: config.importStableSeconds }, 'watching IMPORT_DIR for case system exports');
    }
    const ready = readiness(options.firstSweepFallbackMs ?? FIRST_SWEEP_FALLBACK_MS);
    const server = await startServer(
      config,
      bot,
      logger,
      async () => {
        const h = await store.health();
        ready.answered();
        return {
          status: h.status,
          store: store.kind,
          policy: deps.policy.id,
          ...(h.reason ? { reason: h.reason } : {}),
        };
      },
      {
        sync: (payload, source) => sync(payload, source, 'http'),
        audit: (action, details) =>
          deps.audit.record({
            at: new Date(),
            actor: { id: 'sync:http', kind: 'system' },
            action,
            subject: 'import',
            details,
          }),
        now: () => new Date(),
      },
    );
    // A warning only when it was meant to be on (a short token, client ids without the app).
    if (server.importEndpoint.enabled || (!config.importTokenTooShort && !config.importClientIds.length))
      logger.info(server.importEndpoint.why);
    else logger.warn(server.importEndpoint.why);
    const startJobsWith = (notifier: ReturnType<typeof createNotifier>) =>
      startJobs({ store, deps, config, logger, notifier, members: notifier, firstSweepAfter: ready.promise });
    const jobs: RunningJobs | null =
      options.jobs === false
        ? null
        : startJobsWith(createNotifier(bot.adapter, { botAppId: config.microsoftAppId, logger }));
    if (jobs) kickSender = () => jobs.sender.kick();
    if (jobs) importFolder?.start();
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
      importFolder,
      async stop() {
        await server.close();
        await importFolder?.stop();
        await jobs?.stop();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

/** `npm run serve`: the server alone, as production runs it (called by src/index.ts). */
export async function main(): Promise<void> {
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
