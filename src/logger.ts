import pino from 'pino';

// One logger; a child per turn carries activity id, conversation id and command (docs/DESIGN.md rule 7).
// Only ids are logged: never names, dates of birth or message text.
export type Logger = pino.Logger;

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'iro-bot' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/**
 * Uncaught exceptions, unhandled rejections and process warnings (ours or an SDK's) are logged as one JSON line with
 * the error's name and stack, never printed by Node as plain text; an uncaught exception then ends
 * the process (its state is unknown), with exit code 1.
 */
export function logProcessFailures(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  process.on('uncaughtException', (err) => {
    logger.fatal({ err: failureSummary(err) }, 'uncaught exception: stopping');
    logger.flush?.();
    exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: failureSummary(reason) }, 'unhandled promise rejection');
  });
  // Node prints warnings (e.g. a dependency's deprecation) to stderr as plain text by default: log them
  // instead. Warnings are emitted on the next tick, so installing this first thing in main() catches
  // those raised while modules loaded.
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    logger.warn({ warning: { name: warning.name, code: (warning as { code?: unknown }).code } }, warning.message);
  });
}

/** Name and stack frames only: messages can carry user input or SDK detail. */
function failureSummary(err: unknown): Record<string, unknown> {
  if (err instanceof Error)
    return {
      name: err.name,
      code: (err as { code?: unknown }).code,
      stack: err.stack?.split('\n').slice(1, 8).join('\n'),
    };
  return { type: typeof err };
}
