import pino from 'pino';

// One logger; a child per turn carries activity id, conversation id and command (docs/DESIGN.md rule 7).
// Only ids are logged: never names, dates of birth or message text.
export type Logger = pino.Logger;

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'iro-bot' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
