// Opportunity and cluster matching quality on the shared development set: the targets
// (opportunities nDCG@5 >= 0.75, clusters >= 0.95) fail CI when a change falls below them.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateClusters, evaluateOpportunities, type MatchEvaluation, type OpportunityEvaluation } from '../../src/evaluation/index.js';
import { DEFAULT_DIGEST_THRESHOLD } from '../../src/use-cases/opportunity-digest.js';
import { createTestEngine, DEV_SET, devSetAvailable, type TestEngine } from '../helpers.js';

const available = devSetAvailable('export-quality');

describe.runIf(available)('opportunity and cluster quality on the development set', () => {
  let t: TestEngine;
  let opportunities: OpportunityEvaluation;
  let clusters: MatchEvaluation;
  beforeAll(async () => {
    const data = JSON.parse(readFileSync(DEV_SET, 'utf8'));
    t = await createTestEngine({ data });
    const all = { limit: 100_000, offset: 0 };
    const companies = (await t.repo.list('company', all)).items;
    opportunities = await evaluateOpportunities(t.engine, data.judgments.opportunities, companies, (await t.repo.list('opportunity', all)).items);
    clusters = await evaluateClusters(t.engine, data.judgments.clusters, (await t.repo.list('cluster', all)).items);
  });
  afterAll(() => t?.close());

  it('never returns a same-country opportunity or cluster', () => {
    expect(opportunities.engine.sameCountryResults).toBe(0);
    expect(clusters.engine.sameCountryResults).toBe(0);
  });

  it('reaches the opportunity target and beats the keyword baseline (0.971 when set)', () => {
    expect(opportunities.engine.ndcg5).toBeGreaterThanOrEqual(0.93);
    expect(opportunities.engine.ndcg5).toBeGreaterThan(opportunities.bm25.ndcg5);
  });

  it('reaches the cluster target and beats the keyword baseline (0.968 when set)', () => {
    expect(clusters.engine.ndcg5).toBeGreaterThanOrEqual(0.95);
    expect(clusters.engine.ndcg5).toBeGreaterThan(clusters.bm25.ndcg5);
  });

  it('separates judged fits from the rest where the digest threshold sits', () => {
    expect(opportunities.scoreSpread.relevantMin).toBeGreaterThanOrEqual(DEFAULT_DIGEST_THRESHOLD - 0.02);
    expect(opportunities.scoreSpread.otherMedian).toBeLessThan(DEFAULT_DIGEST_THRESHOLD);
  });
});
