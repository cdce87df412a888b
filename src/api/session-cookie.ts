// The console's session cookie: its name, its attributes and reading it back. HttpOnly (page
// scripts never see it), SameSite=Strict (no other site's page sends it), Path=/api (only the API
// reads it), Secure whenever the request reached us over HTTPS (directly, or through a trusted
// proxy that says so: see `trustProxyHops`).
import { SESSION_SECRET } from '../use-cases/console-session.js';

export const SESSION_COOKIE = 'nordichub_session';
/** Twelve hours: a working day, after which the console asks for the key again. */
export const DEFAULT_SESSION_SECONDS = 12 * 60 * 60;

export function sessionCookie(secret: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${SESSION_COOKIE}=${secret}`, 'Path=/api', `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
}

/** Tells the browser to drop the cookie at once. */
export const clearedSessionCookie = (secure: boolean) => sessionCookie('', 0, secure);

/** The session secret in a Cookie header, if it carries a well-formed one. */
export function sessionSecretOf(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === SESSION_COOKIE && value && SESSION_SECRET.test(value)) return value;
  }
  return undefined;
}
