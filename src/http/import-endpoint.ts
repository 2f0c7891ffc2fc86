import { createHash, timingSafeEqual } from 'node:crypto';
import type restify from 'restify';
import type { SyncOutcome, SyncPayload } from '../app/import/sync-import.js';
import { councilTenantId, type Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createEntraVerifier, type EntraVerifier } from './entra-token.js';

// POST /api/import (docs/DESIGN.md "Scheduled sync"): the case system pushes its nightly export.
// Order of checks, each refusal changing nothing: bearer token (401 none or wrong, 403 a genuine
// token for another tenant or app) → content type (415) → Content-Length and the bytes as they come
// (413, reading stops) → UTF-8 JSON (400) → the import's own validation (422, the CLI's `path: rule`
// lines). The body is either an import document or {"csv": {"mapping": {...}, "children": "<csv>",
// "staff": "<csv>"}}. Refused without a token in every mode, local included.

export const IMPORT_PATH = '/api/import';

export interface ImportEndpointDeps {
  config: Pick<
    Config,
    | 'importToken'
    | 'importTokenTooShort'
    | 'importClientIds'
    | 'importJwksUrl'
    | 'importMaxBytes'
    | 'microsoftAppId'
    | 'microsoftAppTenantId'
    | 'allowedTenantIds'
  >;
  sync: (payload: SyncPayload, source: string) => Promise<SyncOutcome>;
  /** Records a refusal (ids and reasons only). */
  audit: (action: string, details: Record<string, unknown>) => Promise<void>;
  logger: Logger;
  now: () => Date;
}

export interface EndpointState {
  enabled: boolean;
  why: string;
}

type Answer = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

