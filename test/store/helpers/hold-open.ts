// Child process for the lock tests: opens the store in argv[2], says "ready", holds it until killed.
import { openEmbeddedStore } from '../../../src/store/embedded/embedded-store.js';

void (async () => {
  await openEmbeddedStore(process.argv[2]!);
  process.stdout.write('ready\n');
  setInterval(() => undefined, 1 << 30);
})();
