// Translation retrieval: for each sentence in a Nordic language, is its English version the
// nearest of all the English sentences? Measures whether languages share one vector space.
import { dot, type Embedder } from '../embedding/index.js';

export type TranslationPair = { id: string; en: string } & Record<string, string>;

export async function translationAccuracy(
  embedder: Embedder,
  pairs: readonly TranslationPair[],
  languages: readonly string[],
): Promise<Record<string, number>> {
  const english = await embedder.embed(pairs.map((p) => p.en));
  const out: Record<string, number> = {};
  for (const language of languages) {
    const vectors = await embedder.embed(pairs.map((p) => p[language] ?? ''));
    let correct = 0;
    vectors.forEach((v, i) => {
      let best = -1;
      let bestSim = -Infinity;
      english.forEach((e, k) => {
        const sim = dot(v, e);
        if (sim > bestSim) {
          bestSim = sim;
          best = k;
        }
      });
      if (best === i) correct++;
    });
    out[language] = correct / pairs.length;
  }
  return out;
}
