import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';

// Checks an Entra ID (Azure AD) app token for POST /api/import: a JWT signed RS256 with a key from the
// tenant's JWKS, issued by the council's tenant, for the bot's app id, to a client app on the allow-list
// (IMPORT_CLIENT_IDS). node:crypto only. The signature and lifetime are checked before any claim is
// believed: a forged token is 401 whatever it claims; a genuine token from another tenant or app is 403.

export interface EntraTokenRules {
  tenantId: string;
  /** The bot's app id (MicrosoftAppId): the token's `aud` must be it or `api://` it. */
  audience: string;
  clientIds: readonly string[];
  jwksUrl: string;
  now: () => Date;
}

export type TokenVerdict = { ok: true; clientId: string } | { ok: false; status: 401 | 403; reason: string };

/** Clock skew allowed on exp/nbf. */
const SKEW_S = 300;
/** An unknown `kid` refetches the JWKS (keys roll over), at most this often. */
const REFETCH_MS = 5 * 60_000;
const FETCH_TIMEOUT_MS = 5_000;

export interface EntraVerifier {
  verify(token: string): Promise<TokenVerdict>;
}

export function createEntraVerifier(rules: EntraTokenRules): EntraVerifier {
  let keys = new Map<string, KeyObject>();
  let fetchedAt = 0;
  let failedAt = 0;

  async function refresh(): Promise<void> {
    // A JWKS that is down is asked again at most every 30 s, not once per request.
    if (Date.now() - failedAt < 30_000) throw new Error('JWKS recently unavailable');
    failedAt = Date.now();
    const res = await fetch(rules.jwksUrl, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`JWKS answered ${res.status}`);
    const body = (await res.json()) as { keys?: (JsonWebKey & { kid?: string })[] };
    const next = new Map<string, KeyObject>();
    for (const k of body.keys ?? []) {
      if (k.kty !== 'RSA' || typeof k.kid !== 'string') continue;
      try {
        next.set(k.kid, createPublicKey({ key: k, format: 'jwk' }));
      } catch {
        /* a key we cannot read is skipped */
      }
    }
    keys = next;
    fetchedAt = Date.now();
    failedAt = 0;
  }

  async function keyFor(kid: string): Promise<KeyObject | undefined> {
    if (!keys.has(kid) && Date.now() - fetchedAt > (fetchedAt ? REFETCH_MS : 0)) await refresh();
    return keys.get(kid);
  }

  return {
    async verify(token) {
      const parts = token.split('.');
      if (parts.length !== 3) return refuse(401, 'not a JWT');
      const header = decodeJson(parts[0]!);
      const claims = decodeJson(parts[1]!);
      if (!header || !claims) return refuse(401, 'not a JWT');
      if (header.alg !== 'RS256' || typeof header.kid !== 'string')
        return refuse(401, 'not an RS256 token with a key id');
      let key: KeyObject | undefined;
      try {
        key = await keyFor(header.kid);
      } catch {
        return refuse(401, 'the signing keys could not be read');
      }
      if (!key) return refuse(401, 'unknown signing key');
      const signed = verify(
        'RSA-SHA256',
        Buffer.from(`${parts[0]}.${parts[1]}`),
        key,
        Buffer.from(parts[2]!, 'base64url'),
      );
      if (!signed) return refuse(401, 'bad signature');
      const now = rules.now().getTime() / 1000;
      if (typeof claims.exp !== 'number' || claims.exp < now - SKEW_S) return refuse(401, 'expired');
      if (typeof claims.nbf === 'number' && claims.nbf > now + SKEW_S) return refuse(401, 'not yet valid');
      // Genuine from here: what remains is whether it is for us.
      const issuers = [
        `https://login.microsoftonline.com/${rules.tenantId}/v2.0`,
        `https://sts.windows.net/${rules.tenantId}/`,
      ];
      if (claims.tid !== rules.tenantId || !issuers.includes(String(claims.iss))) return refuse(403, 'another tenant');
      if (claims.aud !== rules.audience && claims.aud !== `api://${rules.audience}`)
        return refuse(403, 'another audience');
      const client = typeof claims.azp === 'string' ? claims.azp : typeof claims.appid === 'string' ? claims.appid : '';
      if (!rules.clientIds.includes(client)) return refuse(403, 'a client app not on the allow-list');
      return { ok: true, clientId: client };
    },
  };
}

function refuse(status: 401 | 403, reason: string): TokenVerdict {
  return { ok: false, status, reason };
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
