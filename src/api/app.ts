// buildApp composes middleware and the route table; it owns no process concerns (see main.ts).
import { randomBytes, randomUUID } from 'node:crypto';
import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { rateLimit } from 'express-rate-limit';
import { pinoHttp } from 'pino-http';
import swaggerUi from 'swagger-ui-express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { BodyLimits, RateLimits } from '../config.js';
import { appError, ErrorCodes } from '../errors.js';
import type { Engine } from '../engine/index.js';
import { parseOrThrow, zodIssues } from '../validation/index.js';
import { consoleRoutes } from '../console/index.js';
import { widgetRoutes } from '../widget/index.js';
import { Authenticator, type Caller } from './auth.js';
import { errorToProblem, etagOf, jsonDepthGuard, parseIfMatch, ROLE_RANK, sendProblem, type RouteDef } from './http.js';
import { buildOpenApi } from './openapi.js';
import { ROUTES } from './routes.js';
import { clearedSessionCookie, DEFAULT_SESSION_SECONDS, sessionCookie } from './session-cookie.js';

export interface AppDeps {
  /** Undefined while the model and index are loading: the API answers 503 until then. */
  engine(): Engine | undefined;
  adminKeyHash: string;
  logger?: Logger | undefined;
  bodyLimits?: BodyLimits;
  version?: string;
  rateLimits?: RateLimits;
  trustProxyHops?: number;
  /** The demo site key; every worker of a cluster must share one (see src/cluster.ts). */
  demoKey?: string | undefined;
  /** Lifetime of a console session (the cookie a staff key is exchanged for); 12 hours by default. */
  sessionSeconds?: number;
}

const DEFAULT_LIMITS: RateLimits = { perIpPerMinute: 300, perKeyPerMinute: 3000 };
const DEFAULT_BODY_LIMITS: BodyLimits = { body: '1mb', importBody: '200mb', jsonDepth: 32 };

function validate<T extends z.ZodType | undefined>(schema: T, value: unknown, where: string): unknown {
  if (!schema) return value;
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw appError('INVALID_INPUT', { what: where }, zodIssues(result.error, [where]));
  return result.data;
}

const expressPath = (p: string) => p.replace(/\{(\w+)\}/g, ':$1');
const callerOf = (res: Response) => res.locals['caller'] as Caller;

/** A fresh demo site key: it lives as long as the process (or the cluster) does. */
export const newDemoKey = () => `pk_demo_${randomBytes(18).toString('base64url')}`;

