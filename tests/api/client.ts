// How the API tests talk to a served app: one HTTP call, JSON in, the answer read once; and the
// app served over a fresh engine for a test file. The typed calls (`typedClient`) take their
// paths, parameters, bodies and answers from the types generated out of the OpenAPI document
// (scripts/generate-api-types.ts), so a document that stops describing the API fails the build.
import { afterAll, beforeAll, expect } from 'vitest';
import { type AppDeps, buildApp, hashKey } from '../../src/api/index.js';
import type { Engine } from '../../src/engine/index.js';
import { createApiKey } from '../../src/use-cases/create-api-key.js';
import { addParticipant, createEvent } from '../../src/use-cases/events.js';
import type { components, paths } from '../../src/api/generated/openapi-types.js';
import { engineForFile } from '../engine-per-file.js';
import { serve, type TestEngine } from '../helpers.js';

export interface CallOptions {
  body?: unknown;
  /** Sent as is instead of `body` (malformed JSON, for instance). */
  raw?: string;
  key?: string | null | undefined;
  origin?: string | undefined;
  headers?: Record<string, string>;
}

export type Problem = components['schemas']['Problem'];

/** One answer; `B` is what a successful (2xx) JSON answer holds, as the document says. */
export interface TypedAnswer<B> {
  status: number;
  headers: Headers;
  type: string;
  text: string;
  /** The parsed JSON of a successful answer (undefined for other media types). */
  body: B;
  /** The problem details of a failed answer (application/problem+json), else undefined. */
  problem: Problem | undefined;
  disposition: string | null;
}

/** An answer to a call the document does not type (made-up paths, paths built at run time): its body is read by narrowing. */
export type Answer = TypedAnswer<unknown>;

/** One HTTP call; the body of its answer is `unknown` (`call` below types it from the path). */
export async function request(base: string, method: string, path: string, o: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.body !== undefined || o.raw !== undefined) headers['content-type'] = 'application/json';
  if (o.key) headers['authorization'] = `Bearer ${o.key}`;
  if (o.origin) headers['origin'] = o.origin;
  const res = await fetch(base + path, { method: method.toUpperCase(), headers, body: o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body)) });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  let body: unknown;
  if (text && type.includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  const problem = type.includes('application/problem+json') ? (body as Problem | undefined) : undefined;
  return { status: res.status, headers: res.headers, type, text, body, problem, disposition: res.headers.get('content-disposition') };
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type PathWith<M extends Method> = { [P in keyof paths]: paths[P] extends Record<M, unknown> ? P : never }[keyof paths];
type Operation<P extends keyof paths, M extends Method> = paths[P] extends Record<M, infer O> ? O : never;
type ParamsOf<O> = O extends { parameters: infer X } ? X : Record<never, never>;
type JsonBody<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;
type SuccessBody<O> = O extends { responses: infer R } ? JsonBody<R[Extract<keyof R, 200 | 201 | 202>]> : never;
type RequestBody<O> = O extends { requestBody: { content: { 'application/json': infer B } } } ? { body: B } : { body?: never };

type Segments<S extends string> = S extends `${infer Head}/${infer Tail}` ? [Head, ...Segments<Tail>] : [S];
type SegmentsMatch<Given extends string[], Template extends string[]> = Given extends [infer G, ...infer GRest extends string[]]
  ? Template extends [infer T, ...infer TRest extends string[]]
    ? T extends `{${string}}`
      ? SegmentsMatch<GRest, TRest>
      : G extends T
        ? SegmentsMatch<GRest, TRest>
        : false
    : false
  : Template extends []
    ? true
    : false;
type WithoutQuery<S extends string> = S extends `${infer P}?${string}` ? P : S;
/** The document's path template that a concrete path stands for (`/api/v1/companies/fi-pack?x=1` -> `/api/v1/companies/{id}`). */
export type TemplateOf<M extends Method, S extends string> = S extends unknown
  ? { [P in PathWith<M>]: SegmentsMatch<Segments<WithoutQuery<S>>, Segments<P & string>> extends true ? P : never }[PathWith<M>]
  : never;
/** The answer to `METHOD path` as the document types its 2xx body; `unknown` where the path is no literal the document names. */
export type AnswerTo<M extends string, S extends string> = TypedAnswer<
  Lowercase<M> extends Method
    ? [TemplateOf<Lowercase<M>, S>] extends [never]
      ? unknown
      : SuccessBody<Operation<TemplateOf<Lowercase<M>, S>, Lowercase<M>>>
    : unknown
>;

/**
 * Calls by method and concrete path, as the older tests write them (`call('GET', `/api/v1/companies/${id}`)`),
 * each answer typed from the document through the path template it matches. `defaults` (a key, say)
 * (or a function answering them, for keys made before the tests) apply to every call; a call's own options win.
 */
export function caller(base: () => string, defaults: CallOptions | (() => CallOptions) = {}) {
  const preset = typeof defaults === 'function' ? defaults : () => defaults;
  return <M extends string, S extends string>(method: M, path: S, o: CallOptions = {}): Promise<AnswerTo<M, S>> =>
    request(base(), method, path, { ...preset(), ...o }) as Promise<AnswerTo<M, S>>;
}

interface DocSchema {
  type?: string;
  enum?: string[];
  properties?: Record<string, DocSchema>;
}
interface DocOperation {
  parameters?: { name: string }[];
  responses: Record<string, unknown>;
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: DocSchema }> };
}
/** What the tests read of the served OpenAPI document (the typed client covers the API it describes, not the document). */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, DocOperation>>;
  components: { schemas: Record<string, DocSchema> };
}

