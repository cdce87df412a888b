// Staff feedback as judgments: verdicts recorded through the use-case, held against the live
// ranking of a real engine on the small fixture set.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackKind, FeedbackVerdict } from '../../src/domain/index.js';
import { evaluateFeedback, hasFeedback } from '../../src/evaluation/index.js';
import { allFeedback } from '../../src/use-cases/list-feedback.js';
import { recordFeedback } from '../../src/use-cases/record-feedback.js';
import { opportunitiesForCompany } from '../../src/use-cases/recommend-opportunities.js';
import { partnersForCompany } from '../../src/use-cases/recommend-partners.js';
import { smallSet } from '../fixtures/small-set.js';
import { createTestEngine, type TestEngine } from '../helpers.js';

let t: TestEngine;
/** fi-pack's live partner suggestions, best first. */
let partners: string[];

beforeAll(async () => {
  t = await createTestEngine({ data: smallSet() });
  partners = (await partnersForCompany(t.engine, 'fi-pack', { limit: 20 })).results.map((r) => r.company.id);
});
afterAll(() => t.close());
beforeEach(async () => {
  for (const f of await allFeedback(t.engine)) await t.repo.deleteFeedback(f.companyId, f.kind, f.candidateId);
});

async function judge(companyId: string, kind: FeedbackKind, verdicts: Record<string, FeedbackVerdict>) {
  for (const [candidateId, verdict] of Object.entries(verdicts)) await recordFeedback(t.engine, companyId, { kind, candidateId, verdict }, null);
}

describe('evaluateFeedback', () => {
  it('reports nothing when no feedback is recorded', async () => {
    const e = await evaluateFeedback(t.engine);
    expect(hasFeedback(e)).toBe(false);
    expect(e.partner).toMatchObject({ companiesJudged: 0, judgments: 0, ndcg5: 0, ndcgCompanies: 0 });
  });

  it('scores 1 when the good suggestion is ranked above the wrong one', async () => {
    const [first, second] = partners;
    await judge('fi-pack', 'partner', { [first!]: 'good', [second!]: 'wrong' });
    const e = await evaluateFeedback(t.engine);
    expect(e.partner).toEqual({
      companiesJudged: 1,
      judgments: 2,
      good: 1,
      wrong: 1,
      unavailable: 0,
      ndcg5: 1,
      ndcgCompanies: 1,
      goodInTop5: 1,
      wrongInTop5: 1,
      goodNotInTop20: 0,
    });
    expect(e.opportunity.judgments).toBe(0);
  });

  it('scores lower when a "wrong" suggestion is ranked first', async () => {
    const [first, second] = partners;
    await judge('fi-pack', 'partner', { [first!]: 'wrong', [second!]: 'good' });
    const e = await evaluateFeedback(t.engine);
    // Condensed list [wrong, good]: the good one sits at rank 2, 1 / log2(3) of the ideal.
    expect(e.partner.ndcg5).toBeCloseTo(1 / Math.log2(3), 6);
    expect(e.partner.ndcg5).toBeLessThan(1);
  });

  it('drops unjudged results: judged items further down still count as the top of the list', async () => {
    const [, , , fourth] = partners;
    expect(fourth).toBeDefined();
    await judge('fi-pack', 'partner', { [fourth!]: 'good' });
    expect((await evaluateFeedback(t.engine)).partner).toMatchObject({ ndcg5: 1, goodInTop5: 1, wrongInTop5: 0 });
  });

  it('counts a judged-good company the engine does not suggest as not found', async () => {
    // fi-pack2 is Finnish like fi-pack: never suggested, however good staff think it is.
    await judge('fi-pack', 'partner', { 'fi-pack2': 'good', [partners[0]!]: 'good' });
    const e = await evaluateFeedback(t.engine);
    expect(e.partner).toMatchObject({ goodNotInTop20: 1, goodInTop5: 1 });
    expect(e.partner.ndcg5).toBeLessThan(1);
  });

  it('leaves out companies judged only "wrong" from nDCG, but counts their misses', async () => {
    await judge('se-dist', 'partner', { [(await partnersForCompany(t.engine, 'se-dist', { limit: 1 })).results[0]!.company.id]: 'wrong' });
    await judge('fi-pack', 'partner', { [partners[0]!]: 'good' });
    const e = await evaluateFeedback(t.engine);
    expect(e.partner).toMatchObject({ companiesJudged: 2, ndcgCompanies: 1, ndcg5: 1, wrongInTop5: 1 });
  });

  it('judges opportunities too, and sets aside those closed since', async () => {
    const [top] = (await opportunitiesForCompany(t.engine, 'fi-pack', { limit: 20 })).results.map((r) => r.opportunity.id);
    expect(top).toBe('op-no-tender');
    await judge('fi-pack', 'opportunity', { 'op-no-tender': 'good' });
    expect((await evaluateFeedback(t.engine)).opportunity).toMatchObject({ companiesJudged: 1, good: 1, ndcg5: 1, goodInTop5: 1, unavailable: 0 });
    // The tender's deadline is 2030-01-31: once closed it is no longer suggested, nor a miss.
    const later = await evaluateFeedback(t.engine, { now: new Date('2031-01-01T12:00:00Z') });
    expect(later.opportunity).toMatchObject({ judgments: 1, unavailable: 1, ndcgCompanies: 0, goodNotInTop20: 0 });
  });
});
