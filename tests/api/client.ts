// One HTTP call to a served app, as the API tests make it: JSON in, the answer read once.
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
