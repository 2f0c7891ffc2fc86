// The echo floor: the bot's own framework stack (restify → CloudAdapter → teams-ai Application) answering
// every message with a one-line card and nothing else. Measured interleaved with the served bot in the
// same run, it shows what the framework and this machine cost, so the bot's figures are read as ratios.
import { ActivityTypes, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import restify from 'restify';

const adapter = new TeamsAdapter(
  {},
  new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppType: 'MultiTenant',
    MicrosoftAppTenantId: '',
  }),
);
const app = new Application<TurnState>({
  adapter,
  botAppId: '',
  removeRecipientMention: true,
  startTypingTimer: false,
});
app.activity(ActivityTypes.Message, async (ctx) => {
  await ctx.sendActivity({
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          type: 'AdaptiveCard',
          version: '1.5',
          body: [{ type: 'TextBlock', text: `echo: ${ctx.activity.text ?? ''}`, wrap: true }],
        },
      },
    ],
  });
});

const server = restify.createServer({ name: 'echo-floor' });
server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, async (ctx) => {
    await app.run(ctx);
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`listening ${port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
