import * as path from 'node:path';
import { AppError } from '../../domain/errors.js';
import { readTextIfPresent, writeFileAtomic } from './log-file.js';

// The collections this store has created. Written atomically (temp, fsync, rename, fsync dir)
// after a collection's log file exists and before its first write is acknowledged, so a log that
// is listed but missing was deleted or lost, never merely not created yet.
export const MANIFEST_FILE = 'MANIFEST.json';

export interface Manifest {
  collections: string[];
}

/** The manifest in dir, null when there is none; a damaged one refuses (the repair command rebuilds it). */
export async function readManifest(dir: string): Promise<Manifest | null> {
  const file = path.join(dir, MANIFEST_FILE);
  const text = await readTextIfPresent(file);
  if (text === null) return null;
  const parsed = parseManifest(text);
  if (!parsed) {
    throw new AppError(
      'store-corrupt',
      `${file} is damaged (not the list of collections this store has created); refusing to open the store. ` +
        'Run `npm run verify-store -- --repair` to set it aside and rebuild it from the logs.',
      { file },
    );
  }
  return parsed;
}

export function parseManifest(text: string): Manifest | null {
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null) return null;
    const list = (v as { collections?: unknown }).collections;
    if (!Array.isArray(list) || !list.every((n) => typeof n === 'string')) return null;
    return { collections: [...new Set(list as string[])].sort() };
  } catch {
    return null;
  }
}

export async function writeManifest(dir: string, collections: Iterable<string>): Promise<void> {
  const body = JSON.stringify({ format: 1, collections: [...new Set(collections)].sort() }) + '\n';
  await writeFileAtomic(path.join(dir, MANIFEST_FILE), [body]);
}
