import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A fake Teams connector on loopback: the bot's replies land here as real HTTP requests, so tests
// check the actual JSON the bot would send to Teams.

export interface ReceivedActivity {
  method: string;
  path: string;
  conversationId: string;
  replyToId?: string;
  body: any;
  at: number;
}

export interface FakeMember {
  id: string;
  name?: string;
  aadObjectId?: string;
  userPrincipalName?: string;
  email?: string;
  tenantId?: string;
  userRole?: string;
}

export interface FakeConnector {
  url: string;
  received: ReceivedActivity[];
  members: Map<string, FakeMember>;
  /** Resolves when `n` activities have been received in total. */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedActivity[]>;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const received: ReceivedActivity[] = [];
  const members = new Map<string, FakeMember>();
  const waiters: { n: number; resolve: () => void }[] = [];
  let nextId = 1;

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      // /v3/conversations/{id}/members/{userId}
      if (req.method === 'GET' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'members') {
        const m = members.get(parts[4]);
        res.writeHead(m ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(m ?? { error: { code: 'MemberNotFoundInConversation', message: 'not found' } }));
        return;
      }
      if (parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities') {
        received.push({
          method: req.method ?? '',
          path: url.pathname,
          conversationId: parts[2],
          replyToId: parts[4],
          body: raw ? JSON.parse(raw) : undefined,
          at: Date.now(),
        });
        for (const w of waiters.filter((x) => received.length >= x.n)) w.resolve();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `activity-${nextId++}` }));
        return;
      }
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    members,
    waitFor(n, timeoutMs = 5000) {
      if (received.length >= n) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`fake connector: ${received.length} of ${n} activities after ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ n, resolve: () => { clearTimeout(timer); resolve(received); } });
      });
    },
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
