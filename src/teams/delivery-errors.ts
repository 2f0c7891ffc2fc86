import { DeliveryError, type DeliveryErrorKind } from '../app/delivery-port.js';

// How a failed call to the Bot Framework connector maps to the delivery port's DeliveryError.

/** Statuses Teams asks bots to retry (rate-limit doc: 429, 412, 502, 504; plus 503, 500, 408, 401 — see below). */
const TRANSIENT_STATUS = new Set([401, 408, 412, 429, 500, 502, 503, 504]);

/**
 * Maps an SDK/HTTP error to a DeliveryError.
 * - 429, 412, 502, 503, 504, 408 and network errors: transient (retry with backoff).
 * - 500: transient too; Teams' docs do not list it, but it is usually a passing service fault, and
 *   the sender's give-up time still bounds it.
 * - 401: transient: it means our credentials/token are wrong, not the message; retrying until the
 *   give-up time lets an operator fix the configuration without losing messages.
 * - Other 4xx (400, 403 bot removed/blocked, 404 conversation gone, 413...): permanent.
 * - Anything without an HTTP status (socket reset, timeout, DNS): transient.
 */
export function toDeliveryError(err: unknown, now: Date = new Date()): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const e = (err ?? {}) as {
    statusCode?: unknown;
    code?: unknown;
    response?: { status?: number; headers?: unknown; bodyAsText?: string | null };
  };
  const status =
    typeof e.statusCode === 'number'
      ? e.statusCode
      : typeof e.response?.status === 'number'
        ? e.response.status
        : undefined;
  const retryAfterMs = parseRetryAfterMs(headerOf(e.response?.headers, 'retry-after'), now);
  const code = typeof e.code === 'string' ? e.code : errorCodeOf(e.response?.bodyAsText);
  if (status === undefined) {
    return new DeliveryError('transient', `network error${code ? ` ${code}` : ''}`, undefined, undefined, code);
  }
  const kind: DeliveryErrorKind = TRANSIENT_STATUS.has(status) || status >= 500 ? 'transient' : 'permanent';
  return new DeliveryError(kind, `HTTP ${status}${code ? ` ${code}` : ''}`, status, retryAfterMs, code);
}

/**
 * A Retry-After header value in ms from `now`: delta-seconds ("1", "0.5") or an HTTP-date.
 * Undefined when absent or unparseable; a date in the past gives 0.
 */
export function parseRetryAfterMs(value: string | null | undefined, now: Date): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim();
  if (!v) return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.ceil(Number(v) * 1000);
  // HTTP-dates always name a weekday or month; refuse bare numbers-with-junk that Date.parse accepts.
  if (!/[A-Za-z]/.test(v)) return undefined;
  const at = Date.parse(v);
  if (!Number.isFinite(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  const h = headers as { get?(n: string): string | undefined | null };
  if (typeof h.get === 'function') return h.get(name) ?? undefined;
  const v = (headers as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
}

/** Teams' error code from an error body ({ error: { code } }), never its message text. */
function errorCodeOf(body: string | null | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(code) ? code : undefined;
  } catch {
    return undefined;
  }
}
