// Translation retrieval on the project's own 60 business sentences in six languages: each Nordic
// sentence must find its English version among all 60. Floors sit below the measured figures.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NORDIC_LANGUAGES } from '../../src/embedding/index.js';
import { translationAccuracy, type TranslationPair } from '../../src/evaluation/index.js';
import { testEmbedder } from '../helpers.js';

const pairs = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/translation-pairs.json'), 'utf8')) as { pairs: TranslationPair[] }).pairs;
// Measured 2026-11-27: fi 0.883, sv 0.933, nb 0.883, da 0.900, is 0.817.
const FLOORS: Record<string, number> = { fi: 0.83, sv: 0.88, nb: 0.83, da: 0.85, is: 0.77 };

describe('translation retrieval into English', () => {
  let accuracy: Record<string, number>;
  beforeAll(async () => {
    accuracy = await translationAccuracy(await testEmbedder(), pairs, NORDIC_LANGUAGES);
  });

  it('covers 60 sentences in every Nordic language', () => {
    expect(pairs).toHaveLength(60);
    for (const p of pairs) for (const l of NORDIC_LANGUAGES) expect(p[l]?.length).toBeGreaterThan(10);
  });

  it.each(NORDIC_LANGUAGES.map((l) => [l]))('finds the English version of %s sentences', (language) => {
    expect(accuracy[language]).toBeGreaterThanOrEqual(FLOORS[language]!);
  });
});
