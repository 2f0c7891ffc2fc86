import { z } from 'zod';

// One schema at the edge (issue 10): every activity is checked here before the SDK or a handler
// sees it. Ids are bounded strings (an object such as {"$regex": "…"} must never reach a store
// filter), free text, entities and card values have size and depth limits. Optional fields may be
// null (some clients send null for absent values). Anything else is a 400 with a specific reason
// that names the field and the rule, never the data.

/**
 * Longest text read as a command; longer gets a reply stating the limit. The longest real command,
 * /compliment REF PERSON TEXT, allows 1,000 characters of text; 4,000 leaves room for mention markup
 * and pasted references, while Teams itself accepts about 28 KB, so more is never a command.
 */
export const COMMAND_TEXT_LIMIT = 4000;
/** Longest text accepted at all: Teams caps a message at about 28 KB, so more is not from Teams. */
export const TEXT_HARD_LIMIT = 100_000;
/** Deepest nesting of objects/arrays anywhere in an activity (card values are ~6 deep). */
export const MAX_DEPTH = 24;
/** Largest serialised `value` (a card's form data) and `entities`. */
export const MAX_VALUE_CHARS = 64 * 1024;
export const MAX_ENTITIES = 64;
export const MAX_ID_CHARS = 512;

// Control characters never belong in an id; they would also corrupt log lines and keys.
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;

const id = (what: string, max = MAX_ID_CHARS) =>
  z
    .string({
      required_error: `activity.${what} is missing`,
      invalid_type_error: `activity.${what} must be a string`,
    })
    .min(1, `activity.${what} is missing`)
    .max(max, `activity.${what} is longer than ${max} characters`)
    .regex(NO_CONTROL, `activity.${what} contains control characters`);

const optionalId = (what: string, max = MAX_ID_CHARS) =>
  z
    .string({ invalid_type_error: `activity.${what} must be a string` })
    .max(max, `activity.${what} is longer than ${max} characters`)
    .regex(NO_CONTROL, `activity.${what} contains control characters`)
    .nullish();

/** An AAD object id or tenant id: a GUID in practice; letters, digits and hyphens, at most 64. */
const guidLike = (what: string) =>
  z
    .string({ invalid_type_error: `activity.${what} must be a string` })
    .regex(/^[0-9A-Za-z-]{1,64}$/, `activity.${what} must be at most 64 letters, digits or hyphens`);

const text = (what: string, max: number) =>
  z
    .string({ invalid_type_error: `activity.${what} must be a string` })
    .max(max, `activity.${what} is longer than ${max} characters`);

const account = (what: string, opts: { aad?: boolean } = {}) =>
  z
    .object(
      {
        id: id(`${what}.id`),
        name: text(`${what}.name`, 512).nullish(),
        aadObjectId: opts.aad ? guidLike(`${what}.aadObjectId`).nullish() : optionalId(`${what}.aadObjectId`, 64),
        role: optionalId(`${what}.role`, 64),
      },
      { required_error: `activity.${what}.id is missing`, invalid_type_error: `activity.${what} must be an object` },
    )
    .passthrough();

const tenantRef = (what: string) => z.object({ id: guidLike(`${what}.id`) }).passthrough();
const namedRef = (what: string) =>
  z.object({ id: optionalId(`${what}.id`), name: text(`${what}.name`, 512).nullish() }).passthrough();

const boundedJson = (what: string, maxChars: number) =>
  z.unknown().superRefine((v, ctx) => {
    if (v !== undefined && jsonLength(v, maxChars) > maxChars) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `activity.${what} is larger than ${maxChars} characters` });
    }
  });

