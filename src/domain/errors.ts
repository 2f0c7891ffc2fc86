// Typed errors with codes (docs/DESIGN.md rule 4). One table in teams/ maps codes to what users read;
// raw messages never reach chat, but they must name the child/field so logs and CLIs are useful.
export type ErrorCode =
  | 'invalid-history' // impossible child history (timescale engine)
  | 'invalid-input' // bad argument or card data
  | 'invalid-import' // import file rejected
  | 'not-found'
  | 'forbidden'
  | 'conflict' // lost a versioned race or already decided
  | 'ineligible-iro' // W54.3
  | 'store-corrupt'
  | 'store-locked'
  | 'store-unavailable' // a write was refused: the store cannot write (disk full); nothing was saved
  | 'config';

/**
 * What the reader is told, as a message-catalogue key and its values (issue 13): the bot writes it in the
 * reader's language (src/teams/error-replies.ts). The English `message` stays for logs, CLIs and any key
 * a catalogue lacks. Keys are plain strings here (domain/ knows no catalogue); test/teams/error-keys.spec.ts
 * checks every key thrown in src/ is in both catalogues with the same placeholders.
 */
export interface UserMessage {
  key: string;
  params?: Readonly<Record<string, string | number>>;
  /** A message said first, in the same reply ("That time is taken…. The next free slots: …"). */
  before?: UserMessage;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly userMessage?: UserMessage,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(err: unknown, code?: ErrorCode): err is AppError {
  return err instanceof AppError && (code === undefined || err.code === code);
}
