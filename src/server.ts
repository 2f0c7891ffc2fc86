import restify from 'restify';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { randomUUID } from 'node:crypto';
import { requestStarted } from './jobs/event-loop.js';
import { errorSummary, type Bot } from './teams/bot.js';
import { internalError, receiveActivity } from './teams/inbound.js';
import {
  IMPORT_PATH,
  registerImportEndpoint,
  type EndpointState,
  type ImportEndpointDeps,
} from './http/import-endpoint.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
  /** POST /api/import: on or off, and why (logged at start). */
  importEndpoint: EndpointState;
}

/**
 * HTTP front door: POST /api/messages (Bot Framework) and GET /healthz. In local mode (no app id)
 * requests are unauthenticated, so the server listens on loopback only.
 */
export async function startServer(
  config: Config,
  bot: Bot,
  logger: Logger,
  health: () => Record<string, unknown> | Promise<Record<string, unknown>>,
  importDeps?: Omit<ImportEndpointDeps, 'config' | 'logger'>,
): Promise<RunningServer> {
  // restify logs through our pino logger (JSON lines, never plain text on stderr).
  const server = restify.createServer({
    name: 'iro-bot',
    log: logger.child({ component: 'http' }) as unknown as restify.ServerOptions['log'],
  });
  // Jobs take their next step between requests, not during one (jobs/event-loop.ts).
  server.pre((_req, res, next) => {
    const done = requestStarted();
    res.once('finish', done);
    res.once('close', done);
    next();
  });
  // POST /api/import reads its own body (a larger limit, counted as it comes): the parser skips it.
  const parsers = restify.plugins.bodyParser({
    maxBodySize: 256 * 1024,
    mapParams: false,
  }) as unknown as restify.RequestHandler[];
  server.use(
    parsers.map((parse): restify.RequestHandler => (req, res, next) => {
      if (req.path() === IMPORT_PATH) next();
      else parse(req, res, next);
    }),
  );
  const allowed = allowedTenants(config);
  answerErrorsWithoutDetail(server, logger);

  // Shape → authentication → tenant guard → turn: src/teams/inbound.ts.
  server.post('/api/messages', async (req, res) => {
    const authHeader = req.headers.authorization;
    const answer = await receiveActivity(bot, req.body, typeof authHeader === 'string' ? authHeader : '', {
      allowedTenants: allowed,
      logger,
    }).catch((err: unknown) => internalError(logger, err, undefined, 'request failed'));
    if (answer.body === undefined) res.send(answer.status);
    else res.send(answer.status, answer.body);
  });

  const importEndpoint: EndpointState = importDeps
    ? registerImportEndpoint(server, { ...importDeps, config, logger: logger.child({ component: 'import-endpoint' }) })
    : { enabled: false, why: 'POST /api/import is off' };

  // 503 while the store cannot do its job (writes refused, or the database not answering), with the reason.
  server.get('/healthz', async (_req, res) => {
    const h = { status: 'ok', ...(await health()) };
    res.send(h.status === 'ok' ? 200 : 503, h);
  });

  const host = config.localMode ? '127.0.0.1' : '0.0.0.0';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    importEndpoint,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

/**
 * Errors restify raises itself (unparseable JSON, a body over the limit, an unknown route, an
 * exception in a handler) are logged as JSON and answered with a code, plus a reference for 5xx;
 * never the parser's or the SDK's text.
 */
function answerErrorsWithoutDetail(server: restify.Server, logger: Logger): void {
  server.on(
    'restifyError',
    (
      req: restify.Request,
      _res: restify.Response,
      err: Error & { statusCode?: number; body?: unknown; toJSON?: () => unknown },
      next: () => void,
    ) => {
      const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
      if (status >= 500) {
        const reference = randomUUID();
        logger.error({ reference, method: req.method, path: req.path?.(), err: errorSummary(err) }, 'http error');
        err.toJSON = () => ({ error: 'internal', reference });
      } else {
        logger.warn({ method: req.method, path: req.path?.(), status, name: err.name }, 'http request refused');
        const error =
          status === 400
            ? 'malformed-activity'
            : status === 413
              ? 'body-too-large'
              : status === 404
                ? 'not-found'
                : status === 405
                  ? 'method-not-allowed'
                  : 'refused';
        const message =
          status === 400
            ? 'the body must be a JSON activity object'
            : status === 413
              ? 'the body is larger than 256 KB'
              : undefined;
        err.toJSON = () => (message ? { error, message } : { error });
      }
      next();
    },
  );
}

/** ALLOWED_TENANT_IDS plus the app's own tenant. Empty only in local mode (config refuses otherwise). */
function allowedTenants(config: Config): Set<string> {
  const ids = [...config.allowedTenantIds];
  if (config.microsoftAppTenantId) ids.push(config.microsoftAppTenantId);
  return new Set(ids);
}
