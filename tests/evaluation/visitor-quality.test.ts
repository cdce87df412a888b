// Free-text search as visitors type it, on the shared development sets: short queries in six
// languages through the same use cases as the widget. Floors sit a little below the figures
// measured when they were set (README, "Matching quality"), so a regression fails CI.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateVisitorQueries, type VisitorEvaluation, type VisitorQuery } from '../../src/evaluation/index.js';
import { createTestEngine, DEV_SET, devSetAvailable, type TestEngine } from '../helpers.js';

const VISITORS = path.join(path.dirname(DEV_SET), 'visitor-queries-dev.json');
const available = devSetAvailable('visitor-quality') && existsSync(VISITORS);

describe.runIf(available)('visitor queries on the development set', () => {
  let t: TestEngine;
  let result: VisitorEvaluation;
  beforeAll(async () => {
    const data = JSON.parse(readFileSync(DEV_SET, 'utf8'));
    const queries = (JSON.parse(readFileSync(VISITORS, 'utf8')) as { queries: VisitorQuery[] }).queries;
    t = await createTestEngine({ data });
    const all = { limit: 100_000, offset: 0 };
    result = await evaluateVisitorQueries(t.engine, queries, (await t.repo.list('company', all)).items, (await t.repo.list('opportunity', all)).items);
  });
  afterAll(() => t?.close());

  it('finds partners for short queries (nDCG@5 0.800 when set)', () => {
    expect(result.groups['partners']!.engine.ndcg5).toBeGreaterThanOrEqual(0.75);
  });

  it('finds export opportunities for short queries (nDCG@5 0.924 when set)', () => {
    expect(result.groups['opportunities']!.engine.ndcg5).toBeGreaterThanOrEqual(0.88);
  });

  it('beats keyword search by 0.15 in every language, English included', () => {
    for (const [name, group] of Object.entries(result.groups)) {
      if (!name.startsWith('partners/')) continue;
      expect(group.engine.ndcg5, name).toBeGreaterThanOrEqual(group.bm25.ndcg5 + 0.15);
    }
  });

  it('calls few irrelevant results strong', () => {
    expect(result.strongIrrelevant).toBeLessThanOrEqual(0.1);
  });
});
