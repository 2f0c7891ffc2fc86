import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Harness } from '../helpers/bot-harness.js';
import { messageActivity, type Sender } from '../helpers/activities.js';

// Shared by the sync tests: the small service with an admin, a store snapshot, raw HTTP.

export const TOKEN = 'test-import-token-0123456789abcdef-xyz';
export const ADMIN_STAFF = {
  id: 'adm-1',
  name: 'Tomos Bevan',
  roles: ['admin'],
  aadObjectId: '00000000-0000-0000-0000-0000000000ad',
};

export function smallService(): {
  formatVersion: 1;
  staff: Record<string, unknown>[];
  children: Record<string, any>[];
} {
  const base = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/http/small-service.json'), 'utf8'));
  return { ...base, staff: [...base.staff, ADMIN_STAFF] };
}

/** Every document of every collection but the audit log (refusals are audited: the one write allowed). */
export async function storeSnapshot(h: Harness): Promise<string> {
  const store = h.bot.store as unknown as {
    collectionNames(): string[];
    collection(n: string): { find(f: object): { toArray(): Promise<unknown[]> } };
  };
  const out: Record<string, unknown[]> = {};
  for (const name of store
    .collectionNames()
    .filter((n) => n !== 'audit')
    .sort()) {
    const docs = await store.collection(name).find({}).toArray();
    if (docs.length) out[name] = docs; // an empty collection is no change
  }
  return JSON.stringify(out);
}

export interface RawAnswer {
  status: number;
  body: string;
  json: any;
}

/** One request over a real socket; `chunks` are written one by one (no Content-Length unless given). */
export function request(
  url: string,
  opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const u = new URL(opts.path ?? '/api/import', url);
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname, method: opts.method ?? 'POST', headers: opts.headers ?? {} },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => {
          const body = Buffer.concat(parts).toString('utf8');
          let json: any = null;
          try {
            json = JSON.parse(body);
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, body, json });
        });
      },
    );
    // The server may answer and close before the whole body is sent (413): the answer is what counts.
    req.on('error', (err) => reject(err));
    if (opts.chunks) {
      const write = (i: number): void => {
        if (i >= opts.chunks!.length) {
          req.end();
          return;
        }
        if (req.destroyed) return;
        req.write(opts.chunks![i], () => setImmediate(() => write(i + 1)));
      };
      write(0);
    } else {
      req.end(opts.body);
    }
  });
}

export function postImport(h: Harness, body: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return request(h.bot.server.url, {
    body: text,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      ...headers,
    },
  });
}

/** An Action.Execute invoke as Teams sends it; the parsed invoke response. */
export async function invoke(h: Harness, from: Sender, verb: string, data: Record<string, unknown>): Promise<any> {
  const res = await h.post({
    ...messageActivity(h.connector.url, from, ''),
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    value: { action: { type: 'Action.Execute', verb, data } },
  });
  if (res.status !== 200) throw new Error(`invoke answered ${res.status}: ${res.body}`);
  return JSON.parse(res.body);
}

export const CHILDREN_CSV =
  [
    '\uFEFFChild ID,Forename,Surname,DOB,Track,IRO,Social Worker,Team,Date Became LAC',
    'C200,"Rhys ""Junior""",Parry,14/02/2015,cla,iro-1,sw-1,north,01/09/2026',
    'C201,Nia,"Hughes, Jones",03/11/2012,cla,iro-2,sw-1,north,15/09/2026',
  ].join('\r\n') + '\r\n';

export const MAPPING = {
  formatVersion: 1,
  dateFormat: 'DD/MM/YYYY',
  children: {
    columns: {
      ref: 'Child ID',
      givenName: 'Forename',
      familyName: 'Surname',
      dateOfBirth: 'DOB',
      track: 'Track',
      iroId: 'IRO',
      socialWorkerId: 'Social Worker',
      socialWorkTeam: 'Team',
    },
    events: [{ type: 'became-looked-after', column: 'Date Became LAC' }],
  },
};
