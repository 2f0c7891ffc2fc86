// Resolution ids. Reviews are `<ref>-R<n>` (the demo and synthetic data, and many councils' exports),
// so a resolution id has its own pattern, `<ref>-RES<n>` (n counts the child's resolutions from 1), and
// a card or a typed id can say which of the two it names. Resolutions raised before that change keep
// their `<ref>-R<n>` id: it is stored, printed on posted cards and part of outbox keys, so it is still
// accepted for a resolution (and found only among the child's resolutions, never its reviews).
import { CASE_REF_PATTERN } from './case-ref.js';

const REF = CASE_REF_PATTERN.source.slice(1, -1);

/** `C1001-RES2`: the id given to every resolution raised now. */
export const RESOLUTION_ID_PATTERN = new RegExp(`^${REF}-RES\\d{1,4}$`);
/** `C1001-R2`: resolutions raised before they had their own pattern (the shape of a review id). */
export const LEGACY_RESOLUTION_ID_PATTERN = new RegExp(`^${REF}-R\\d{1,4}$`);

/** The id of the child's `n`-th resolution (1-based). */
export function resolutionIdFor(ref: string, n: number): string {
  return `${ref}-RES${n}`;
}

/** A resolution id of either generation; a new-style id is never a review's or a booking's. */
export function isResolutionId(value: unknown): value is string {
  return typeof value === 'string' && (RESOLUTION_ID_PATTERN.test(value) || LEGACY_RESOLUTION_ID_PATTERN.test(value));
}
