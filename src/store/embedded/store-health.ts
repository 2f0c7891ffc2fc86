import { open, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { AppError } from '../../domain/errors.js';
import { diskIo } from './log-file.js';

// What a person reads when a write is refused (src/teams/error-replies.ts shows it as written).
export const NOTHING_SAVED =
  "nothing was saved: I can't write to my storage at the moment, so this change was not made. " +
  'You can still look things up; please try again in a few minutes';

export function storeUnavailable(reason?: string): AppError {
  return new AppError('store-unavailable', NOTHING_SAVED, reason ? { reason } : {}, {
    key: 'errors.store.nothing-saved',
  });
}

/** The reason /healthz gives for a failed write: the kind of failure and the file, never a path or data. */
export function describeWriteFailure(cause: Error, fileName: string): string {
  const where = `cannot write DATA_DIR/${fileName}`;
  switch ((cause as NodeJS.ErrnoException).code) {
    case 'ENOSPC':
      return `disk full: ${where}`;
    case 'EDQUOT':
      return `disk quota exceeded: ${where}`;
    case 'EROFS':
      return `read-only file system: ${where}`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied: ${where}`;
    case 'EIO':
      return `I/O error: ${where}`;
    case 'EMFILE':
    case 'ENFILE':
      return `too many open files: ${where}`;
    default:
      return `write failed (${(cause as NodeJS.ErrnoException).code ?? 'error'}): ${where}`;
  }
}

export const PROBE_FILE = '.write-probe';
const PROBE_BYTES = 64 * 1024;

/** Writes, fsyncs and removes a 64 KiB file in dir: there is room to write again. */
export async function probeDisk(dir: string): Promise<void> {
  const file = path.join(dir, PROBE_FILE);
  const fh = await open(file, 'w');
  try {
    await diskIo.write(fh, Buffer.alloc(PROBE_BYTES, 0x20));
    await diskIo.sync(fh);
  } finally {
    await fh.close();
    await rm(file, { force: true });
  }
}
