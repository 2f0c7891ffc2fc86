// Limits on an import document (docs/DESIGN.md "Import format", "Validation limits"). The file comes
// from another system and is treated as untrusted: every string, array and the whole document are
// bounded, and keys that could steer a query or a prototype are refused before anything else runs.
import { say, type ProblemSay } from './problem-words.js';

/** Refs, staff ids, review and booking ids: letters, digits and hyphens, starting with a letter or digit. */
export const REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
export const MAX_REF_LENGTH = 40;
export const MAX_ID_LENGTH = 64;

export const LIMITS = {
  /** The file (CLI) or the serialised document (any caller). */
  maxDocumentBytes: 256 * 1024 * 1024,
  /** Nesting of objects and arrays; the format itself is 5 deep. */
  maxDepth: 16,
  maxStaff: 50_000,
  maxChildren: 500_000,
  maxEventsPerChild: 500,
  maxReviewsPerChild: 500,
  maxBookingsPerChild: 500,
  /** W54.3 lists: care plan authors, resource controllers on a child; teams whose resources a person controls. */
  maxCaseRoleIds: 20,
  maxNameLength: 200,
  maxTeamLength: 100,
  maxTextLength: 200,
  maxEmailLength: 254,
  maxAadObjectIdLength: 64,
  /** Dates before this are not plausible for anything the service records. */
  earliestDate: '1900-01-01',
  /** Events and held reviews: at most this many days after today. */
  eventHorizonDays: 366,
  /** Planned dates (bookings, dueBy, hearings): at most this many days after today. */
  planHorizonDays: 731,
} as const;

/** Keys refused anywhere in the document: prototype pollution and MongoDB operator/path injection. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const RESERVED_LENGTHS = new Set([...RESERVED_KEYS].map((k) => k.length));

export function reservedKeyRule(key: string): { message: string; say: ProblemSay } | null {
  if (RESERVED_KEYS.has(key))
    return { message: `reserved key "${key}" is not allowed`, say: say('errors.import.reserved-key', { key }) };
  if (key.startsWith('$'))
    return { message: 'keys starting with "$" are not allowed', say: say('errors.import.dollar-key') };
  if (key.includes('.')) return { message: 'keys containing "." are not allowed', say: say('errors.import.dot-key') };
  return null;
}

/** Ids that are also the names of Object.prototype members: refused as values too. */
export function isReservedWord(value: string): boolean {
  // Only words of their lengths are lower-cased: every id in a file is checked.
  return RESERVED_LENGTHS.has(value.length) && RESERVED_KEYS.has(value.toLowerCase());
}

export type PathPart = string | number;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `children[3].iroId`; keys that are not identifiers are quoted: `children[0]["a.b"]`. */
export function formatPath(path: ReadonlyArray<PathPart>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (IDENTIFIER.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(p.length > 60 ? `${p.slice(0, 60)}…` : p)}]`;
  }
  return out || '(document)';
}

export interface ShapeProblem {
  path: string;
  message: string;
  say: ProblemSay;
}

/**
 * One pass over the raw document before the schema sees it: reserved keys, nesting depth and total
 * size. Iterative, so a hostile document nested 100,000 deep cannot overflow the stack; it stops
 * after `maxProblems` so a file of a million bad keys costs no more than one.
 */
export function scanRawDocument(
  doc: unknown,
  maxProblems = 100,
  maxBytes: number = LIMITS.maxDocumentBytes,
): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  let bytes = 0;
  // Parent links instead of path arrays: a 100k-child file has millions of nodes.
  const stack: Node[] = [{ value: doc, parent: null, key: null, depth: 0 }];
  const add = (node: Node | null, key: PathPart | null, rule: { message: string; say: ProblemSay }) => {
    problems.push({ path: formatPath(pathOf(node, key)), ...rule });
    return problems.length >= maxProblems;
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value, depth } = node;
    if (typeof value === 'string') {
      bytes += value.length + 2;
      continue;
    }
    if (value === null || typeof value !== 'object') {
      bytes += 8;
      continue;
    }
    if (depth >= LIMITS.maxDepth) {
      const deep = {
        message: `nested more than ${LIMITS.maxDepth} levels deep`,
        say: say('errors.import.too-deep', { max: String(LIMITS.maxDepth) }),
      };
      if (add(node, null, deep)) break;
      continue;
    }
    bytes += 2;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], parent: node, key: i, depth: depth + 1 });
    } else {
      // Own keys only: JSON.parse makes "__proto__" an own key, and it must be seen.
      let full = false;
      for (const key of Object.keys(value)) {
        bytes += key.length + 4;
        const rule = reservedKeyRule(key);
        if (rule) {
          if ((full = add(node, key, rule))) break;
          continue;
        }
        stack.push({ value: (value as Record<string, unknown>)[key], parent: node, key, depth: depth + 1 });
      }
      if (full) break;
    }
    if (bytes > maxBytes) break;
  }
  if (bytes > maxBytes) {
    problems.unshift({
      path: '(document)',
      message: `larger than the limit of ${maxBytes} bytes`,
      say: say('errors.import.too-large', { max: String(maxBytes) }),
    });
  }
  return problems;
}

interface Node {
  value: unknown;
  parent: Node | null;
  key: PathPart | null;
  depth: number;
}

function pathOf(node: Node | null, last: PathPart | null): PathPart[] {
  const out: PathPart[] = last === null ? [] : [last];
  for (let n = node; n && n.key !== null; n = n.parent) out.unshift(n.key);
  return out;
}
