import assert from 'node:assert/strict';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import restify from 'restify';
import { createSyncRunner } from '../../src/app/import/sync-import.js';
import { loadConfig } from '../../src/config.js';
import { registerImportEndpoint } from '../../src/http/import-endpoint.js';
import { createLogger } from '../../src/logger.js';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { request, smallService } from './sync-helpers.js';

// POST /api/import with an Entra app token (RS256 against a JWKS): a local JWKS server stands in for
// login.microsoftonline.com. A genuine token for the council tenant, the bot's app id and an allowed
// client imports; a forged or expired one is 401; a genuine one for another tenant, audience or client is 403.

const TENANT = '11111111-2222-3333-4444-555555555555';
const APP_ID = 'aaaaaaaa-0000-0000-0000-000000000001';
const CLIENT = 'cccccccc-0000-0000-0000-000000000001';
const KID = 'key-1';

function b64(v: object): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}

function token(key: KeyObject, claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const input = `${b64({ alg: 'RS256', typ: 'JWT', kid: KID, ...header })}.${b64(claims)}`;
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), key).toString('base64url')}`;
}

describe('sync: POST /api/import with an Entra app token', function () {
  this.timeout(30_000);
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let jwks: http.Server;
  let server: restify.Server;
  let store: EmbeddedStore;
  let dataDir: string;
  let url: string;
  const now = Math.floor(Date.now() / 1000);
  const good = {
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    tid: TENANT,
    aud: APP_ID,
    azp: CLIENT,
    iat: now,
    nbf: now - 10,
    exp: now + 3600,
  };

  before(async () => {
    jwks = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({ keys: [{ ...keys.publicKey.export({ format: 'jwk' }), kid: KID, use: 'sig', alg: 'RS256' }] }),
      );
    });
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', () => r()));
    const config = loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'x',
      MicrosoftAppTenantId: TENANT,
      IMPORT_CLIENT_IDS: CLIENT,
      IMPORT_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`,
    });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-sync-entra-'));
    store = await openEmbeddedStore(dataDir);
    const sync = createSyncRunner({ store }, () => new Date('2026-11-23T09:00:00Z'));
    server = restify.createServer();
    const state = registerImportEndpoint(server, {
      config,
      logger: createLogger('silent'),
      now: () => new Date(),
      audit: async () => undefined,
      sync: (payload, source) => sync(payload, source, 'http'),
    });
    assert.deepEqual(state, { enabled: true, why: 'POST /api/import is on (Entra app token)' });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server?.close();
    jwks?.close();
    await store?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (bearer: string) => {
    const body = JSON.stringify(smallService());
    return request(url, {
      body,
      headers: {
        authorization: `Bearer ${bearer}`,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      },
    });
  };
  const childCount = async () => (await store.collection('children').find({}).toArray()).length;

  const refusals: [string, () => string, number][] = [
    [
      'another tenant (its own issuer, a genuine signature)',
      () =>
        token(keys.privateKey, {
          ...good,
          tid: 'tenant-other',
          iss: 'https://login.microsoftonline.com/tenant-other/v2.0',
        }),
      403,
    ],
    [
      "our tenant id with another tenant's issuer",
      () => token(keys.privateKey, { ...good, iss: 'https://login.microsoftonline.com/tenant-other/v2.0' }),
      403,
    ],
    ['another app as the audience', () => token(keys.privateKey, { ...good, aud: 'some-other-api' }), 403],
    [
      'a client app not on the allow-list',
      () => token(keys.privateKey, { ...good, azp: 'dddddddd-0000-0000-0000-000000000009' }),
      403,
    ],
    ['signed with another key', () => token(other.privateKey, good), 401],
    [
      'claims changed after signing',
      () => {
        const [h, , s] = token(keys.privateKey, { ...good, azp: 'x' }).split('.');
        return `${h}.${b64(good)}.${s}`;
      },
      401,
    ],
    ['alg none', () => `${b64({ alg: 'none', kid: KID })}.${b64(good)}.`, 401],
    ['HS256 with the public key as the secret', () => `${b64({ alg: 'HS256', kid: KID })}.${b64(good)}.AAAA`, 401],
    ['an unknown key id', () => token(keys.privateKey, good, { kid: 'key-9' }), 401],
    ['expired', () => token(keys.privateKey, { ...good, exp: now - 3600 }), 401],
    ['not valid yet', () => token(keys.privateKey, { ...good, nbf: now + 3600 }), 401],
    ['a shared secret when only Entra is configured', () => 'x'.repeat(40), 401],
  ];
  for (const [name, make, status] of refusals) {
    it(`${name} → ${status}, nothing imported`, async () => {
      const res = await post(make());
      assert.equal(res.status, status, res.body);
      assert.equal(await childCount(), 0);
    });
  }

  it('a genuine token from the council tenant, for the bot, from an allowed client: imported', async () => {
    const res = await post(token(keys.privateKey, good));
    assert.equal(res.status, 200, res.body);
    assert.equal(res.json.outcome, 'imported');
    assert.equal(await childCount(), 4);
    const v1 = await post(
      token(keys.privateKey, {
        ...good,
        aud: `api://${APP_ID}`,
        azp: undefined,
        appid: CLIENT,
        iss: `https://sts.windows.net/${TENANT}/`,
      }),
    );
    assert.equal(v1.status, 200, 'a v1 token (appid, sts issuer, api:// audience) too');
    assert.equal(v1.json.outcome, 'already-imported');
  });
});
