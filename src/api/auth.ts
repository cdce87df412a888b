// Who is calling: the bootstrap admin key, a stored key (admin, staff or site), or nobody. Site
// keys work only from their allowed web origins. Lookups are cached for two seconds, so a key
// revoked through another process stops working within that time (at once in this one).
// Without an Authorization header, the console's session cookie stands for the key it was
// exchanged for; changes made with it must come from the service's own origin (CSRF).
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { AccessStore, ConsoleSession, SessionStore } from '../db/index.js';
import type { ApiKeyRecord } from '../domain/index.js';
import { appError } from '../errors.js';
import { hashKey } from '../use-cases/create-api-key.js';
import { isKeyHash } from './admin-key.js';
import type { Role } from './http.js';
import { sessionSecretOf } from './session-cookie.js';

export interface Caller {
  role: Role;
  /** The stored key used, if any (the bootstrap admin key has none). */
  key?: ApiKeyRecord | undefined;
  origin?: string | undefined;
  /** Signed in through the console's cookie: the hash of its secret (for sign-out). */
  sessionHash?: string | undefined;
}

const TTL_MS = 2_000;
const CACHE_MAX = 10_000;

export class Authenticator {
  private readonly keys = new Map<string, { key: ApiKeyRecord | null; at: number }>();
  private readonly sessions = new Map<string, { session: ConsoleSession | null; at: number }>();
  private origins: { set: Set<string>; at: number } | undefined;

  constructor(
    private readonly adminHash: string,
    /** The key store; undefined while the service is still loading. */
    private readonly repo: () => (Pick<AccessStore, 'findApiKey' | 'listApiKeys'> & Pick<SessionStore, 'findSession'>) | undefined,
    /** A site key valid only from the service's own origin, for the demo page. */
    readonly demoSecret: string,
  ) {
    // Checked once here: timingSafeEqual throws on a length mismatch, which would make every
    // request with a key a 500.
    if (!isKeyHash(adminHash)) throw new Error('The admin key hash must be a SHA-256 hash (64 hex digits).');
  }

  async callerOf(req: Request): Promise<Caller> {
    const authorization = req.get('authorization');
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const origin = req.get('origin');
    const cookieSecret = authorization === undefined ? sessionSecretOf(req.get('cookie')) : undefined;
    if (cookieSecret) return this.sessionCaller(hashKey(cookieSecret), req);
    if (!token) return { role: 'public', origin };
    const hash = hashKey(token);
    if (timingSafeEqual(Buffer.from(hash, 'hex'), Buffer.from(this.adminHash, 'hex'))) return { role: 'admin', origin };
    if (token === this.demoSecret) return this.siteCaller(demoKey(ownOrigin(req)), origin);
    const key = await this.lookup(hash);
    if (!key) throw appError('UNKNOWN_KEY', {});
    if (key.revokedAt) throw appError('KEY_REVOKED', { prefix: key.prefix });
    return key.role === 'site' ? this.siteCaller(key, origin) : { role: key.role, key, origin };
  }

  /** For CORS preflights, which carry no key: is any active site key allowed from `origin`? */
  async anySiteAllows(origin: string, req: Request): Promise<boolean> {
    if (origin === ownOrigin(req)) return true;
    if (!this.origins || Date.now() - this.origins.at > TTL_MS) {
      const keys = (await this.repo()?.listApiKeys()) ?? [];
      this.origins = { set: new Set(keys.filter((k) => k.role === 'site' && !k.revokedAt).flatMap((k) => k.origins)), at: Date.now() };
    }
    return this.origins.set.has(origin.toLowerCase());
  }

  /** Forget cached lookups, e.g. after a key was created or revoked in this process. */
  invalidate(): void {
    this.keys.clear();
    this.sessions.clear();
    this.origins = undefined;
  }

  private siteCaller(key: ApiKeyRecord, origin: string | undefined): Caller {
    if (!origin || !key.origins.includes(origin.toLowerCase())) {
      throw appError('ORIGIN_REFUSED', { origins: key.origins.join(', '), refused: origin ? `, not from ${origin}` : ' (the request carried no Origin)' });
    }
    return { role: 'site', key, origin };
  }

  private async sessionCaller(hash: string, req: Request): Promise<Caller> {
    const origin = req.get('origin');
    const session = await this.lookupSession(hash);
    // An expired, signed-out or revoked session is no one: staff routes answer 401 and the
    // console asks for the key again.
    if (!session) return { role: 'public', origin };
    if (!SAFE_METHODS.has(req.method) && !sameOrigin(req)) {
      throw appError('CROSS_SITE_REFUSED', { own: ownOrigin(req), from: origin ?? req.get('sec-fetch-site') ?? 'an unnamed origin' });
    }
    return { role: session.role, origin, sessionHash: hash, key: session.keyId ? sessionKey(session) : undefined };
  }

  private async lookupSession(hash: string): Promise<ConsoleSession | null> {
    const hit = this.sessions.get(hash);
    const now = Date.now();
    if (hit && now - hit.at < TTL_MS && (!hit.session || Date.parse(hit.session.expiresAt) > now)) return hit.session;
    const repo = this.repo();
    if (!repo) throw appError('NOT_READY', {});
    const session = await repo.findSession(hash, new Date(now));
    if (this.sessions.size >= CACHE_MAX) this.sessions.clear();
    this.sessions.set(hash, { session, at: now });
    return session;
  }

  private async lookup(hash: string): Promise<ApiKeyRecord | null> {
    const hit = this.keys.get(hash);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.key;
    const repo = this.repo();
    if (!repo) throw appError('NOT_READY', {});
    const key = await repo.findApiKey(hash);
    if (this.keys.size >= CACHE_MAX) this.keys.clear();
    this.keys.set(hash, { key, at: Date.now() });
    return key;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The request says it comes from a page of this service: by its Origin, else by Sec-Fetch-Site. */
function sameOrigin(req: Request): boolean {
  const origin = req.get('origin');
  if (origin) return origin.toLowerCase() === ownOrigin(req);
  return req.get('sec-fetch-site') === 'same-origin';
}

/** Enough of the key behind a session for audit trails (routes read only its id). */
function sessionKey(session: ConsoleSession): ApiKeyRecord {
  return { id: session.keyId ?? '', role: session.role, label: '', origins: [], prefix: '', createdAt: session.createdAt, revokedAt: null };
}

const ownOrigin = (req: Request) => `${req.protocol}://${req.get('host') ?? ''}`.toLowerCase();

function demoKey(origin: string): ApiKeyRecord {
  return { id: 'key_demo', role: 'site', label: 'the demo page', origins: [origin], prefix: 'pk_demo', createdAt: new Date(0).toISOString(), revokedAt: null };
}
