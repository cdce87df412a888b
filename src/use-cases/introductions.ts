// Introduction requests from widget visitors: stored for staff, who list and update them. The
// visitor learns only that the request was received, never the company's contact details.
import { randomUUID } from 'node:crypto';
import { IntroductionInputSchema, IntroductionPatchSchema, type Introduction } from '../domain/index.js';
import { AppError, ErrorCodes, notFound } from '../errors.js';
import type { Engine } from './engine.js';
import { parseOrThrow } from './validate.js';

export interface IntroductionOrigin {
  siteKeyId: string | null;
  origin: string | null;
}

export async function requestIntroduction(engine: Engine, body: unknown, from: IntroductionOrigin): Promise<{ id: string; status: 'received' }> {
  const input = parseOrThrow(IntroductionInputSchema, body, 'introduction request');
  if ((await engine.repo.existingIds('company', [input.companyId])).size === 0) throw notFound('company', input.companyId);
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

export async function updateIntroduction(engine: Engine, id: string, body: unknown): Promise<Introduction> {
  const patch = parseOrThrow(IntroductionPatchSchema, body, 'introduction patch');
  const updated = await engine.repo.updateIntroduction(id, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
  if (!updated) throw new AppError(ErrorCodes.NOT_FOUND, `No introduction with id "${id}".`, [{ path: 'id', message: 'not found' }]);
  return updated;
}

