// The console's only door to the service: JSON calls with the staff key, problems as errors
// with their field paths, and downloads that carry the key (a plain link could not).
const KEY_STORAGE = 'nordichub.console.key';

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: readonly FieldIssue[] = [],
  ) {
    super(detail);
  }
}

export interface Page<T> {
  items: T[];
  total: number;
}

type Listener = (reason: string | undefined) => void;
const signOutListeners = new Set<Listener>();

export const session = {
  // In this tab's session storage: gone when the browser session ends, never sent anywhere but here.
  get key(): string | null {
    return sessionStorage.getItem(KEY_STORAGE);
  },
  signIn(key: string): void {
    sessionStorage.setItem(KEY_STORAGE, key);
  },
  signOut(reason?: string): void {
    sessionStorage.removeItem(KEY_STORAGE);
    for (const listener of signOutListeners) listener(reason);
  },
  onSignOut(listener: Listener): () => void {
    signOutListeners.add(listener);
    return () => signOutListeners.delete(listener);
  },
};

async function send(method: string, path: string, body?: unknown, key = session.key, extraHeaders: Record<string, string> = {}): Promise<Response> {
  const headers: Record<string, string> = { ...extraHeaders };
  if (key) headers['Authorization'] = `Bearer ${key}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.ok) return res;
  const problem = (await res.json().catch(() => ({}))) as { detail?: string; errors?: FieldIssue[] };
  if (res.status === 401 && key && key === session.key) session.signOut('The service no longer accepts this key (revoked or replaced): sign in again.');
  throw new ApiError(res.status, problem.detail ?? `${res.status} ${res.statusText}`, problem.errors ?? []);
}

/** `headers`: e.g. `If-Match` with the version a change was made from (see `ifMatch`). */
export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
  return (await send(method, path, body, session.key, headers)).json() as Promise<T>;
}

/** The header that makes a write apply only to the version it was made from (else 412). */
export const ifMatch = (version: unknown): Record<string, string> => (typeof version === 'number' ? { 'If-Match': `"${version}"` } : {});

export const get = <T>(path: string) => api<T>('GET', path);

/** Checks a key before keeping it: the console needs a staff or admin key. */
export async function checkKey(key: string): Promise<{ role: string }> {
  return (await send('GET', '/api/v1/me', undefined, key)).json() as Promise<{ role: string }>;
}

/** Saves what an endpoint answers as a file, under the name the service suggests. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await send('GET', path);
  const named = /filename="?([^";]+)"?/.exec(res.headers.get('Content-Disposition') ?? '');
  const url = URL.createObjectURL(await res.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: named?.[1] ?? fallbackName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `?a=1&b=x` from the defined entries. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
