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
  /** The x-iro-idempotency-key header (outbox sends). */
  key?: string;
  /** Create-conversation requests: the thread id returned ('<channel>;messageid=N'). */
  createdConversationId?: string;
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

/** A scripted answer instead of 200: an HTTP error status (with optional Retry-After), or a dropped connection. */
export type FakeFailure =
  | { status: number; retryAfter?: string; code?: string }
  /** 'before': the socket is destroyed before the activity is accepted (not recorded in `received`).
   *  'after': the activity is accepted (recorded) and then the socket is destroyed, so the client sees
   *  an error for a message that did arrive (the at-least-once case). */
  | { drop: 'before' | 'after' };

/** Every request to an activities/create-conversation endpoint, whatever the answer. */
export interface FakeAttempt {
  method: string;
  path: string;
  /** Conversation posted to; for create-conversation, the channel id from channelData. */
  conversationId: string;
  /** The x-iro-idempotency-key header, if any. */
  key?: string;
  at: number;
  outcome: 'ok' | 'dropped' | number;
}

export interface FakeRequestInfo {
  method: string;
  path: string;
  conversationId: string;
  key?: string;
  body: any;
  /** How many earlier requests carried the same idempotency key. */
  previousAttempts: number;
}

export interface FakeConnector {
  url: string;
  received: ReceivedActivity[];
  /** Every request, including failed ones (for rate checks). */
  attempts: FakeAttempt[];
  /** Answers the next requests with these failures, in order, then 200 again. */
  failNext(...failures: FakeFailure[]): void;
  /** Decides per request (after any failNext queue); return undefined for a normal 200. */
  failWhen(fn: ((req: FakeRequestInfo) => FakeFailure | undefined) | null): void;
  /** Adds latency before each answer (ms). */
  setDelay(ms: number): void;
  members: Map<string, FakeMember>;
  /** Rosters for GET /v3/conversations/:id/pagedmembers (TeamsInfo.getPagedMembers), by conversation id; none = empty. */
  memberLists: Map<string, FakeMember[]>;
  /** How many pagedmembers requests each conversation got. */
  memberReads: Map<string, number>;
  /** How many single-member reads (GET …/members/{userId}, TeamsInfo.getMember) each user id got, found or not. */
  memberGets: Map<string, number>;
  /** Resolves when `n` activities have been received in total. */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedActivity[]>;
  close(): Promise<void>;
}

/** Teams refuses a bot message over 100 KB counted as UTF-16 (413 MessageSizeTooBig); so does this fake. */
export const TEAMS_REFUSES_OVER_BYTES = 100 * 1024;

