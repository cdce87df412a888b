// How the API tests talk to a served app: one HTTP call, JSON in, the answer read once; and the
// app served over a fresh engine for a test file.
import { afterAll, beforeAll } from 'vitest';
import { buildApp, hashKey } from '../../src/api/index.js';
import { createTestEngine, serve, type TestEngine } from '../helpers.js';

export interface CallOptions {
  body?: unknown;
  /** Sent as is instead of `body` (malformed JSON, for instance). */
  raw?: string;
  key?: string | null | undefined;
  origin?: string | undefined;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  headers: Headers;
  type: string;
  text: string;
  body: any;
  disposition: string | null;
}

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
  return { status: res.status, headers: res.headers, type, text, body, disposition: res.headers.get('content-disposition') };
}

/**
 * The app served over a fresh engine holding `data`, for one test file: built before its tests,
 * closed after them. `base` and `t` are read inside tests, once set up.
 */
export function servedApp(data: () => unknown, adminKey: string): { readonly base: string; readonly t: TestEngine } {
  const state: { t?: TestEngine; server?: Awaited<ReturnType<typeof serve>> } = {};
  beforeAll(async () => {
    state.t = await createTestEngine({ data: data() });
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