/** The OpenAPI document the app serves. */
export async function openApiDocument(base: string): Promise<OpenApiDocument> {
  return (await request(base, 'GET', '/api/v1/openapi.json')).body as OpenApiDocument;
}

/** Calls with one key, body and headers given in place: `call('PATCH', path, { name }, { 'If-Match': etag })`. */
export function bodyCaller(base: () => string, key: string) {
  const send = caller(base, { key });
  return <M extends string, S extends string>(method: M, path: S, body?: unknown, headers?: Record<string, string>) =>
    send(method, path, { body, ...(headers ? { headers } : {}) });
}

/** The field paths a problem answer names (`companies[1].name`, `query.limit`); none for other answers. */
export const problemPaths = (r: { problem: Problem | undefined }): string[] => (r.problem?.errors ?? []).map((e) => e.path);

/** The answer is problem details with this status (a title and a detail), naming `path` among its fields when given. */
export function expectProblem(r: { status: number; type: string; problem: Problem | undefined }, status: number, path?: string): Problem {
  expect(r.status).toBe(status);
  expect(r.type).toContain('application/problem+json');
  expect(r.problem).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  if (path) expect(problemPaths(r)).toContain(path);
  return r.problem!;
}

/** What a typed call takes: the path's `params`, its `query` and its JSON `body`, each as the document types them. */
export type TypedCall<O> = ParamsOf<O> & RequestBody<O> & Omit<CallOptions, 'body' | 'raw'>;

function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(params[name] ?? `{${name}}`)));
}

function queryString(query: Record<string, unknown> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Calls typed by the generated `paths`: `get('/api/v1/companies/{id}', { path: { id } })` answers
 * a `TypedAnswer` of the 2xx body that the document gives for that operation.
 */
export function typedClient(base: () => string) {
  const call =
    <M extends Method>(method: M) =>
    async <P extends PathWith<M>>(path: P, o: TypedCall<Operation<P, M>>): Promise<TypedAnswer<SuccessBody<Operation<P, M>>>> => {
      const { path: params, query, ...rest } = o as { path?: Record<string, string>; query?: Record<string, unknown> } & CallOptions;
      return request(base(), method, fill(path, params) + queryString(query), rest) as Promise<TypedAnswer<SuccessBody<Operation<P, M>>>>;
    };
  return { get: call('get'), post: call('post'), put: call('put'), patch: call('patch'), delete: call('delete') };
}

/** What an API test may set beside the engine and the admin key: limits, proxies. */
export type AppOptions = Omit<AppDeps, 'engine' | 'adminKeyHash'>;

/** An app served for one test file: its base URL and, for the first, the engine under it. */
export interface ServedApp {
  readonly base: string;
  readonly t: TestEngine;
  /** Another app over the same engine (tighter limits, say), served from before the file's tests to after them. */
  also(options: AppOptions): { readonly base: string };
}

/**
 * The app served over a fresh engine holding `data`, for one test file: built before its tests,
 * closed after them. `base` and `t` are read inside tests, once set up. `outbox`: the engine mails
 * into .eml files (see createTestEngine).
 */
export function servedApp(data: () => unknown, adminKey: string, options: AppOptions & { outbox?: boolean } = {}): ServedApp {
  const { outbox, ...appOptions } = options;
  const t = engineForFile(data, { outbox });
  const serveOver = (more: AppOptions) => serve(buildApp({ ...more, engine: () => t.engine, adminKeyHash: hashKey(adminKey) }));
  const served = (more: AppOptions) => {
    const state: { server?: Served } = {};
    beforeAll(async () => {
      state.server = await serveOver(more);
    });
    afterAll(() => state.server?.close());
    return {
      get base() {
        return state.server!.base;
      },
    };
  };
  const first = served(appOptions);
  return {
    get base() {
      return first.base;
    },
    t,
    also: served,
  };
}

type Served = Awaited<ReturnType<typeof serve>>;

/** Event `ev-1` (four slots, two tables) with these participants: what the event routes of a route-table walk need. */
export async function addSampleEvent(engine: Engine, companyIds: readonly string[]): Promise<void> {
  await createEvent(engine, { id: 'ev-1', name: 'Day', timeZone: 'Europe/Oslo', date: '2030-05-05', start: '09:00', slotMinutes: 20, slotCount: 4, tables: 2 });
  for (const companyId of companyIds) await addParticipant(engine, 'ev-1', { companyId });
}

/** A staff key and a site key (admitted from `siteOrigin`) made on the app's engine before the file's tests. */
export function testKeys(app: ServedApp, siteOrigin = 'https://site.example'): { readonly staff: string; readonly site: string } {
  const secrets = { staff: '', site: '' };
  beforeAll(async () => {
    secrets.staff = (await createApiKey(app.t.repo, { role: 'staff', label: 'Staff' })).secret;
    secrets.site = (await createApiKey(app.t.repo, { role: 'site', label: 'Site', origins: [siteOrigin] })).secret;
  });
  return secrets;
}

/** The app over `data` with a staff and a site key; `call` sends the staff key unless a call names another. */
export function servedToStaff(data: () => unknown, adminKey: string, options: AppOptions = {}) {
  const app = servedApp(data, adminKey, options);
  const keys = testKeys(app);
  return {
    app,
    keys,
    call: caller(
      () => app.base,
      () => ({ key: keys.staff }),
    ),
  };
}
