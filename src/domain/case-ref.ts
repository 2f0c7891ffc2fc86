import { AppError } from './errors.js';

/** A case reference from the case management system: letters, digits, '-' and '_', at most 40. */
export const CASE_REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

export function isCaseRef(value: unknown): value is string {
  return typeof value === 'string' && CASE_REF_PATTERN.test(value);
}

export function assertCaseRef(ref: unknown, example: string): asserts ref is string {
  if (!isCaseRef(ref)) {
    const shown = typeof ref === 'string' ? ref : JSON.stringify(ref);
    throw new AppError(
      'invalid-input',
      ref ? `"${shown}" is not a case reference` : 'which case? Give its reference',
      { example },
      ref
        ? { key: 'errors.case-ref.not-a-ref', params: { ref: shown.slice(0, 60) } }
        : { key: 'errors.case-ref.missing' },
    );
  }
}
