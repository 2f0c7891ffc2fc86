// One table from error codes to what a user reads (docs/DESIGN.md rule 4). Messages of the listed codes
// are written for users when thrown; anything else becomes a generic apology with a reference.
import { isAppError, type ErrorCode, type UserMessage } from '../domain/errors.js';
import type { NoticeCardData } from './cards/notice.js';
import { isMessageKey, translator, type MessageKey, type MessageParams, type Translate } from './i18n/translate.js';
import { isIsoDate } from '../domain/calendar.js';
import { formatDate } from '../domain/dates-format.js';
import { datesOf, languageOf, stageLabel } from './presenters/labels.js';

const USER_FACING: Partial<Record<ErrorCode, NoticeCardData['tone']>> = {
  'invalid-input': 'warning',
  forbidden: 'warning',
  'not-found': 'warning',
  conflict: 'warning',
  'ineligible-iro': 'warning',
  'store-unavailable': 'error',
};

/**
 * Input that was understood but breaks a rule gets its own title (issue 11): "I couldn't follow that" is
 * only for what could not be parsed. The thrower names the problem in `details.problem`; the titles are
 * the catalogue's `error.problem.*` keys (issue 13).
 */
const PROBLEMS = [
  'in-past',
  'not-working-day',
  'clash',
  'day-full',
  'needs-reason',
  'comment-required',
  'already-booked',
  'future-date',
  'no-review-due',
  'reason-required',
  'slot-required',
  'nothing-to-change',
  'date-order',
  'missing',
] as const;
type Problem = (typeof PROBLEMS)[number];

function isProblem(value: unknown): value is Problem {
  return typeof value === 'string' && (PROBLEMS as readonly string[]).includes(value);
}

const ENGLISH = translator('en');

/**
 * An example a reader of any language can use: a command line, a date or a format (`/plan C1001`,
 * `2026-12-01`, `YYYY-MM-DD`). A prose example ("Press Acknowledge on the card") is English words: a reader
 * of another language gets the keyed refusal without it (issue 13).
 */
export function exampleFor(example: string, t: Translate): string | null {
  if (languageOf(t) === 'en') return example;
  const typed = example.startsWith('/') || !/[a-z]{2,}/.test(example);
  return typed ? example : null;
}

export function errorNotice(err: unknown, reference: string, t: Translate = ENGLISH): NoticeCardData {
  const tone = isAppError(err) ? USER_FACING[err.code] : undefined;
  if (isAppError(err) && tone) {
    const shown = typeof err.details.example === 'string' ? exampleFor(err.details.example, t) : null;
    const example = shown ? t('error.try', { example: shown }) : '';
    const title = isProblem(err.details.problem)
      ? t(`error.problem.${err.details.problem}`)
      : t(`error.title.${err.code}` as MessageKey);
    const said = err.userMessage;
    // The reader's language when the thrower named a catalogue key; its English message otherwise.
    const text = capitalise((said && spoken(said, t)) ?? err.message);
    return { title, text: /[.!?]$/.test(text) ? text : `${text}.`, tone, example };
  }
  return {
    title: t('error.unexpected.title'),
    text: t('error.unexpected.text', { reference }),
    tone: 'error',
    example: '',
  };
}

export function notRegistered(t: Translate = ENGLISH): NoticeCardData {
  return { title: t('error.not-registered.title'), text: t('error.not-registered.text'), tone: 'warning', example: '' };
}

export function unknownCommand(name: string | null, t: Translate = ENGLISH): NoticeCardData {
  return {
    title: t('error.unknown-command.title'),
    text: name ? t('error.unknown-command.named', { name }) : t('error.unknown-command.unnamed'),
    tone: 'info',
    example: t('error.unknown-command.example'),
  };
}

/** A thrower's message in the reader's words (and the one said before it); null for a key the catalogue lacks. */
export function spoken(said: UserMessage, t: Translate): string | null {
  if (!isMessageKey(said.key)) return null;
  const text = t(said.key, eventsWritten(stageWritten(datesWritten(said.params, t), t), t));
  const first = said.before ? spoken(said.before, t) : null;
  return first ? `${first.replace(/[.!?]$/, '')}. ${capitalise(text)}` : text;
}

/**
 * A value named "…Date" holding an ISO date is written as a date in the reader's language ("Maw 24 Tach
 * 2026"); one named "…Slots" ("YYYY-MM-DD HH:MM[ outside]; …") as such dates with their times, marked
 * when outside timescale.
 */
function datesWritten(params: MessageParams | undefined, t: Translate): MessageParams | undefined {
  if (!params) return params;
  const day = (d: string) => (isIsoDate(d) ? formatDate(d, datesOf(t)) : d);
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value !== 'string'
        ? value
        : name.endsWith('Date')
          ? day(value)
          : name.endsWith('Slots')
            ? value
                .split('; ')
                .map((slot) =>
                  slot
                    .replace(/^(\d{4}-\d{2}-\d{2})/, (d) => day(d))
                    .replace(/ outside$/, ` (${t('errors.booking.outside-mark')})`),
                )
                .join('; ')
            : value,
    ]),
  );
}

/** An `eventType` holding an event's code ("became-looked-after") is written as the reader's language names it. */
function eventsWritten(params: MessageParams | undefined, t: Translate): MessageParams | undefined {
  const code = params?.eventType;
  if (typeof code !== 'string') return params;
  const key = `event.${code}`;
  return isMessageKey(key) ? { ...params, eventType: t(key) } : params;
}

/** A `stage` sent with its `stageId` is written as the reader's language names that stage (labels.ts stageLabel). */
function stageWritten(params: MessageParams | undefined, t: Translate): MessageParams | undefined {
  if (typeof params?.stage !== 'string' || typeof params.stageId !== 'string') return params;
  return { ...params, stage: stageLabel({ id: params.stageId, label: params.stage }, t) };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A message longer than the bot reads: says how long it was and the limit, and that nothing happened. */
export function textTooLong(length: number, limit: number, t: Translate = ENGLISH): NoticeCardData {
  return {
    title: t('error.too-long.title'),
    text: t('error.too-long.text', { length, limit }),
    tone: 'warning',
    example: t('error.too-long.example'),
  };
}
