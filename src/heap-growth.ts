import v8 from 'node:v8';

// How far V8 lets the heap grow past what the last full GC found live before collecting again (issue 12: RSS
// < 600 MB at 100k children; docs/DESIGN.md "Memory"). V8 picks a factor of up to 4 on a machine with memory to
// spare: with ~375 MB live at 100k children, the heap grew to 1.2–1.4 GB under mixed load before a full GC.
// 1.15 keeps it within ~50 MB of the ~315 MB live heap, for a full GC every ~50 requests (each leaves ~1 MB in
// the old generation) rather than every ~700: RSS 545–549 MB after 10 minutes of mixed load. 1.1 (session 6, with
// ~345 MB live) collected half again as often, and a full GC landing on a request is much of a p95: `/due` p95 ÷
// echo 0.96–1.20 in five of six runs at 1.15 (one 2.24) against 1.08–1.69 at 1.1 (docs/DESIGN.md "Memory").
//
// Set in the process rather than on the command line, before the bundle is compiled: a V8 flag is part of the
// check V8 makes on a code cache, and the build (writeBundleCache) and every start set the same one, so the
// cache made at build time is accepted at start (src/bundle-loader.ts). A flag on the command line alone makes
// V8 reject it.
export const HEAP_GROWING_PERCENT = 15;

export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
