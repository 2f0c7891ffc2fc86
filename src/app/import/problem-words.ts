import type { UserMessage } from '../../domain/errors.js';

// What an import problem says to a person (issue 13): a catalogue key `errors.import.<rule>` and its values,
// beside the English `message` that the CLI, `POST /api/import` and the folder's .result.json keep word for
// word (docs/DESIGN.md "Import format"). The sync report card writes the key in the reader's language; the
// English catalogue equals the message (test/app/import-problem-words.spec.ts).

/** A problem's words: the key and its values. */
export type ProblemSay = UserMessage;

export const say = (key: string, params?: Readonly<Record<string, string | number>>): ProblemSay =>
  params ? { key, params } : { key };

/**
 * The schema's rules (import-schema.ts, csv-mapping.ts) and zod's own words (v4 for the document, v3 for the CSV
 * mapping), read back from the message zod reports: the rules keep their English in one place, the schema.
 */
const FIXED: ReadonlyMap<string, string> = new Map([
  ['must be a real date YYYY-MM-DD', 'errors.import.not-a-date'],
  ['is a reserved word', 'errors.import.reserved-word'],
  ['must not be empty', 'errors.import.empty'],
  ['must not contain control characters (such as line breaks)', 'errors.import.control-characters'],
  ['must not contain spaces or control characters', 'errors.import.spaces'],
  ['must be an Entra object id (letters, digits and hyphens)', 'errors.import.not-an-object-id'],
  ['must be an ISO date-time with offset', 'errors.import.not-an-instant'],
  ['must be an ISO date-time with offset, e.g. 2016-06-20T10:00:00+01:00', 'errors.import.not-an-instant-example'],
  ['must be a real date-time', 'errors.import.not-a-real-instant'],
  ['at least one role', 'errors.import.no-role'],
  ['a guardian must be external: true', 'errors.import.guardian-external'],
  ['a guardian needs an organisation', 'errors.import.guardian-organisation'],
  ['lists a role twice', 'errors.import.role-twice'],
  ['a person cannot manage themselves', 'errors.import.manages-self'],
  ['required for review-brought-forward', 'errors.import.bring-forward-needs'],
  ['only allowed on review-brought-forward', 'errors.import.bring-forward-only'],
  ['is before heldOn', 'errors.import.before-held'],
  ['ref, track and iroId need a column', 'errors.import.child-columns'],
  ['id, name and roles need a column', 'errors.import.staff-columns'],
  ['Invalid email address', 'errors.import.not-an-email'],
  ['Required', 'errors.import.zod-required'],
]);

const PATTERNS: ReadonlyArray<[RegExp, string, readonly string[]]> = [
  [/^must be at most (\d+) characters$/, 'errors.import.too-long', ['max']],
  [/^at most (\d+) entries$/, 'errors.import.too-many', ['max']],
  [/^must be at most (\d+)$/, 'errors.import.at-most', ['max']],
  [/^must not be before (\d{4}-\d{2}-\d{2})$/, 'errors.import.before-earliest', ['earliest']],
  [
    /^a case reference: letters, digits and hyphens only, starting with a letter or digit$/,
    'errors.import.bad-ref',
    [],
  ],
  [/^an id: letters, digits and hyphens only, starting with a letter or digit$/, 'errors.import.bad-id', []],
  // zod v4
  [/^Invalid input: expected (\w+), received (\w+)$/, 'errors.import.wrong-type', ['expected', 'received']],
  [/^Invalid option: expected one of (.+)$/s, 'errors.import.one-of', ['values']],
  [/^Too small: expected number to be (\S+)$/, 'errors.import.number-too-small', ['bound']],
  [/^Too big: expected number to be (\S+)$/, 'errors.import.number-too-big', ['bound']],
  // zod v3 (the CSV mapping)
  [/^Expected (\w+), received (\w+)$/, 'errors.import.expected', ['expected', 'received']],
  [/^Invalid literal value, expected (.+)$/s, 'errors.import.literal', ['expected']],
  [/^Invalid enum value\. Expected (.+), received (.+)$/s, 'errors.import.enum', ['values', 'received']],
  [/^Unrecognized key\(s\) in object: (.+)$/s, 'errors.import.unrecognised-keys', ['keys']],
  [/^String must contain at least (\d+) character\(s\)$/, 'errors.import.min-characters', ['min']],
  [/^String must contain at most (\d+) character\(s\)$/, 'errors.import.max-characters', ['max']],
  [/^Array must contain at most (\d+) element\(s\)$/, 'errors.import.max-elements', ['max']],
];

/**
 * The words of a rule zod reported. A message no entry knows (a rule added without its words) is "not valid"
 * to a reader (the CLI keeps the English); the test keeps every rule of the schema here.
 */
export function zodSay(message: string): ProblemSay {
  const fixed = FIXED.get(message);
  if (fixed) return say(fixed);
  for (const [pattern, key, names] of PATTERNS) {
    const m = pattern.exec(message);
    if (m) return say(key, Object.fromEntries(names.map((n, i) => [n, m[i + 1]!])));
  }
  return say('errors.import.not-valid');
}
