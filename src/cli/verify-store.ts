// npm run verify-store [-- --repair] [-- DIR]: checks (and repairs) the embedded store in DATA_DIR.
import { loadConfig } from '../config.js';
import { isAppError } from '../domain/errors.js';
import { formatReport, repairStore, verifyStore } from '../store/embedded/verify.js';

export const USAGE = `usage: npm run verify-store [-- [--repair] [DIR]]

Checks the embedded store in DIR (default: DATA_DIR, or ./data): every log line's checksum, torn
last lines, the manifest of collections (a missing collection log), and who holds the lock.
Safe while the bot runs (it only reads). Exit code: 0 healthy, 1 damage found, 2 bad usage or
the repair could not run.

  --repair   stop the bot first (it refuses while the bot holds the lock). Moves damaged lines,
             a torn last line and a damaged manifest into DIR/quarantine/<file>.<timestamp>,
             rewrites each log from its valid lines (with checksums), and rewrites the manifest
             for the logs that exist (a missing log is then accepted as lost: restore it from a
             backup first if you have one). Then checks again.
  --help     this text
`;

export async function main(argv: string[]): Promise<number> {
  const flags = argv.filter((a) => a.startsWith('-'));
  const args = argv.filter((a) => !a.startsWith('-'));
  if (flags.includes('--help') || flags.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (flags.some((f) => f !== '--repair') || args.length > 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  try {
    const dataDir = args[0] ?? loadConfig().dataDir;
    if (flags.includes('--repair')) {
      const { actions } = await repairStore(dataDir);
      for (const a of actions.length ? actions : ['nothing to repair']) process.stdout.write(`repaired: ${a}\n`);
    }
    const report = await verifyStore(dataDir);
    process.stdout.write(formatReport(report).join('\n') + '\n');
    return report.damage === 0 ? 0 : 1;
  } catch (err) {
    process.stderr.write(`verify-store: ${isAppError(err) ? err.message : String((err as Error).message ?? err)}\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
