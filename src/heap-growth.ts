import v8 from 'node:v8';

// How far V8 lets the heap grow past what the last full GC found live before collecting again (issue 12: RSS
// < 600 MB at 100k children; docs/DESIGN.md "Memory"). V8 picks a factor of up to 4 on a machine with memory to
// spare: with ~375 MB live at 100k children, the heap grew to 1.2–1.4 GB under mixed load before a full GC.
// 1.1 keeps it within ~35 MB of the live heap, for a full GC every ~35 requests (each leaves ~1 MB in the
// old generation) rather than every ~700. 1.2 still left RSS at 607 MB after 10 minutes of mixed load.
//
// Set in the process rather than on the command line, before the bundle is compiled: a V8 flag is part of the
// check V8 makes on a code cache, and the build (writeBundleCache) and every start set the same one, so the
// cache made at build time is accepted at start (src/bundle-loader.ts). A flag on the command line alone makes
// V8 reject it.
export const HEAP_GROWING_PERCENT = 10;

export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
