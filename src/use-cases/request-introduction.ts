// A widget visitor asks for an introduction to a company: stored for staff, who list and update
// requests. The visitor learns only that the request was received, never the company's contact details.
import { randomUUID } from 'node:crypto';
import { IntroductionInputSchema, type Introduction } from '../domain/index.js';
import type { AccessStore, EntityStore } from '../db/index.js';
import { notFound } from '../errors.js';
import { parseOrThrow } from '../validation/index.js';

/** What a request needs: the access store, and companies to check the id against. */
export interface IntroductionDeps {
  readonly repo: Pick<AccessStore, 'createIntroduction'> & Pick<EntityStore, 'existingIds'>;
}

/** Where a request came from: the site key and the page's origin, for the audit trail. */
export interface IntroductionOrigin {
  siteKeyId: string | null;
  origin: string | null;
}

/** Stores a visitor's request; the answer says only that it was received. */
export async function requestIntroduction(engine: IntroductionDeps, body: unknown, from: IntroductionOrigin): Promise<{ id: string; status: 'received' }> {
  const input = parseOrThrow(IntroductionInputSchema, body, 'introduction request');
  if ((await engine.repo.existingIds('company', [input.companyId])).size === 0) throw notFound('company', input.companyId, 'companyId');
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
    createdAt: now,
    updatedAt: now,
  };
  await engine.repo.createIntroduction(intro);
  return { id: intro.id, status: 'received' };
}
