// What a registration or a participant change must hold: slots that exist, companies that exist, no wish for oneself.
import type { EventParticipant, MatchEvent } from '../../domain/index.js';
import { appError, notFound } from '../../errors.js';
import type { EntityStore } from '../../db/index.js';

export async function checkParticipant(
  engine: { readonly repo: Pick<EntityStore, 'existingIds'> },
  event: MatchEvent,
  p: EventParticipant,
  mustExist: boolean,
): Promise<void> {
  const issues: { path: string; message: string }[] = [];
  p.availability.forEach((s, i) => {
    if (s >= event.slots.length) issues.push({ path: `availability[${i}]`, message: `slot ${s} does not exist (the event has ${event.slots.length})` });
  });
  if (new Set(p.availability).size !== p.availability.length) issues.push({ path: 'availability', message: 'must not contain duplicates' });
  const named = [...p.wishes.map((w) => w.companyId), ...p.blocks];
  const known = await engine.repo.existingIds('company', [...named, ...(mustExist ? [p.companyId] : [])]);
  if (mustExist && !known.has(p.companyId)) throw notFound('company', p.companyId);
  p.wishes.forEach((w, i) => {
    if (w.companyId === p.companyId) issues.push({ path: `wishes[${i}].companyId`, message: 'a company cannot wish to meet itself' });
    else if (!known.has(w.companyId)) issues.push({ path: `wishes[${i}].companyId`, message: `no company "${w.companyId}"` });
  });
  p.blocks.forEach((b, i) => {
    if (!known.has(b)) issues.push({ path: `blocks[${i}]`, message: `no company "${b}"` });
  });
  if (issues.length) throw appError('INVALID_INPUT', { what: 'participant' }, issues);
}
