// The shape every card's data has (Action.Execute data merged with the card's inputs): a flat map of
// short names to strings (inputs), numbers or booleans (our templates), or a short list of strings (a
// multi-select some clients send as a list). Anything else — a nested object such as {"$ne": null},
// a deep structure, a huge string — is not from one of our cards: refused as a whole before anything
// is loaded, so no field can carry a query operator or an object into a use case or the store.
import { AppError } from '../../domain/errors.js';

export const CARD_DATA_LIMITS = { fields: 64, nameLength: 64, textLength: 8000, listItems: 50 } as const;

const OUT_OF_DATE = 'this card is out of date or incomplete; nothing was changed';

function isScalar(v: unknown): boolean {
  return (
    v === null ||
    typeof v === 'boolean' ||
    (typeof v === 'number' && Number.isFinite(v)) ||
    (typeof v === 'string' && v.length <= CARD_DATA_LIMITS.textLength)
  );
}

function fieldOk(name: string, v: unknown): boolean {
  // Names like $where or __proto__ are never ours.
  if (name.length > CARD_DATA_LIMITS.nameLength || name.startsWith('$') || name.startsWith('__')) return false;
  if (Array.isArray(v))
    return v.length <= CARD_DATA_LIMITS.listItems && v.every((x) => typeof x === 'string' && x.length <= 200);
  return isScalar(v);
}

/** The card data if it has the shape of ours (missing data counts as empty); else "out of date", nothing changed. */
export function checkCardData(data: unknown): Record<string, unknown> {
  if (data === undefined || data === null) return {};
  const ok =
    typeof data === 'object' &&
    !Array.isArray(data) &&
    [Object.prototype, null].includes(Object.getPrototypeOf(data) as object | null) &&
    Object.keys(data).length <= CARD_DATA_LIMITS.fields &&
    Object.entries(data).every(([k, v]) => fieldOk(k, v));
  if (!ok)
    throw new AppError(
      'invalid-input',
      OUT_OF_DATE,
      { example: '/actions', malformedCardData: true },
      { key: 'errors.card.out-of-date' },
    );
  return data as Record<string, unknown>;
}
