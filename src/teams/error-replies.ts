// One table from error codes to what a user reads (docs/DESIGN.md rule 4). Messages of the listed codes
// are written for users when thrown; anything else becomes a generic apology with a reference.
import { isAppError, type ErrorCode } from '../domain/errors.js';
import type { NoticeCardData } from './cards/notice.js';

const USER_FACING: Partial<Record<ErrorCode, { title: string; tone: NoticeCardData['tone'] }>> = {
  'invalid-input': { title: "I couldn't follow that", tone: 'warning' },
  forbidden: { title: "That's not available to you", tone: 'warning' },
  'not-found': { title: 'Not found', tone: 'warning' },
  conflict: { title: 'Already changed', tone: 'warning' },
  'ineligible-iro': { title: 'Not allowed (W54.3)', tone: 'warning' },
  'store-unavailable': { title: 'Not saved', tone: 'error' },
};

/**
 * Input that was understood but breaks a rule gets its own title (issue 11): "I couldn't follow that" is
 * only for what could not be parsed. The thrower names the problem in `details.problem`.
 */
const PROBLEM_TITLES: Readonly<Record<string, string>> = {
  'in-past': 'That time has passed',
  'not-working-day': 'Not a working day',
  clash: 'That time is taken',
  'day-full': 'That day is full',
  'needs-reason': 'Outside timescale: a reason is needed',
  'comment-required': 'A comment is needed',
  'already-booked': 'Already booked',
  'future-date': 'That date is in the future',
  'no-review-due': 'No review is due',
  'reason-required': 'A reason is needed',
  'slot-required': 'Choose a slot or a date',
  'nothing-to-change': 'Nothing to change',
  'date-order': 'Those dates do not fit',
  missing: 'Something is missing',
};

export function errorNotice(err: unknown, reference: string): NoticeCardData {
  const mapped = isAppError(err) ? USER_FACING[err.code] : undefined;
  if (isAppError(err) && mapped) {
    const example = typeof err.details.example === 'string' ? `Try: ${err.details.example}` : '';
    const problem = typeof err.details.problem === 'string' ? PROBLEM_TITLES[err.details.problem] : undefined;
    const text = capitalise(err.message);
    return {
      title: problem ?? mapped.title,
      text: /[.!?]$/.test(text) ? text : `${text}.`,
      tone: mapped.tone,
      example,
    };
  }
  return {
    title: 'Something went wrong on my side',
    text: `Nothing was changed. Please try again; if it keeps happening, tell your administrator (reference ${reference}).`,
    tone: 'error',
    example: '',
  };
}

export const NOT_REGISTERED: NoticeCardData = {
  title: 'Not registered',
  text: "You're not registered with the IRO service — ask your administrator.",
  tone: 'warning',
  example: '',
};

export function unknownCommand(name: string | null): NoticeCardData {
  return {
    title: "I don't know that command",
    text: name
      ? `There is no command "${name}". Type /help to see what I can do.`
      : 'Type a command, or /help to see what I can do.',
    tone: 'info',
    example: 'Try: /due this week',
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A message longer than the bot reads: says how long it was and the limit, and that nothing happened. */
export function textTooLong(length: number, limit: number): NoticeCardData {
  const n = (x: number) => x.toLocaleString('en-GB');
  return {
    title: 'That message is too long',
    text: `That message is ${n(length)} characters; I read commands up to ${n(limit)}. Nothing was done.`,
    tone: 'warning',
    example: 'Try: /help',
  };
}
