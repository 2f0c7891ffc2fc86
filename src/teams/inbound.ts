import type { Activity, TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import { activityTenant, checkActivity } from './activity-guard.js';
import { errorSummary, type Bot } from './bot.js';

// The order at the edge (issue 10): shape, then authentication, then the tenant guard, then the turn.
// The tenant check runs only for authenticated requests, so an outsider gets 401 whatever tenant
// they name and cannot probe the allow-list; a 500 carries only a reference, the detail is logged.

export interface InboundAnswer {
  status: number;
  body?: unknown;
}

export interface InboundOptions {
  /** Tenants whose users may talk to the bot; empty = no tenant check (local mode only). */
  allowedTenants: ReadonlySet<string>;
  logger: Logger;
}

export async function receiveActivity(
  bot: Bot,
  body: unknown,
  authHeader: string,
  opts: InboundOptions,
): Promise<InboundAnswer> {
  const { logger } = opts;
  const checked = checkActivity(body);
  if (!checked.ok) {
    logger.warn({ problem: checked.problem }, 'malformed activity rejected');
    return { status: 400, body: { error: 'malformed-activity', message: checked.problem } };
  }
  const activity = withDates(checked.activity as unknown as Activity);
  let auth;
  try {
    auth = await bot.adapter.authenticate(activity, authHeader);
  } catch (err) {
    // A token that cannot be verified (bad, expired, or the key service unreachable) is not
    // authenticated: 401 either way. The second kind is our problem, so it is logged as an error.
    const expected = err instanceof AuthenticationError;
    logger[expected ? 'warn' : 'error'](
      { activityId: activity.id, err: errorSummary(err) },
      expected ? 'request not authenticated' : 'request could not be authenticated (token validation failed)',
    );
    return { status: 401, body: { error: 'unauthorized' } };
  }
  const tenant = activityTenant(activity);
  if (opts.allowedTenants.size > 0 && (!tenant || !opts.allowedTenants.has(tenant))) {
    // Inbound auth never checks the user's tenant (docs/DESIGN.md): the bot must.
    logger.warn({ tenantId: tenant ?? null, activityId: activity.id }, 'activity from a tenant that is not allowed');
    return { status: 403, body: { error: 'tenant-not-allowed' } };
  }
  try {
    const invokeResponse = await bot.adapter.runAuthenticated(auth, activity, (ctx: TurnContext) =>
      bot.app.run(ctx).then(() => undefined),
    );
    return { status: invokeResponse?.status ?? 200, body: invokeResponse?.body };
  } catch (err) {
    return internalError(logger, err, activity, 'turn could not run');
  }
}

/** A 500 carries only a reference; the error is logged under it. */
export function internalError(
  logger: Logger,
  err: unknown,
  activity: Partial<Activity> | undefined,
  msg: string,
): InboundAnswer {
  const reference = randomUUID();
  logger.error(
    { reference, activityId: activity?.id, conversationId: activity?.conversation?.id, err: errorSummary(err) },
    msg,
  );
  return { status: 500, body: { error: 'internal', reference } };
}

/** What the SDK's own entry point does before a turn: ISO timestamps become Dates (raw kept). */
function withDates(activity: Activity): Activity {
  const a = activity as Activity & Record<string, unknown>;
  for (const key of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const v = a[key];
    if (typeof v === 'string') {
      a[`raw${key[0].toUpperCase()}${key.slice(1)}`] = v;
      a[key] = new Date(v) as never;
    }
  }
  return activity;
}
