// A small version of `npm run eval` on the shared development set: a regression in matching
// quality fails CI. Floors sit below the figures measured when they were set (see README).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatePartners, type PartnerEvaluation } from '../../src/evaluation/index.js';
import { createTestEngine, DEV_SET, devSetAvailable, type TestEngine } from '../helpers.js';

const available = devSetAvailable('partner-quality');

describe.runIf(available)('partner quality on the development set', () => {
  let t: TestEngine;
  let result: PartnerEvaluation;
  beforeAll(async () => {
    const data = JSON.parse(readFileSync(DEV_SET, 'utf8'));
    t = await createTestEngine({ data });
    const companies = (await t.repo.list('company', { limit: 100_000, offset: 0 })).items;
    result = await evaluatePartners(t.engine, data.judgments.partners, companies);
  });
  afterAll(() => t?.close());

  it('never returns a same-country partner', () => {
    expect(result.engine.sameCountryResults).toBe(0);
  });

  it('beats the BM25 keyword baseline', () => {
    expect(result.engine.ndcg5).toBeGreaterThan(result.bm25.ndcg5);
    expect(result.engine.recall10).toBeGreaterThan(result.bm25.recall10);
  });

  it('stays above the measured floor (nDCG@5 0.787, cross-lingual Recall@10 1.0 when set)', () => {
    expect(result.engine.ndcg5).toBeGreaterThanOrEqual(0.75);
    expect(result.crossLingual.recall10).toBeGreaterThanOrEqual(0.95);
  });

  it('ranks a whole profile pasted as free text nearly as well (0.718 when set)', () => {
    expect(result.freeText.ndcg5).toBeGreaterThanOrEqual(0.68);
  });
});
