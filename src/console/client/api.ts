// The console's only door to the service: JSON calls carried by the session cookie, problems as
// errors with their field paths, and downloads. The key itself is sent once, at sign-in, and
// never kept by the page: the service answers with an HttpOnly cookie every tab shares.

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

/** Who is signed in, as the service says. */
export interface Me {
  role: string;
  keyId: string | null;
}

export const session = {
  /** The signed-in caller, or null when this browser has no live session (checked at start). */
  async current(): Promise<Me | null> {
    const res = await fetch('/api/v1/me');
    return res.ok ? ((await res.json()) as Me) : null;
  },
  /** Exchanges the key for the session cookie; the page forgets the key afterwards. */
  async signIn(key: string): Promise<Me> {
    return (await send('POST', '/api/v1/session', undefined, { Authorization: `Bearer ${key}` })).json() as Promise<Me>;
  },
  /** Ends the session on the service (every tab is signed out), then here. */
  async signOut(reason?: string): Promise<void> {
    if (!reason) await fetch('/api/v1/session', { method: 'DELETE' }).catch(() => undefined);
    for (const listener of signOutListeners) listener(reason);
  },
  onSignOut(listener: Listener): () => void {
    signOutListeners.add(listener);
    return () => signOutListeners.delete(listener);
  },
};

async function send(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<Response> {
  const headers: Record<string, string> = { ...extraHeaders };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  // Same-origin fetches carry the cookie; the service checks the Origin of every change.
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.ok) return res;
  const problem = (await res.json().catch(() => ({}))) as { detail?: string; errors?: FieldIssue[] };
  if (res.status === 401 && !extraHeaders['Authorization'])
    void session.signOut('Your session has ended (signed out, expired or its key revoked): sign in again.');
  throw new ApiError(res.status, problem.detail ?? `${res.status} ${res.statusText}`, problem.errors ?? []);
}

/** `headers`: e.g. `If-Match` with the version a change was made from (see `ifMatch`). */
export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
  return (await send(method, path, body, headers)).json() as Promise<T>;
}

/** The header that makes a write apply only to the version it was made from (else 412). */
export const ifMatch = (version: unknown): Record<string, string> => (typeof version === 'number' ? { 'If-Match': `"${version}"` } : {});

export const get = <T>(path: string) => api<T>('GET', path);

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