export async function startFakeConnector(): Promise<FakeConnector> {
  const received: ReceivedActivity[] = [];
  const members = new Map<string, FakeMember>();
  const memberLists = new Map<string, FakeMember[]>();
  const memberReads = new Map<string, number>();
  const memberGets = new Map<string, number>();
  const waiters: { n: number; resolve: () => void }[] = [];
  const attempts: FakeAttempt[] = [];
  const queued: FakeFailure[] = [];
  const keyCounts = new Map<string, number>();
  let decide: ((req: FakeRequestInfo) => FakeFailure | undefined) | null = null;
  let delayMs = 0;
  let nextId = 1;
  let nextThread = 1;

  const accept = (entry: ReceivedActivity) => {
    received.push(entry);
    for (const w of waiters.filter((x) => received.length >= x.n)) w.resolve();
  };
  /** Applies the scripted failure, if any; true when the request was answered with it. */
  const scripted = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    info: FakeRequestInfo,
    attempt: FakeAttempt,
    onAccept: () => void,
  ): boolean => {
    const failure = queued.shift() ?? decide?.(info);
    if (!failure) return false;
    if ('drop' in failure) {
      attempt.outcome = 'dropped';
      if (failure.drop === 'after') onAccept();
      req.socket.destroy();
      return true;
    }
    attempt.outcome = failure.status;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (failure.retryAfter !== undefined) headers['retry-after'] = failure.retryAfter;
    res.writeHead(failure.status, headers);
    res.end(
      JSON.stringify({ error: { code: failure.code ?? `Status${failure.status}`, message: 'scripted failure' } }),
    );
    return true;
  };
  /** Refuses, as Teams does, a message too big; true when it did. */
  const tooBig = (raw: string, res: http.ServerResponse, attempt: FakeAttempt): boolean => {
    if (raw.length * 2 <= TEAMS_REFUSES_OVER_BYTES) return false;
    attempt.outcome = 413;
    res.writeHead(413, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'MessageSizeTooBig', message: 'Message size too big' } }));
    return true;
  };
  const track = (
    req: http.IncomingMessage,
    path: string,
    conversationId: string,
    body: any,
  ): { info: FakeRequestInfo; attempt: FakeAttempt } => {
    const key =
      typeof req.headers['x-iro-idempotency-key'] === 'string' ? req.headers['x-iro-idempotency-key'] : undefined;
    const previousAttempts = key ? (keyCounts.get(key) ?? 0) : 0;
    if (key) keyCounts.set(key, previousAttempts + 1);
    const attempt: FakeAttempt = { method: req.method ?? '', path, conversationId, key, at: Date.now(), outcome: 'ok' };
    attempts.push(attempt);
    return { info: { method: req.method ?? '', path, conversationId, key, body, previousAttempts }, attempt };
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      // /v3/conversations/{id}/members/{userId}
      if (req.method === 'GET' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'members') {
        const m = members.get(parts[4]);
        memberGets.set(parts[4], (memberGets.get(parts[4]) ?? 0) + 1);
        res.writeHead(m ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(m ?? { error: { code: 'MemberNotFoundInConversation', message: 'not found' } }));
        return;
      }
      // /v3/conversations/{id}/pagedmembers?pageSize=&continuationToken= (pages of 2, to exercise paging)
      if (req.method === 'GET' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'pagedmembers') {
        memberReads.set(parts[2], (memberReads.get(parts[2]) ?? 0) + 1);
        const list = memberLists.get(parts[2]) ?? [];
        const from = Number(url.searchParams.get('continuationToken') ?? '0') || 0;
        const next = from + 2 < list.length ? String(from + 2) : undefined;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ members: list.slice(from, from + 2), ...(next ? { continuationToken: next } : {}) }));
        return;
      }
      if (parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities') {
        const body = raw ? JSON.parse(raw) : undefined;
        const { info, attempt } = track(req, url.pathname, parts[2], body);
        const entry: ReceivedActivity = {
          method: req.method ?? '',
          path: url.pathname,
          conversationId: parts[2],
          replyToId: parts[4],
          body,
          at: attempt.at,
          key: info.key,
        };
        answer(() => {
          if (tooBig(raw, res, attempt)) return;
          if (scripted(req, res, info, attempt, () => accept(entry))) return;
          accept(entry);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: `activity-${nextId++}` }));
        });
        return;
      }
      // POST /v3/conversations: create conversation (a new thread in a Teams channel).
      if (req.method === 'POST' && parts[0] === 'v3' && parts[1] === 'conversations' && parts.length === 2) {
        const body = raw ? JSON.parse(raw) : {};
        const channel: string = body?.channelData?.channel?.id ?? '';
        const { info, attempt } = track(req, url.pathname, channel, body);
        const messageId = String(nextThread++);
        const threadId = `${channel};messageid=${messageId}`;
        const entry: ReceivedActivity = {
          method: req.method,
          path: url.pathname,
          conversationId: channel,
          body: body?.activity,
          at: attempt.at,
          key: info.key,
          createdConversationId: threadId,
        };
        answer(() => {
          if (!channel) {
            attempt.outcome = 400;
            res.writeHead(400, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: { code: 'BadArgument', message: 'channelData.channel.id is required' } }));
            return;
          }
          if (tooBig(raw, res, attempt)) return;
          if (scripted(req, res, info, attempt, () => accept(entry))) return;
          accept(entry);
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: threadId, activityId: messageId }));
        });
        return;
      }
      res.writeHead(404);
      res.end();
    });
  });
  function answer(fn: () => void): void {
    if (delayMs > 0) setTimeout(fn, delayMs);
    else fn();
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    attempts,
    members,
    memberGets,
    memberLists,
    memberReads,
    failNext: (...failures) => {
      queued.push(...failures);
    },
    failWhen: (fn) => {
      decide = fn;
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    waitFor(n, timeoutMs = 5000) {
      if (received.length >= n) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`fake connector: ${received.length} of ${n} activities after ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve(received);
          },
        });
      });
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
