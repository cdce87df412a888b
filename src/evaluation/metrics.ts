// Ranking-quality measures over graded judgments (3 ideal, 2 good, 1 marginal, unjudged 0).

export type Grades = Readonly<Record<string, number>>;

/** nDCG@k with exponential gain (2^grade - 1) and log2 discount. */
export function ndcgAt(ranked: readonly string[], grades: Grades, k: number): number {
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + (2 ** (grades[id] ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = Object.values(grades)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  return ideal > 0 ? dcg / ideal : 0;
}

/** Share of the top k with at least `minGrade`. */
export function precisionAt(ranked: readonly string[], grades: Grades, k: number, minGrade = 2): number {
  return ranked.slice(0, k).filter((id) => (grades[id] ?? 0) >= minGrade).length / k;
}

/** Share of the judged-relevant items found in the top k. */
export function recallAt(ranked: readonly string[], grades: Grades, k: number, minGrade = 1): number {
  const relevant = Object.entries(grades)
    .filter(([, g]) => g >= minGrade)
    .map(([id]) => id);
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

/** 1 / rank of the first relevant item, 0 if none. */
export function reciprocalRank(ranked: readonly string[], grades: Grades, minGrade = 1): number {
  const i = ranked.findIndex((id) => (grades[id] ?? 0) >= minGrade);
  return i < 0 ? 0 : 1 / (i + 1);
}

export interface QualityFigures {
  queries: number;
  ndcg5: number;
  p5: number;
  recall10: number;
  mrr: number;
}

export function summarise(runs: readonly { ranked: readonly string[]; grades: Grades }[]): QualityFigures {
  const mean = (f: (r: (typeof runs)[number]) => number) => (runs.length ? runs.reduce((s, r) => s + f(r), 0) / runs.length : 0);
  return {
    queries: runs.length,
    ndcg5: mean((r) => ndcgAt(r.ranked, r.grades, 5)),
    p5: mean((r) => precisionAt(r.ranked, r.grades, 5)),
    recall10: mean((r) => recallAt(r.ranked, r.grades, 10)),
    mrr: mean((r) => reciprocalRank(r.ranked, r.grades)),
  };
}