export function buildApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', deps.trustProxyHops ?? 0);
  app.use((req, res, next) => {
    // A request id for every log line and answer: the caller's own if it sent a sane one.
    const given = req.get('x-request-id');
    res.locals['requestId'] = given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    res.set('X-Request-Id', res.locals['requestId'] as string);
    next();
  });
  app.use(helmet({ crossOriginResourcePolicy: { policy: 'same-site' } }));
  if (deps.logger) {
    app.use(
      pinoHttp({ logger: deps.logger, genReqId: (_req, res) => res.locals['requestId'] as string, autoLogging: { ignore: (req) => req.url === '/healthz' } }),
    );
  }
  const log = (err: unknown) => deps.logger?.error({ err }, 'unhandled error');
  const openapi = buildOpenApi(ROUTES, { version: deps.version ?? '0.0.0' });
  const auth = new Authenticator(deps.adminKeyHash, () => deps.engine()?.repo, deps.demoKey ?? newDemoKey());

  app.get('/healthz', (_req, res) => {
    const engine = deps.engine();
    if (!engine) return sendProblem(res, 503, 'Loading the model and the index.', undefined, ErrorCodes.NOT_READY);
    res.json({
      status: 'ok',
      model: engine.embedder.modelId,
      companies: engine.index.companies.size,
      opportunities: engine.index.opportunities.size,
      clusters: engine.index.clusters.size,
      indexSeq: engine.index.seq,
    });
  });
  app.get('/api/v1/openapi.json', (_req, res) => res.json(openapi));
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(undefined, { swaggerOptions: { url: '/api/v1/openapi.json' } }));
  app.get('/', (_req, res) => res.redirect('/docs'));
  app.use(widgetRoutes({ demoKey: auth.demoSecret }));
  app.use(consoleRoutes());

  // Browsers may call the API from the origins of active site keys (the widget on partner pages).
  app.use(
    '/api',
    cors((req, done) => {
      const origin = req.headers.origin;
      const options = (allowed: boolean) => ({
        origin: allowed ? origin : false,
        methods: ['GET', 'POST'],
        allowedHeaders: ['Authorization', 'Content-Type'],
        maxAge: 600,
      });
      if (!origin) return done(null, options(false));
      auth.anySiteAllows(origin, req as Request).then(
        (ok) => done(null, options(ok)),
        () => done(null, options(false)),
      );
    }),
  );
  app.use('/api', (req, res, next) => {
    auth.callerOf(req).then(
      (caller) => {
        res.locals['caller'] = caller;
        next();
      },
      (err: unknown) => {
        // A refused key is answered after the per-IP limiter has counted it: guessing keys costs
        // the same budget as any other anonymous request.
        res.locals['caller'] = { role: 'public' } satisfies Caller;
        res.locals['authError'] = err;
        next();
      },
    );
  });
  for (const limiter of rateLimiters(deps.rateLimits ?? DEFAULT_LIMITS)) app.use('/api', limiter);
  app.use('/api', (_req, res, next) => (res.locals['authError'] ? errorToProblem(res.locals['authError'], res, log) : next()));

  const limits = deps.bodyLimits ?? DEFAULT_BODY_LIMITS;
  for (const r of ROUTES) {
    // The role is checked before the body is read: a caller who may not use the route never
    // gets a large body parsed (auth above reads only headers).
    app[r.method](expressPath(r.path), admitRole(r), bodyParser(r, limits), async (req: Request, res: Response) => {
      try {
        const caller = callerOf(res);
        const engine = deps.engine();
        if (!engine) throw appError('NOT_READY', {});
        if (r.body && req.body === undefined) throw appError('BODY_REQUIRED', {}, [{ path: 'body', message: 'missing' }]);
        const params = validate(r.params, req.params, 'path') as never;
        const query = validate(r.query, req.query, 'query') as never;
        const body: unknown = r.body && r.bodyName ? parseOrThrow(r.body, req.body, r.bodyName) : req.body;
        const ifMatch = parseIfMatch(req.get('if-match'));
        const acceptLanguage = req.get('accept-language');
        const result = await r.handle({
          params,
          query,
          body,
          role: caller.role,
          keyId: caller.key?.id ?? null,
          origin: caller.origin ?? null,
          ifMatch,
          acceptLanguage,
          engine,
          sessionHash: caller.sessionHash ?? null,
          sessionSeconds: deps.sessionSeconds ?? DEFAULT_SESSION_SECONDS,
        });
        if (r.invalidatesKeys) auth.invalidate();
        if (result.sessionCookie === 'clear') res.append('Set-Cookie', clearedSessionCookie(req.secure));
        else if (result.sessionCookie) res.append('Set-Cookie', sessionCookie(result.sessionCookie.secret, result.sessionCookie.maxAgeSeconds, req.secure));
        // Answers that depend on the cookie must not be cached for another caller.
        if (caller.sessionHash || result.sessionCookie) res.vary('Cookie');
        res.status(result.status ?? 200);
        // The tag names the version, not the bytes: staff see private fields the public does not.
        if (result.version !== undefined) res.set('ETag', etagOf(result.version)).vary('Authorization');
        if (result.filename) res.attachment(result.filename);
        if (result.disposition) res.set('Content-Disposition', result.disposition);
        if (result.type) res.type(result.type).send(result.body);
        else res.json(result.body);
      } catch (err) {
        errorToProblem(err, res, log);
      }
    });
  }

  app.use((req: Request, res: Response) =>
    errorToProblem(appError('NO_ENDPOINT', { method: req.method, path: req.path }, [{ path: 'path', message: 'not found' }]), res, log),
  );
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => errorToProblem(err, res, log));
  return app;
}

function admitRole(r: RouteDef) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const caller = callerOf(res);
    if (ROLE_RANK[caller.role] >= ROLE_RANK[r.role]) return next();
    if (caller.role === 'public') return next(appError('KEY_REQUIRED', { role: r.role }));
    next(appError('ROLE_TOO_LOW', { role: caller.role, needed: r.role }));
  };
}

/** Ordinary routes take `limits.body`; imports take more, and only from staff. */
function bodyParser(r: RouteDef, limits: BodyLimits) {
  const large = r.bodyLimit === 'import';
  if (large && ROLE_RANK[r.role] < ROLE_RANK.staff) throw new Error(`${r.method} ${r.path}: import-size bodies are for staff routes only`);
  return express.json({ limit: large ? limits.importBody : limits.body, strict: false, verify: jsonDepthGuard(limits.jsonDepth) });
}

/** Per client IP for everyone below staff, and per site key for the widget's keys. */
function rateLimiters(limits: RateLimits) {
  const tooMany = (_req: Request, res: Response) => sendProblem(res, 429, 'Too many requests; wait a minute and try again.', undefined, 'rate-limited');
  const privileged = (res: Response) => ROLE_RANK[callerOf(res).role] >= ROLE_RANK.staff;
  return [
    rateLimit({
      windowMs: 60_000,
      limit: limits.perIpPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      skip: (_req, res) => privileged(res),
      handler: tooMany,
    }),
    rateLimit({
      windowMs: 60_000,
      limit: limits.perKeyPerMinute,
      standardHeaders: false,
      legacyHeaders: false,
      skip: (_req, res) => callerOf(res).role !== 'site',
      keyGenerator: (_req, res) => `key:${callerOf(res).key?.id ?? 'none'}`,
      handler: tooMany,
    }),
  ];
}
