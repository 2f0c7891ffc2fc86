// RS2 (docs/DOMAIN.md "Resolutions"): resolutions stored before the resolution meeting became stage 2 were
// numbered on the first ladder (0 informal, 1 formal, 2 head of service, 3 service director, 4 group director,
// 5 chief executive). They are read on the current ladder: stages 2–5 become 3–6 (the same rungs, the same
// stored addressees and deadlines), and no meeting is invented for them. Each renumbered stage keeps the
// number its outbox keys were made with (`keyStage`), so no card or reminder goes out twice. Migrated on
// read (the store's children repository), written back with the next change to the child's resolutions.
import type { Resolution, ResolutionStage } from './records.js';
import { CURRENT_LADDER, type StageNumber } from './stages.js';

const FIRST_LADDER_TO_CURRENT: Readonly<Record<number, StageNumber>> = { 0: 0, 1: 1, 2: 3, 3: 4, 4: 5, 5: 6 };

function renumber(n: number): StageNumber {
  return FIRST_LADDER_TO_CURRENT[n] ?? (n as StageNumber);
}

function migrateStage(s: ResolutionStage): ResolutionStage {
  const stage = renumber(s.stage);
  return {
    ...s,
    stage,
    ...(stage !== s.stage ? { keyStage: s.keyStage ?? s.stage } : {}),
    skipped: s.skipped.map(renumber),
  };
}

/** The resolution on the current ladder (the same object when it already is). */
export function onCurrentLadder(r: Resolution): Resolution {
  if ((r.ladder ?? 1) >= CURRENT_LADDER) return r;
  return { ...r, ladder: CURRENT_LADDER, stages: r.stages.map(migrateStage) };
}

/** Every resolution of a stored child on the current ladder; the child itself when none needed it. */
export function withCurrentLadder<C extends { resolutions?: Resolution[] }>(child: C): C {
  const rs = child.resolutions;
  if (!rs?.length || rs.every((r) => (r.ladder ?? 1) >= CURRENT_LADDER)) return child;
  return { ...child, resolutions: rs.map(onCurrentLadder) };
}
