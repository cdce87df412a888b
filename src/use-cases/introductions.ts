// Introduction requests from widget visitors: stored for staff, who list and update them. The
// visitor learns only that the request was received, never the company's contact details.
import { randomUUID } from 'node:crypto';
import { IntroductionInputSchema, IntroductionPatchSchema, type Introduction } from '../domain/index.js';
import type { AccessStore, EntityStore, IntroductionQuery, Page } from '../db/index.js';
import { notFound } from '../errors.js';
import { parseOrThrow } from '../validation/index.js';

/** What handling introduction requests needs: the access store, and companies to check ids against. */
export interface IntroductionDeps {
  readonly repo: Pick<AccessStore, 'createIntroduction' | 'updateIntroduction' | 'listIntroductions'> & Pick<EntityStore, 'existingIds'>;
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

/** One page of requests, newest first. */
export async function listIntroductions(engine: IntroductionDeps, query: IntroductionQuery): Promise<Page<Introduction>> {
  return engine.repo.listIntroductions(query);
}

/** Staff change a request's status or note; a not-found error when there is no such request. */
export async function updateIntroduction(engine: IntroductionDeps, id: string, body: unknown): Promise<Introduction> {
  const patch = parseOrThrow(IntroductionPatchSchema, body, 'introduction patch');
  const updated = await engine.repo.updateIntroduction(id, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
  if (!updated) throw notFound('introduction', id);
  return updated;
}
