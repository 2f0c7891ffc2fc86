import http from 'node:http';
import type { AddressInfo } from 'node:net';

// The Agents Playground writes every activity with locale "en-US" (its own code, not configurable). A Teams
// client set to Welsh sends "cy-GB" in `locale` and in the clientInfo entity: this proxy, put between the
// Playground and the bot, does what that client does and changes nothing else.

export interface LocaleProxy {
  url: string;
  close(): Promise<void>;
}

export async function startLocaleProxy(target: string, locale: string): Promise<LocaleProxy> {
  const to = new URL(target);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      if (/json/.test(req.headers['content-type'] ?? '') && body.length) {
        const activity = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        activity.locale = locale;
        if (Array.isArray(activity.entities))
          for (const e of activity.entities as Record<string, unknown>[])
            if (e.type === 'clientInfo') e.locale = locale;
        body = Buffer.from(JSON.stringify(activity), 'utf8');
      }
      const forward = http.request(
        {
          hostname: to.hostname,
          port: to.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: to.host, 'content-length': String(body.length) },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
