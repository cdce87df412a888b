// A company's data: exported whole on request (GDPR access), and erased from everywhere at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCompanyData } from '../../src/use-cases/export-company-data.js';
import { agendaView, scheduleEvent } from '../../src/use-cases/event-agenda.js';
import { addParticipant, createEvent, getEvent } from '../../src/use-cases/events.js';
import { allFeedback } from '../../src/use-cases/list-feedback.js';
import { recordFeedback } from '../../src/use-cases/record-feedback.js';
import { requestIntroduction } from '../../src/use-cases/request-introduction.js';
import { clusterPartners } from '../../src/use-cases/recommend-clusters.js';
import { companiesForOpportunity } from '../../src/use-cases/recommend-opportunities.js';
import { PartnerSearchSchema, partnersForCompany, partnersForText } from '../../src/use-cases/recommend-partners.js';
import { deleteEntity } from '../../src/use-cases/delete-entity.js';
import { exportSet } from '../fixtures/export-set.js';
import { createTestEngine, type TestEngine } from '../helpers.js';

let t: TestEngine;
const GONE = 'fi-pack';

beforeAll(async () => {
  t = await createTestEngine({ data: exportSet() });
  for (const id of ['ev-future', 'ev-past']) {
    await createEvent(t.engine, {
      id,
      name: id,
      timeZone: 'Europe/Helsinki',
      date: id === 'ev-past' ? '2020-05-05' : '2030-05-05',
      start: '09:00',
      slotMinutes: 20,
      slotCount: 4,
      tables: 3,
    });
    await addParticipant(t.engine, id, { companyId: GONE, wishes: [{ companyId: 'se-dist', priority: 1 }] });
    await addParticipant(t.engine, id, { companyId: 'se-dist', wishes: [{ companyId: GONE, priority: 1 }] });
    await addParticipant(t.engine, id, { companyId: 'no-fish', blocks: [GONE] });
    await addParticipant(t.engine, id, { companyId: 'dk-food' });
    await scheduleEvent(t.engine, id);
  }
  await requestIntroduction(
    t.engine,
    { companyId: GONE, name: 'Visitor', email: 'visitor@site.test', message: 'Hello', consent: true },
    { siteKeyId: null, origin: 'https://site.test' },
  );
  // Staff verdicts on suggestions made to it, on it as someone else's partner, and one not naming it.
  await recordFeedback(t.engine, GONE, { kind: 'partner', candidateId: 'se-dist', verdict: 'good', score: 0.8 }, null);
  await recordFeedback(t.engine, GONE, { kind: 'opportunity', candidateId: 'op-se-boxes', verdict: 'wrong', note: 'They make boxes, not buy them.' }, null);
  await recordFeedback(t.engine, 'se-dist', { kind: 'partner', candidateId: GONE, verdict: 'good' }, null);
  await recordFeedback(t.engine, 'se-dist', { kind: 'partner', candidateId: 'no-fish', verdict: 'wrong' }, null);
});
afterAll(() => t.close());

describe('GDPR access: the export', () => {
  it('holds everything kept about the company', async () => {
    const data = await exportCompanyData(t.engine, GONE);
    expect(data.company).toMatchObject({ id: GONE, contactEmail: 'anna.virtanen@example.org', notes: 'Met at a fair; prefers English.' });
    expect(data.clusters).toEqual([{ id: 'cl-fi-pack', name: 'Finnish Packaging Cluster', country: 'FI' }]);
    expect(data.embeddings.map((e) => e.facet).sort()).toEqual(['needs', 'offers', 'profile']);
    expect(data.events.map((e) => e.id).sort()).toEqual(['ev-future', 'ev-past']);
    expect(data.events[0]!.registration.wishes).toEqual([{ companyId: 'se-dist', priority: 1 }]);
    expect(data.events[0]!.meetings.length).toBeGreaterThan(0);
    expect(data.introductionRequests).toHaveLength(1);
    expect(data.feedback.map((f) => `${f.companyId}>${f.kind}>${f.candidateId}:${f.verdict}`).sort()).toEqual([
      `${GONE}>opportunity>op-se-boxes:wrong`,
      `${GONE}>partner>se-dist:good`,
      `se-dist>partner>${GONE}:good`,
    ]);
    expect(data.history[0]).toMatchObject({ op: 'upsert' });
  });
});

describe('erasure', () => {
  beforeAll(() => deleteEntity(t.engine, 'company', GONE));

  it('removes the company, its vectors and its index entries', async () => {
    expect(await t.repo.get('company', GONE)).toBeNull();
    expect(await t.repo.embeddings('company', [GONE])).toEqual([]);
    expect(t.engine.index.companies.attributes.has(GONE)).toBe(false);
    for (const facet of ['profile', 'offers', 'needs']) expect(t.engine.index.companies.facet(facet).has(GONE)).toBe(false);
  });

  it('takes it out of every event: registrations, agendas, wishes and blocks', async () => {
    for (const id of ['ev-future', 'ev-past']) {
      const e = await getEvent(t.engine, id);
      expect(JSON.stringify(e)).not.toContain(`"${GONE}"`);
      expect((await agendaView(t.engine, id)).meetings.some((m) => m.a.id === GONE || m.b.id === GONE)).toBe(false);
    }
  });

  it('deletes introduction requests naming it', async () => {
    expect((await t.repo.listIntroductions({ companyId: GONE, limit: 10, offset: 0 })).total).toBe(0);
  });

  it('deletes staff feedback naming it, and keeps the rest', async () => {
    const left = await allFeedback(t.engine);
    expect(JSON.stringify(left)).not.toContain(`"${GONE}"`);
    expect(left.map((f) => `${f.companyId}>${f.candidateId}`)).toEqual(['se-dist>no-fish']);
  });

  it('never recommends it again, anywhere', async () => {
    const everywhere = [
      await partnersForCompany(t.engine, 'se-dist', { limit: 100 }),
      await partnersForText(t.engine, PartnerSearchSchema.parse({ text: 'recyclable cardboard boxes and paper packaging', country: 'SE', limit: 100 })),
      await companiesForOpportunity(t.engine, 'op-se-boxes', { limit: 500 }),
      await clusterPartners(t.engine, 'cl-se-food', { limit: 50 }),
    ];
    for (const response of everywhere) expect(JSON.stringify(response)).not.toContain(`"${GONE}"`);
  });
});
