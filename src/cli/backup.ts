// npm run backup -- DIR : copies the embedded store in DATA_DIR into DIR (missing or empty).
// Safe while the bot is running: it reads the append-only logs without taking the store lock.
import { loadConfig } from '../config.js';
import { isAppError } from '../domain/errors.js';
import { backupStore, type BackupSummary } from '../store/backup.js';

export function summaryLine(dataDir: string, s: BackupSummary): string {
  const total = s.collections.reduce((n, c) => n + c.documents, 0);
  const parts = s.collections.map((c) => `${c.name} ${c.documents}`).join(', ');
  return `backed up ${dataDir} to ${s.destDir}: ${s.collections.length} collections, ${total} documents${parts ? ` (${parts})` : ''}`;
}

export async function main(argv: string[]): Promise<number> {
  const dest = argv[0];
  if (!dest || argv.length > 1) {
    process.stderr.write('usage: npm run backup -- DIR   (reads the data directory from DATA_DIR, default ./data)\n');
    return 2;
  }
  try {
    const dataDir = loadConfig().dataDir;
    const summary = await backupStore(dataDir, dest);
    process.stdout.write(summaryLine(dataDir, summary) + '\n');
    return 0;
  } catch (err) {
    process.stderr.write(`backup failed: ${isAppError(err) ? err.message : String(err)}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