/** Adds the route when a way to authenticate is configured; says which (or why not) for the start-up log. */
export function registerImportEndpoint(server: restify.Server, deps: ImportEndpointDeps): EndpointState {
  const { config } = deps;
  const tenant = councilTenantId(config);
  const entra: EntraVerifier | null =
    config.importClientIds.length && config.microsoftAppId && tenant
      ? createEntraVerifier({
          tenantId: tenant,
          audience: config.microsoftAppId,
          clientIds: config.importClientIds,
          now: deps.now,
          jwksUrl: config.importJwksUrl ?? `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
        })
      : null;
  if (!config.importToken && !entra) {
    const why = config.importTokenTooShort
      ? 'IMPORT_TOKEN is shorter than 32 characters, so POST /api/import is off'
      : config.importClientIds.length
        ? 'IMPORT_CLIENT_IDS needs MicrosoftAppId and the council tenant, so POST /api/import is off'
        : 'POST /api/import is off (set IMPORT_TOKEN or IMPORT_CLIENT_IDS)';
    return { enabled: false, why };
  }
  const secret = config.importToken ? digest(config.importToken) : null;

  server.post(IMPORT_PATH, async (req, res) => {
    const answer = await handle(req, deps, secret, entra).catch((err: unknown): Answer => {
      deps.logger.error(
        { errName: (err as Error)?.name, code: (err as { code?: unknown })?.code },
        'import endpoint failed',
      );
      return {
        status: 500,
        body: { error: 'internal', message: 'the import failed; nothing of it was applied unless its report says so' },
      };
    });
    if (answer.status >= 400 && answer.status !== 500) {
      await deps
        .audit('sync.http.refused', { status: answer.status, error: answer.body.error ?? null })
        .catch(() => undefined);
    }
    for (const [k, v] of Object.entries(answer.headers ?? {})) res.header(k, v);
    res.send(answer.status, answer.body);
  });
  const ways = [secret ? 'shared token' : null, entra ? 'Entra app token' : null].filter(Boolean).join(' or ');
  return { enabled: true, why: `POST /api/import is on (${ways})` };
}

async function handle(
  req: restify.Request,
  deps: ImportEndpointDeps,
  secret: Buffer | null,
  entra: EntraVerifier | null,
): Promise<Answer> {
  const auth = req.headers.authorization;
  const m = typeof auth === 'string' ? /^Bearer +([\x21-\x7e]+)\s*$/i.exec(auth) : null;
  if (!m) return refuse(401, 'unauthorized', 'a bearer token is needed', { 'WWW-Authenticate': 'Bearer' });
  const token = m[1]!;
  // Constant time: both sides are hashed first, so neither length nor content leaks through timing.
  const bySecret = secret !== null && timingSafeEqual(digest(token), secret);
  if (!bySecret) {
    const verdict = entra && token.split('.').length === 3 ? await entra.verify(token) : null;
    if (!verdict || (!verdict.ok && verdict.status === 401)) {
      return refuse(401, 'unauthorized', 'the token is not valid here', {
        'WWW-Authenticate': 'Bearer error="invalid_token"',
      });
    }
    if (!verdict.ok) return refuse(403, 'forbidden', `the token is not allowed to import (${verdict.reason})`);
  }

  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (type !== 'application/json')
    return refuse(415, 'unsupported-media-type', 'send application/json: an import document or {"csv": {...}}');

  const limit = deps.config.importMaxBytes;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return refuse(413, 'body-too-large', `the body is ${declared} bytes; the limit is ${limit} bytes`, {
      Connection: 'close',
    });
  }
  const body = await readLimited(req, limit);
  if (body === null)
    return refuse(413, 'body-too-large', `the body is over the limit of ${limit} bytes`, { Connection: 'close' });

  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (err) {
    const why =
      (err as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA' ? 'not UTF-8 text' : 'not valid JSON';
    return refuse(400, 'malformed-json', `the body is ${why}; nothing was imported`);
  }
  const payload = toPayload(parsed);
  if ('problems' in payload) return invalid(payload.problems);
  const outcome = await deps.sync(payload, 'http');
  if (outcome.outcome === 'refused') return invalid(outcome.problems.map((p) => `${p.path}: ${p.message}`));
  if (outcome.outcome === 'already-imported') {
    return {
      status: 200,
      body: {
        outcome: outcome.outcome,
        runId: outcome.runId,
        message: 'this content was imported before; nothing changed',
      },
    };
  }
  return {
    status: 200,
    body: {
      outcome: outcome.outcome,
      runId: outcome.runId,
      staff: outcome.staff,
      children: outcome.children,
      conflicts: outcome.conflicts.length,
      keptBefore: outcome.keptBefore,
      recovered: outcome.recovered,
    },
  };
}

/** The CSV envelope, or the body itself as an import document. */
function toPayload(body: unknown): SyncPayload | { problems: string[] } {
  if (
    body === null ||
    typeof body !== 'object' ||
    Array.isArray(body) ||
    !Object.prototype.hasOwnProperty.call(body, 'csv')
  ) {
    return { form: 'json', doc: body };
  }
  const csv = (body as { csv: unknown }).csv;
  const problems: string[] = [];
  if (Object.keys(body).length !== 1) problems.push('(document): a CSV import has only the "csv" field');
  if (csv === null || typeof csv !== 'object' || Array.isArray(csv))
    return { problems: [...problems, 'csv: must be an object'] };
  const c = csv as Record<string, unknown>;
  for (const k of Object.keys(c))
    if (!['mapping', 'children', 'staff'].includes(k)) problems.push(`csv.${k.slice(0, 40)}: unknown field`);
  if (typeof c.children !== 'string') problems.push('csv.children: must be the children CSV as text');
  if (c.staff !== undefined && typeof c.staff !== 'string') problems.push('csv.staff: must be the staff CSV as text');
  if (c.mapping === undefined) problems.push('csv.mapping: required');
  if (problems.length) return { problems };
  return {
    form: 'csv',
    mapping: c.mapping,
    children: { name: 'children.csv', text: c.children as string },
    ...(typeof c.staff === 'string' ? { staff: { name: 'staff.csv', text: c.staff } } : {}),
  };
}

const DRAIN_BYTES = 1024 * 1024;
const DRAIN_MS = 2000;

/**
 * The body, or null once it passes `limit` (nothing more is kept; the connection is closed after the answer).
 * Past the limit the rest is read and dropped, up to DRAIN_BYTES more for at most DRAIN_MS, before the 413 goes
 * out: closing on a client still sending resets the connection, and a reset can throw away the answer before the
 * client reads it. A client sending more than that gets the answer and the close anyway.
 */
function readLimited(req: restify.Request, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let timer: NodeJS.Timeout | undefined;
    const overLimit = () => {
      clearTimeout(timer);
      req.off('data', onData);
      req.pause();
      resolve(null);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit + DRAIN_BYTES) overLimit();
      else if (!timer) {
        chunks.length = 0;
        timer = setTimeout(overLimit, DRAIN_MS);
      }
    };
    req.on('data', onData);
    req.once('end', () => (size > limit ? overLimit() : resolve(Buffer.concat(chunks))));
    req.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

function invalid(lines: string[]): Answer {
  return { status: 422, body: { error: 'invalid-import', message: 'nothing was imported', problems: lines } };
}

function refuse(status: number, error: string, message: string, headers?: Record<string, string>): Answer {
  return { status, body: { error, message }, headers };
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}
