// Partner-matching quality on a judged data set: our ranking beside a BM25 keyword baseline.
import type { Company } from '../domain/index.js';
import { facetTexts } from '../embedding/index.js';
import type { Engine } from '../engine/index.js';
import { PartnerSearchSchema, partnersForCompany, partnersForText } from '../use-cases/recommend-partners.js';
import { Bm25 } from './bm25.js';
import { summarise, type Grades, type QualityFigures } from './metrics.js';

export interface PartnerEvaluation {
  engine: QualityFigures & { sameCountryResults: number };
  bm25: QualityFigures;
  /** By the asking company's language, and for queries whose relevant partners write in another language. */
  byLanguage: Record<string, QualityFigures>;
  /** `fi->sv`: queries in Finnish judged against their relevant partners written in Swedish. */
  byLanguagePair: Record<string, QualityFigures>;
  /** Queries judged only against relevant partners in another language than the query's. */
  crossLingual: QualityFigures;
  /** The asker's whole profile pasted as free text, as a company without a stored profile would search. */
  freeText: QualityFigures;
  /** Every returned result with its score and judged grade: what strength calibration is fitted on. */
  samples: ScoredSample[];
}

export interface ScoredSample {
  queryId: string;
  score: number;
  /** 1-based place in its answer. */
  rank: number;
  grade: number;
}

export type PartnerJudgments = Record<string, Grades>;

export async function evaluatePartners(engine: Engine, judgments: PartnerJudgments, companies: readonly Company[]): Promise<PartnerEvaluation> {
  const byId = new Map(companies.map((c) => [c.id, c]));
  const bm25 = new Bm25(companies.map((c) => ({ id: c.id, text: facetTexts('company', c)['profile']! })));
  const ours: { ranked: string[]; grades: Grades; lang: string }[] = [];
  const pairs = new Map<string, { ranked: string[]; grades: Grades }[]>();
  const cross: { ranked: string[]; grades: Grades }[] = [];
  const baseline: { ranked: string[]; grades: Grades }[] = [];
  const freeText: { ranked: string[]; grades: Grades }[] = [];
  const samples: ScoredSample[] = [];
  let sameCountryResults = 0;
  for (const [queryId, grades] of Object.entries(judgments)) {
    const asker = byId.get(queryId);
    if (!asker) continue;
    const response = await partnersForCompany(engine, queryId, { limit: 10 });
    sameCountryResults += response.results.filter((r) => r.company.country === asker.country).length;
    const lang = asker.language ?? 'unknown';
    const ranked = response.results.map((r) => r.company.id);
    for (const [i, r] of response.results.entries()) samples.push({ queryId, score: r.score, rank: i + 1, grade: grades[r.company.id] ?? 0 });
    ours.push({ ranked, grades, lang });
    const languageOf = (id: string) => byId.get(id)?.language ?? 'unknown';
    for (const target of new Set(Object.keys(grades).map(languageOf))) {
      const subset = Object.fromEntries(Object.entries(grades).filter(([id]) => languageOf(id) === target));
      const key = `${lang}->${target}`;
      pairs.set(key, [...(pairs.get(key) ?? []), { ranked, grades: subset }]);
    }
    const foreign = Object.fromEntries(Object.entries(grades).filter(([id]) => languageOf(id) !== lang));
    if (Object.keys(foreign).length) cross.push({ ranked, grades: foreign });
    const text = [asker.needs, asker.offers, asker.description].join('\n');
    const pasted = await partnersForText(
      engine,
      PartnerSearchSchema.parse({ text: [asker.description, asker.offers, asker.needs].join('\n'), country: asker.country, limit: 10 }),
    );
    freeText.push({ ranked: pasted.results.map((r) => r.company.id), grades });
    const keyword = bm25.search(text, 10, (id) => id !== queryId && byId.get(id)?.country !== asker.country);
    baseline.push({ ranked: keyword.map((k) => k.id), grades });
  }
  const byLanguage: Record<string, QualityFigures> = {};
  for (const lang of [...new Set(ours.map((r) => r.lang))].sort()) byLanguage[lang] = summarise(ours.filter((r) => r.lang === lang));
  return {
    engine: { ...summarise(ours), sameCountryResults },
    bm25: summarise(baseline),
    byLanguage,
    byLanguagePair: Object.fromEntries([...pairs.keys()].sort().map((k) => [k, summarise(pairs.get(k)!)])),
    crossLingual: summarise(cross),
    freeText: summarise(freeText),
    samples,
  };
}
