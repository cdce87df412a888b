// Console sign-in: POST exchanges the staff or admin key (Authorization: Bearer) for the session
// cookie; DELETE signs out, ending the session server-side. API clients never need these.
import { z } from 'zod';
import { appError } from '../errors.js';
import { endSession, startSession } from '../use-cases/console-session.js';
import { route, type RouteDef } from './http.js';
import { DEFAULT_SESSION_SECONDS } from './session-cookie.js';

const SessionSchema = z.object({ role: z.enum(['staff', 'admin']), keyId: z.string().nullable(), expiresAt: z.string() }).meta({ id: 'ConsoleSession' });

export const SESSION_ROUTES: RouteDef[] = [
  route({
    method: 'post',
    path: '/api/v1/session',
    tag: 'Console',
    role: 'staff',
    summary:
      'Console sign-in: exchanges the staff or admin key in `Authorization` for an HttpOnly, SameSite=Strict session cookie (Secure over HTTPS) that expires',
    responses: { 201: { description: 'Signed in; the cookie is set', schema: SessionSchema }, 403: { description: 'Already a session' } },
    async handle({ engine, role, keyId, sessionHash, sessionSeconds }) {
      // A session renewing itself would outlive its bound: only the key starts one.
      if (sessionHash) throw appError('SIGN_IN_WITH_KEY', {});
      const seconds = sessionSeconds ?? DEFAULT_SESSION_SECONDS;
      const { session, secret } = await startSession(engine.repo, { role: role === 'admin' ? 'admin' : 'staff', keyId }, seconds);
      return {
        status: 201,
        body: { role: session.role, keyId: session.keyId, expiresAt: session.expiresAt },
        sessionCookie: { secret, maxAgeSeconds: seconds },
      };
    },
  }),
  route({
    method: 'delete',
    path: '/api/v1/session',
    tag: 'Console',
    role: 'staff',
    invalidatesKeys: true,
    summary: 'Console sign-out: ends the session of the cookie at once (server-side) and clears the cookie',
    responses: { 200: { description: 'Signed out', schema: z.object({ signedOut: z.boolean() }) } },
    async handle({ engine, sessionHash }) {
      const signedOut = sessionHash ? await endSession(engine.repo, sessionHash) : false;
      return { body: { signedOut }, sessionCookie: 'clear' };
    },
  }),
];
