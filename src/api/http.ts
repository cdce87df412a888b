// HTTP plumbing shared by all routes: problem responses, the route contract, error mapping.
import type { Response } from 'express';
import type { z } from 'zod';
import { AppError, appError, ErrorCodes, type ErrorCode, type FieldIssue } from '../errors.js';
import type { Engine } from '../engine/index.js';

/** Who is calling, lowest first: each role admits the routes of the roles below it. */
export type Role = 'public' | 'site' | 'staff' | 'admin';

export const ROLE_RANK: Record<Role, number> = { public: 0, site: 1, staff: 2, admin: 3 };

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  role: Role;
  /** The key used (site, staff or admin), for audit trails such as introductions. */
  keyId: string | null;
  origin: string | null;
  /** The request's Accept-Language header: reasons follow it when the request names no language. */
  acceptLanguage: string | undefined;
  /** The version named by an `If-Match` header (`"3"` or `W/"3"`); undefined without one or for `*`. */
  ifMatch: number | undefined;
  engine: Engine;
  /** Signed in through the console's cookie: the hash of its secret; null with a key or no one. */
  sessionHash?: string | null;
  /** How long a new console session lasts, in seconds. */
  sessionSeconds?: number;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  /** A media type other than JSON (e.g. `text/csv`): `body` is then sent as text. */
  type?: string;
  /** Offered as a download with this file name. */
  filename?: string;
  /** A full Content-Disposition value instead (e.g. an ASCII name with a UTF-8 `filename*`). */
  disposition?: string;
  /** The version of the entity answered: sent as the strong ETag `"<version>"`. */
  version?: number;
  /** Sets the console's session cookie to this secret, or clears it. */
  sessionCookie?: { secret: string; maxAgeSeconds: number } | 'clear';
}

export interface RouteDef<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI-style path, e.g. `/api/v1/companies/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** Lowest role admitted. */
  role: Role;
  params?: P;
  query?: Q;
  /** The body's schema: documented in OpenAPI, and parsed at the edge where `bodyName` is set. */
  body?: B;
  /**
   * Names the body in its validation error ("Invalid partner search.", paths as the body's own fields):
   * the edge parses the body with `body` once and the handler gets the parsed value. Routes without it
   * hand the raw body to a use case that parses it (the event routes, until they move over).
   */
  bodyName?: string;
  /** `import`: the larger import body limit (staff routes only); otherwise the default limit. */
  bodyLimit?: 'import';
  /** Creates or revokes API keys: cached key lookups are dropped after it. */
  invalidatesKeys?: boolean;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  handle(ctx: RouteContext<z.output<P>, z.output<Q>, unknown>): Promise<RouteResult>;
}

export const route = <P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(def: RouteDef<P, Q, B>) => def as unknown as RouteDef;

const STATUS: Record<ErrorCode, number> = {
  [ErrorCodes.VALIDATION]: 400,
  [ErrorCodes.UNAUTHORIZED]: 401,
  [ErrorCodes.FORBIDDEN]: 403,
  [ErrorCodes.NOT_FOUND]: 404,
  [ErrorCodes.CONFLICT]: 409,
  [ErrorCodes.STALE]: 412,
  [ErrorCodes.INFEASIBLE]: 422,
  [ErrorCodes.NOT_READY]: 503,
  [ErrorCodes.MODEL_UNAVAILABLE]: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  409: 'Conflict',
  412: 'Precondition Failed',
  422: 'Unprocessable Content',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function sendProblem(res: Response, status: number, detail: string, errors?: readonly FieldIssue[], code?: string): void {
  res
    .status(status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: `https://nordichub.example/problems/${code ?? status}`,
        title: TITLES[status] ?? 'Error',
        status,
        detail,
        ...(errors?.length ? { errors } : {}),
      }),
    );
}

export function errorToProblem(err: unknown, res: Response, log: (err: unknown) => void): void {
  const e = err as { type?: string; status?: number; message?: string };
  if (err instanceof AppError) sendProblem(res, STATUS[err.code], err.message, err.issues, err.code);
  else if (e.type === 'entity.parse.failed')
    sendProblem(res, 400, 'The request body is not valid JSON.', [{ path: 'body', message: e.message ?? 'invalid JSON' }]);
  else if (e.type === 'entity.too.deep')
    sendProblem(res, 400, e.message ?? 'The request body is nested too deeply.', [{ path: 'body', message: 'nested too deeply' }]);
  else if (e.type === 'entity.too.large') sendProblem(res, 413, 'The request body is too large.', [{ path: 'body', message: 'too large' }]);
  else if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') sendProblem(res, 415, 'Send the body as UTF-8 JSON.');
  else if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) sendProblem(res, e.status, e.message ?? 'Bad request.');
  else {
    log(err);
    sendProblem(res, 500, 'Something went wrong on our side; the request was not applied.');
  }
}

/** `"3"`, `W/"3"` or `*` (any version: no condition); anything else is a 400 naming the header. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const tag = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!tag) throw appError('BAD_IF_MATCH', {}, [{ path: 'If-Match', message: 'must be one ETag such as "3"' }]);
  return Number(tag[1]);
}

export const etagOf = (version: number) => `"${version}"`;

/**
 * A body-parser `verify` hook: refuses JSON nested deeper than `maxDepth` before it is parsed.
 * One pass over the bytes; brackets inside strings do not count.
 */
export function jsonDepthGuard(maxDepth: number) {
  return (_req: unknown, _res: unknown, buf: Buffer): void => {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < buf.length; i++) {
      const c = buf[i];
      if (inString) {
        if (c === 0x5c)
          i++; // backslash: skip the escaped byte
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x5b || c === 0x7b) {
        if (++depth > maxDepth)
          throw Object.assign(new Error(`The request body is nested more than ${maxDepth} levels deep.`), { status: 400, type: 'entity.too.deep' });
      } else if (c === 0x5d || c === 0x7d) depth--;
    }
  };
}
