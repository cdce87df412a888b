// Console sessions: a staff or admin key exchanged for a cookie. Kept in its own interface so the
// Repository seam grows by one `extends`. Only a hash of the cookie's secret is stored.

/** A signed-in console session as the service sees it (never its secret). */
export interface ConsoleSession {
  /** The stored key signed in with; null for the bootstrap admin key, which is not stored. */
  keyId: string | null;
  role: 'staff' | 'admin';
  createdAt: string;
  expiresAt: string;
}

export interface SessionStore {
  createSession(session: ConsoleSession, hash: string): Promise<void>;
  /**
   * The live session whose secret hashes to `hash`: null when there is none, it has expired, or
   * the key it was made with has been revoked since.
   */
  findSession(hash: string, now: Date): Promise<ConsoleSession | null>;
  /** Sign-out: false when there was no such session. */
  deleteSession(hash: string): Promise<boolean>;
  /** Removes sessions that expired before `now`; returns how many. */
  deleteExpiredSessions(now: Date): Promise<number>;
}

/** The columns of a `ConsoleSession` row as Prisma reads them. */
export interface ConsoleSessionRow {
  hash: string;
  keyId: string | null;
  role: string;
  createdAt: Date;
  expiresAt: Date;
}

export const sessionFromRow = (r: ConsoleSessionRow): ConsoleSession => ({
  keyId: r.keyId,
  role: r.role === 'admin' ? 'admin' : 'staff',
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
});
