import restify from 'restify';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { activityProblem, activityTenant } from './teams/activity-guard.js';
import type { Bot } from './teams/bot.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * HTTP front door: POST /api/messages (Bot Framework) and GET /healthz. In local mode (no app id)
 * requests are unauthenticated, so the server listens on loopback only.
 */
export async function startServer(config: Config, bot: Bot, logger: Logger, health: () => Record<string, unknown> | Promise<Record<string, unknown>>): Promise<RunningServer> {
  const server = restify.createServer({ name: 'iro-bot' });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  const allowed = allowedTenants(config);

  server.post('/api/messages', async (req, res) => {
    const problem = activityProblem(req.body);
    if (problem) {
      logger.warn({ problem }, 'malformed activity rejected');
      res.send(400, { error: 'malformed-activity', message: problem });
      return;
    }
    const tenant = activityTenant(req.body);
    if (allowed.size > 0 && (!tenant || !allowed.has(tenant))) {
      // Inbound auth never checks the tenant (docs/notes/teams-sdk.md): the bot must.
      logger.warn({ tenantId: tenant ?? null, activityId: req.body.id }, 'activity from a tenant that is not allowed');
      res.send(403, { error: 'tenant-not-allowed' });
      return;
    }
    await bot.adapter.process(req, res, async (ctx) => {
      await bot.app.run(ctx);
    });
  });

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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** ALLOWED_TENANT_IDS plus the app's own tenant. Empty only in local mode (config refuses otherwise). */
function allowedTenants(config: Config): Set<string> {
  const ids = [...config.allowedTenantIds];
  if (config.microsoftAppTenantId) ids.push(config.microsoftAppTenantId);
  return new Set(ids);
}
