// Console sign-in and sign-out: a staff or admin key exchanged for a session whose secret lives
// only in the browser's HttpOnly cookie; the database keeps its hash.
import type { ConsoleSession, SessionStore } from '../db/index.js';
import { randomBytes } from 'node:crypto';
import { hashKey } from './create-api-key.js';

/** The shape of a session secret: 256 random bits, prefixed so a leaked one is recognisable. */
export const SESSION_SECRET = /^cs_[\w-]{43}$/;
const newSessionSecret = () => `cs_${randomBytes(32).toString('base64url')}`;

export interface StartedSession {
  session: ConsoleSession;
  secret: string;
}

/** Starts a session for the key's holder; expired sessions are swept on the way (sign-ins are rare). */
export async function startSession(
  repo: Pick<SessionStore, 'createSession' | 'deleteExpiredSessions'>,
  holder: { role: 'staff' | 'admin'; keyId: string | null },
  lifetimeSeconds: number,
  now = new Date(),
): Promise<StartedSession> {
  await repo.deleteExpiredSessions(now);
  const secret = newSessionSecret();
  const session: ConsoleSession = {
    keyId: holder.keyId,
    role: holder.role,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + lifetimeSeconds * 1000).toISOString(),
  };
  await repo.createSession(session, hashKey(secret));
  return { session, secret };
}

/** Ends the session at once, wherever its cookie still lives; false when it had already ended. */
export async function endSession(repo: Pick<SessionStore, 'deleteSession'>, hash: string): Promise<boolean> {
  return repo.deleteSession(hash);
}
