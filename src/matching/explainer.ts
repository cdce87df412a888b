// Reasons a person can read: which signal matched, and the words from both profiles that
// carried it, found by comparing each word's vector with the other side's facet vector.
import { dot, type Embedder } from '../embedding/index.js';
import { PARTNER_SIGNALS, SECTOR_SIGNAL_NAME, type SignalSet } from './signals.js';
import { contentTerms, GENERIC_ENGLISH_TERMS } from './terms.js';
import type { RankedCandidate } from './ranker.js';

export interface ExplainSide {
  texts: Readonly<Record<string, string>>;
  vectors: Readonly<Record<string, Float32Array | undefined>>;
  sectors: readonly string[];
}

export interface ExplainOptions {
  /** A signal at or above this value is mentioned. */
  minSignal: number;
  termsPerSide: number;
  /** A term this close to a generic English word is not shown. */
  genericSimilarity: number;
}

const DEFAULTS: ExplainOptions = { minSignal: 0.3, termsPerSide: 3, genericSimilarity: 0.8 };

export class Explainer {
  /** Per term: its vector, and whether it is generic (decided once, not per request). */
  private readonly cache = new Map<string, { vector: Float32Array; generic: boolean }>();
  private generic: Promise<Float32Array[]> | undefined;

  constructor(
    private readonly embedder: Embedder,
    private readonly options: ExplainOptions = DEFAULTS,
    private readonly cacheLimit = 50_000,
  ) {}

  async explain(
    asker: ExplainSide,
    candidate: ExplainSide & { partnerTypes?: readonly string[] },
    ranked: RankedCandidate,
    signalSet: SignalSet = PARTNER_SIGNALS,
  ): Promise<string[]> {
    const reasons: string[] = [];
    const signals = signalSet.facets.filter((s) => (ranked.scores[s.name] ?? 0) >= this.options.minSignal).sort(
      (a, b) => (ranked.scores[b.name] ?? 0) - (ranked.scores[a.name] ?? 0),
    );
    for (const signal of signals) {
      const mine = await this.carryingTerms(asker.texts[signal.query] ?? '', candidate.vectors[signal.candidate]);
      const theirs = await this.carryingTerms(candidate.texts[signal.candidate] ?? '', asker.vectors[signal.query]);
      const strength = describeStrength(ranked.scores[signal.name] ?? 0);
      let reason = `${signal.reason} (${strength})`;
      if (mine.length && theirs.length) reason += `: ${signal.sides[1]} "${theirs.join(', ')}" fits ${signal.sides[0]} "${mine.join(', ')}"`;
      reasons.push(reason);
    }
    const shared = asker.sectors.filter((s) => candidate.sectors.includes(s));
    if (shared.length && (ranked.scores[SECTOR_SIGNAL_NAME] ?? 0) > 0) reasons.push(`Shared sectors: ${shared.join(', ')}`);
    if (candidate.partnerTypes?.length) reasons.push(`They are looking for: ${candidate.partnerTypes.join(', ')}`);
    return reasons;
  }

  /** The terms of `text` closest to `target`, best first. */
  private async carryingTerms(text: string, target: Float32Array | undefined): Promise<string[]> {
    if (!target || !text) return [];
    const terms = contentTerms(text);
    const known = await this.termVectors(terms);
    return terms
      .map((term, i) => ({ term, sim: dot(known[i]!.vector, target), generic: known[i]!.generic }))
      .filter((t) => t.sim > 0.15 && !t.generic)
      .sort((a, b) => b.sim - a.sim)
      .slice(0, this.options.termsPerSide)
      .map((t) => t.term);
  }

  private async termVectors(terms: string[]): Promise<{ vector: Float32Array; generic: boolean }[]> {
    const missing = terms.filter((t) => !this.cache.has(t));
    if (missing.length) {
      const generic = await (this.generic ??= this.embedder.embed(GENERIC_ENGLISH_TERMS, 'query'));
      const vectors = await this.embedder.embed(missing, 'query');
      if (this.cache.size + missing.length > this.cacheLimit) this.cache.clear();
      missing.forEach((t, i) => {
        const vector = vectors[i]!;
        this.cache.set(t, { vector, generic: generic.some((g) => dot(g, vector) >= this.options.genericSimilarity) });
      });
    }
    return terms.map((t) => this.cache.get(t)!);
  }
}

export function describeStrength(value: number): string {
  if (value >= 0.7) return 'very strong';
  if (value >= 0.55) return 'strong';
  if (value >= 0.4) return 'good';
  return 'some';
}