const activitySchema = z
  .object({
    type: z
      .string({ required_error: 'activity.type is missing', invalid_type_error: 'activity.type must be a string' })
      .min(1, 'activity.type is missing')
      .max(64, 'activity.type is longer than 64 characters'),
    id: optionalId('id'),
    replyToId: optionalId('replyToId'),
    name: optionalId('name', 128),
    channelId: optionalId('channelId', 64),
    timestamp: optionalId('timestamp', 64),
    localTimestamp: optionalId('localTimestamp', 64),
    locale: optionalId('locale', 32),
    textFormat: optionalId('textFormat', 32),
    serviceUrl: z
      .string({
        required_error: 'activity.serviceUrl must be an http(s) URL',
        invalid_type_error: 'activity.serviceUrl must be an http(s) URL',
      })
      .max(2048, 'activity.serviceUrl is longer than 2048 characters')
      .regex(/^https?:\/\/[^\s]+$/i, 'activity.serviceUrl must be an http(s) URL'),
    from: account('from', { aad: true }),
    recipient: account('recipient'),
    conversation: z
      .object(
        {
          id: id('conversation.id'),
          tenantId: guidLike('conversation.tenantId').nullish(),
          conversationType: optionalId('conversation.conversationType', 32),
          isGroup: z.boolean({ invalid_type_error: 'activity.conversation.isGroup must be true or false' }).nullish(),
          name: text('conversation.name', 512).nullish(),
        },
        {
          required_error: 'activity.conversation.id is missing',
          invalid_type_error: 'activity.conversation must be an object',
        },
      )
      .passthrough(),
    channelData: z
      .object(
        {
          tenant: tenantRef('channelData.tenant').nullish(),
          team: namedRef('channelData.team').nullish(),
          channel: namedRef('channelData.channel').nullish(),
        },
        { invalid_type_error: 'activity.channelData must be an object' },
      )
      .passthrough()
      .nullish(),
    text: text('text', TEXT_HARD_LIMIT).nullish(),
    entities: z
      .array(
        z
          .object(
            { type: optionalId('entities[].type', 64) },
            { invalid_type_error: 'activity.entities[] must be objects' },
          )
          .passthrough(),
        {
          invalid_type_error: 'activity.entities must be a list',
        },
      )
      .max(MAX_ENTITIES, `activity.entities has more than ${MAX_ENTITIES} items`)
      .nullish()
      .superRefine((v, ctx) => {
        if (v && jsonLength(v, MAX_VALUE_CHARS) > MAX_VALUE_CHARS) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: `activity.entities is larger than ${MAX_VALUE_CHARS} characters`,
          });
        }
      }),
    value: boundedJson('value', MAX_VALUE_CHARS),
    membersAdded: z
      .array(account('membersAdded[]'))
      .max(1000, 'activity.membersAdded has more than 1000 items')
      .optional(),
    membersRemoved: z
      .array(account('membersRemoved[]'))
      .max(1000, 'activity.membersRemoved has more than 1000 items')
      .optional(),
  })
  .passthrough();

export type CheckedActivity = z.infer<typeof activitySchema>;

export type ActivityCheck = { ok: true; activity: CheckedActivity } | { ok: false; problem: string };

/** Checks an activity body against the edge schema; the problem names the field and the rule only. */
export function checkActivity(body: unknown): ActivityCheck {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return { ok: false, problem: 'the body must be a JSON activity object' };
  if (depthExceeds(body, MAX_DEPTH))
    return { ok: false, problem: `the activity is nested deeper than ${MAX_DEPTH} levels` };
  const parsed = activitySchema.safeParse(body);
  if (parsed.success) return { ok: true, activity: parsed.data };
  return { ok: false, problem: parsed.error.issues[0]?.message ?? 'the activity is malformed' };
}

/** The tenant the activity came from (conversation.tenantId, else channelData.tenant.id); strings only. */
export function activityTenant(a: unknown): string | undefined {
  const activity = a as { conversation?: { tenantId?: unknown }; channelData?: { tenant?: { id?: unknown } } } | null;
  const fromConversation = activity?.conversation?.tenantId;
  if (typeof fromConversation === 'string') return fromConversation;
  const fromChannel = activity?.channelData?.tenant?.id;
  return typeof fromChannel === 'string' ? fromChannel : undefined;
}

/** True when any object/array is nested deeper than `max` (iterative: no stack to overflow). */
function depthExceeds(root: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Serialised length (the depth check ran first, so stringifying cannot overflow the stack). */
function jsonLength(value: unknown, limit: number): number {
  try {
    const s = JSON.stringify(value);
    return s === undefined ? 0 : s.length;
  } catch {
    return limit + 1; // not serialisable (cannot happen for parsed JSON): treat as too large
  }
}
