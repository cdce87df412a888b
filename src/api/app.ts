// buildApp composes middleware and the route table; it owns no process concerns (see main.ts).
import express, { type Request, type Response } from 'express';
import { pinoHttp } from 'pino-http';
import swaggerUi from 'swagger-ui-express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { AppError, ErrorCodes } from '../errors.js';
import type { Engine } from '../use-cases/engine.js';
import { zodIssues } from '../use-cases/validate.js';
import { isAdminToken } from './admin-key.js';
import { errorToProblem, ROLE_RANK, sendProblem, type Role } from './http.js';
import { buildOpenApi } from './openapi.js';
import { ROUTES } from './routes.js';

export interface AppDeps {
  /** Undefined while the model and index are loading: the API answers 503 until then. */
  engine(): Engine | undefined;
  adminKeyHash: string;
  logger?: Logger | undefined;
  maxBody?: string;
  version?: string;
}

function roleOf(req: Request, adminHash: string): Role {
  const header = req.get('authorization') ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  return isAdminToken(token, adminHash) ? 'admin' : 'public';
}

function validate<T extends z.ZodType | undefined>(schema: T, value: unknown, where: string): unknown {
  if (!schema) return value;
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new AppError(ErrorCodes.VALIDATION, `Invalid ${where}.`, zodIssues(result.error, [where]));
  return result.data;
}

const expressPath = (p: string) => p.replace(/\{(\w+)\}/g, ':$1');

export function buildApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (deps.logger) app.use(pinoHttp({ logger: deps.logger, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  const log = (err: unknown) => deps.logger?.error({ err }, 'unhandled error');
  const openapi = buildOpenApi(ROUTES, { version: deps.version ?? '0.0.0' });

  app.get('/healthz', (_req, res) => {
    const engine = deps.engine();
    if (!engine) return sendProblem(res, 503, 'Loading the model and the index.', undefined, ErrorCodes.NOT_READY);
    res.json({ status: 'ok', model: engine.embedder.modelId, companies: engine.index.companies.size, opportunities: engine.index.opportunities.size, clusters: engine.index.clusters.size, indexSeq: engine.index.seq });
  });
  app.get('/api/v1/openapi.json', (_req, res) => res.json(openapi));
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(undefined, { swaggerOptions: { url: '/api/v1/openapi.json' } }));
  app.get('/', (_req, res) => res.redirect('/docs'));

  for (const r of ROUTES) {
    const parseBody = express.json({ limit: r.bodyLimit ?? deps.maxBody ?? '1mb', strict: false });
    app[r.method](expressPath(r.path), parseBody, async (req: Request, res: Response) => {
      try {
        const role = roleOf(req, deps.adminKeyHash);
        if (ROLE_RANK[role] < ROLE_RANK[r.role]) {
          const hasKey = Boolean(req.get('authorization'));
          throw new AppError(ErrorCodes.UNAUTHORIZED, hasKey ? 'The API key is not valid for this endpoint.' : `This endpoint needs \`Authorization: Bearer <${r.role} key>\`.`);
        }
        const engine = deps.engine();
        if (!engine) throw new AppError(ErrorCodes.NOT_READY, 'The service is still loading; retry in a few seconds.');
        if (r.body && req.body === undefined) throw new AppError(ErrorCodes.VALIDATION, 'A JSON body is required.', [{ path: 'body', message: 'missing' }]);
        const params = validate(r.params, req.params, 'path') as never;
        const query = validate(r.query, req.query, 'query') as never;
        const result = await r.handle({ params, query, body: req.body, role, engine });
        res.status(result.status ?? 200);
        if (result.filename) res.attachment(result.filename);
        if (result.type) res.type(result.type).send(result.body);
        else res.json(result.body);
      } catch (err) {
        errorToProblem(err, res, log);
      }
    });
  }

  app.use((req: Request, res: Response) => sendProblem(res, 404, `No endpoint ${req.method} ${req.path}.`));
  app.use((err: unknown, _req: Request, res: Response, _next: express.NextFunction) => errorToProblem(err, res, log));
  return app;
}
