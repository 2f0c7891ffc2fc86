import { mkdir, open, readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { diskIo, fsyncDir } from './log-file.js';

// Bytes the store will not use (a torn last line, damaged lines, a damaged manifest) are never
// discarded: they are kept in DATA_DIR/quarantine/<file>.<timestamp> for a person to look at.
export const QUARANTINE_DIR = 'quarantine';

export interface QuarantinedFile {
  /** Path relative to the data directory, e.g. quarantine/children.log.2026-12-02T04-50-00-000Z */
  file: string;
  bytes: number;
}

/** Writes and fsyncs the bytes; returns the quarantine file's path relative to dataDir. */
export async function quarantineBytes(
  dataDir: string,
  fileName: string,
  parts: Buffer[],
  now = new Date(),
): Promise<QuarantinedFile> {
  const qdir = path.join(dataDir, QUARANTINE_DIR);
  await mkdir(qdir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let n = 0; ; n++) {
    const name = `${fileName}.${stamp}${n ? `.${n}` : ''}`;
    let fh;
    try {
      fh = await open(path.join(qdir, name), 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    let bytes = 0;
    try {
      for (const p of parts) {
        await diskIo.write(fh, p);
        bytes += p.length;
      }
      await diskIo.sync(fh);
    } finally {
      await fh.close();
    }
    await fsyncDir(qdir);
    await fsyncDir(dataDir);
    return { file: `${QUARANTINE_DIR}/${name}`, bytes };
  }
}

/** What is in the quarantine folder now (oldest name first). */
export async function listQuarantine(dataDir: string): Promise<QuarantinedFile[]> {
  const qdir = path.join(dataDir, QUARANTINE_DIR);
  const names = await readdir(qdir).catch(() => [] as string[]);
  const out: QuarantinedFile[] = [];
  for (const name of names.sort()) {
    const st = await stat(path.join(qdir, name)).catch(() => null);
    if (st?.isFile()) out.push({ file: `${QUARANTINE_DIR}/${name}`, bytes: st.size });
  }
  return out;
}
