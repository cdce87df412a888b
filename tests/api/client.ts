// How the API tests talk to a served app: one HTTP call, JSON in, the answer read once; and the
// app served over a fresh engine for a test file. The typed calls (`typedClient`) take their
// paths, parameters, bodies and answers from the types generated out of the OpenAPI document
// (scripts/generate-api-types.ts), so a document that stops describing the API fails the build.
import { afterAll, beforeAll } from 'vitest';
import { buildApp, hashKey } from '../../src/api/index.js';
import type { components, paths } from '../../src/api/generated/openapi-types.js';
import { createTestEngine, serve, type TestEngine } from '../helpers.js';

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

/** An answer to a call the document does not type (raw bodies, made-up paths): read it loosely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the untyped escape hatch; typed calls use TypedAnswer
export type Answer = TypedAnswer<any>;

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
      return request(base(), method, fill(path, params) + queryString(query), rest);
    };
  return { get: call('get'), post: call('post'), put: call('put'), patch: call('patch'), delete: call('delete') };
}

/**
 * The app served over a fresh engine holding `data`, for one test file: built before its tests,
 * closed after them. `base` and `t` are read inside tests, once set up.
 */
export function servedApp(data: () => unknown, adminKey: string, options: { outbox?: boolean } = {}): { readonly base: string; readonly t: TestEngine } {
  const state: { t?: TestEngine; server?: Awaited<ReturnType<typeof serve>> } = {};
  beforeAll(async () => {
    state.t = await createTestEngine({ data: data(), outbox: options.outbox });
    const engine = state.t.engine;
    state.server = await serve(buildApp({ engine: () => engine, adminKeyHash: hashKey(adminKey) }));
  });
  afterAll(async () => {
    await state.server?.close();
    await state.t?.close();
  });
  return {
    get base() {
      return state.server!.base;
    },
    get t() {
      return state.t!;
    },
  };
}
