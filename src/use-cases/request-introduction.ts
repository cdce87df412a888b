// A widget visitor asks for an introduction to a company: stored for staff, who list and update
// requests. The visitor learns only that the request was received, never the company's contact details.
import { randomUUID } from 'node:crypto';
import { IntroductionInputSchema, type Introduction } from '../domain/index.js';
import type { Logger } from 'pino';
import type { AccessStore, EntityStore } from '../db/index.js';
import { notFound } from '../errors.js';
import { parseOrThrow } from '../validation/index.js';
import { visitorCopy, type VisitorCopyMailer } from './introduction-copy.js';

/** What a request needs: the access store, companies to check the id against, and the mailer for the visitor's copy. */
export interface IntroductionDeps {
  readonly repo: Pick<AccessStore, 'createIntroduction' | 'listIntroductions'> & Pick<EntityStore, 'getMany'>;
  /** Sends the visitor a copy of the request; without one, no copy is sent. */
  readonly mailer?: VisitorCopyMailer | undefined;
  readonly logger?: Logger | undefined;
}

/** Where a request came from: the site key and the page's origin, for the audit trail. */
export interface IntroductionOrigin {
  siteKeyId: string | null;
  origin: string | null;
}

/**
 * Stores a visitor's request, once: the same e-mail asking again for the same company while the
 * first request is still new gets that request's id back (a double click, a second tab). The
 * answer says only that it was received.
 */
export async function requestIntroduction(
  engine: IntroductionDeps,
  body: unknown,
  from: IntroductionOrigin,
  mailer = engine.mailer,
): Promise<{ id: string; status: 'received' }> {
  const input = parseOrThrow(IntroductionInputSchema, body, 'introduction request');
  const [company] = await engine.repo.getMany('company', [input.companyId]);
  if (!company) throw notFound('company', input.companyId, 'companyId');
  const earlier = await pendingRequest(engine, input.companyId, input.email);
  if (earlier) return { id: earlier.id, status: 'received' };
  const now = new Date().toISOString();
  const intro: Introduction = {
    id: `intro_${randomUUID()}`,
    companyId: input.companyId,
    visitorName: input.name,
    visitorEmail: input.email,
    visitorCompany: input.visitorCompany ?? null,
    visitorCountry: input.country ?? null,
    message: input.message,
    consentAt: now,
    siteKeyId: from.siteKeyId,
    origin: from.origin,
    language: input.language ?? null,
    status: 'new',
    staffNote: null,
    forwardedAt: null,
    forwardedTo: null,
    createdAt: now,
    updatedAt: now,
  };
  await engine.repo.createIntroduction(intro);
  await sendVisitorCopy(engine, intro, company.name, mailer);
  return { id: intro.id, status: 'received' };
}

// The newest requests for a company are enough to find a repeat: a repeat comes minutes later.
const REPEAT_WINDOW = 50;

async function pendingRequest(engine: IntroductionDeps, companyId: string, email: string): Promise<Introduction | undefined> {
  const recent = await engine.repo.listIntroductions({ companyId, status: 'new', limit: REPEAT_WINDOW, offset: 0 });
  return recent.items.find((i) => i.visitorEmail.toLowerCase() === email.toLowerCase());
}

/**
 * The single place a visitor's copy is mailed. The request is already stored: a failed send is
 * logged, never turned into an error for the visitor.
 */
async function sendVisitorCopy(engine: IntroductionDeps, intro: Introduction, companyName: string, mailer: VisitorCopyMailer | undefined): Promise<void> {
  if (!mailer) return;
  try {
    await mailer.send(visitorCopy(intro, companyName));
  } catch (err) {
    engine.logger?.error({ err, introduction: intro.id }, 'visitor copy of an introduction request not sent');
  }
}
