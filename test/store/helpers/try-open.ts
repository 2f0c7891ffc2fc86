// Child process for the lock tests: tries to open the store in argv[2] and reports as JSON.
import { openEmbeddedStore } from '../../../src/store/embedded/embedded-store.js';

void (async () => {
  try {
    const store = await openEmbeddedStore(process.argv[2]!);
    await store.close();
    process.stdout.write(JSON.stringify({ ok: true }) + '\n');
  } catch (err) {
    const e = err as { code?: unknown; message?: string };
    process.stdout.write(JSON.stringify({ ok: false, code: e.code, message: e.message }) + '\n');
  }
})();
