// Hybrid re-ranking: the dense signals find and order candidates by meaning; this step adds
// what a static embedding blurs. A lexical signal over language-independent concepts weighted by
// how specific they are, so a rare shared word (weld, phishing, a product name) counts and shared
// generic words (every, build, distributor, device) cannot carry a match alone; and where both
// sides stand: countries the asker names, and whether the candidate's stated interest includes
// the asker's country.
import type { Term, TermReader } from '../embedding/index.js';
import { namedCountries, namedOpportunityTypes } from './free-text.js';
import { round, type RankedCandidate } from './ranker.js';
import type { SignalSet } from './signals.js';

/** One side of a match as re-ranking sees it: its texts by facet and where it is. */
export interface HybridSide {
  texts: Readonly<Record<string, string>>;
  country: string;
  /** Opportunities: their type (tender, investment, …). */
  opportunityType?: string | undefined;
}

export interface HybridAsker extends HybridSide {
  /** Countries the asker prefers (named in its text, or given as a preference), never its own. */
  preferredCountries: readonly string[];
  /** Opportunity types the asker asks for; none means any. */
  preferredOpportunityTypes?: readonly string[] | undefined;
}

export interface HybridWeights {
  /** Share of the lexical signal beside the dense score (the dense score keeps the rest). */
  lexical: number;
  /** Added when the candidate is in a country the asker prefers. */
  preferredCountry: number;
  /** Added when the candidate's needs name the asker's country; subtracted when they name only others. */
  statedInterest: number;
  /** Added when an opportunity is of a type the asker asks for. */
  preferredOpportunityType: number;
}

// Chosen with `npm run eval` on the development sets (README, "Matching quality").
export const HYBRID_WEIGHTS: HybridWeights = { lexical: 0.6, preferredCountry: 0.03, statedInterest: 0.02, preferredOpportunityType: 0.03 };

export const LEXICAL_SIGNAL_NAME = 'lexical';

/** Concept weight a query must carry for its full coverage to count fully (one fairly specific word). */
const MIN_EVIDENCE = 1;

export class LexicalMatcher {
  private readonly memo = new Map<string, ReadonlyMap<string, Term>>();

  constructor(
    private readonly reader: TermReader | undefined,
    private readonly memoLimit = 60_000,
  ) {}

  get available(): boolean {
    return this.reader !== undefined;
  }

  /** A text's concepts, each with its heaviest term. */
  concepts(text: string): ReadonlyMap<string, Term> {
    if (!this.reader || !text) return new Map();
    const lines = text.split('\n');
    if (lines.length === 1) return this.lineConcepts(text);
    // A profile is its name, description, offers and needs, one per line: read line by line, the
    // offers and needs facets then cost nothing more.
    let union = this.memo.get(text);
    if (!union) {
      const byConcept = new Map<string, Term>();
      for (const line of lines) for (const [concept, term] of this.lineConcepts(line)) keepHeavier(byConcept, concept, term);
      union = this.remember(text, byConcept);
    }
    return union;
  }

  private remember(text: string, concepts: ReadonlyMap<string, Term>): ReadonlyMap<string, Term> {
    if (this.memo.size >= this.memoLimit) this.memo.clear();
    this.memo.set(text, concepts);
    return concepts;
  }

  private lineConcepts(line: string): ReadonlyMap<string, Term> {
    let concepts = this.memo.get(line);
    if (!concepts) {
      const byConcept = new Map<string, Term>();
      for (const term of this.reader!.read(line).terms) keepHeavier(byConcept, term.concept, term);
      concepts = this.remember(line, byConcept);
    }
    return concepts;
  }

  /**
   * Share of the query's concept weight that the candidate's text also holds, 0..1. The share is
   * of at least MIN_EVIDENCE, so a query of generic words only (each weighs 0.1 or less) cannot
   * reach a full match by sharing them.
   */
  coverage(query: string, candidate: string): number {
    const wanted = this.concepts(query);
    if (wanted.size === 0) return 0;
    const held = this.concepts(candidate);
    let total = 0;
    let found = 0;
    for (const [concept, term] of wanted) {
      total += term.weight;
      if (held.has(concept)) found += term.weight;
    }
    return found / Math.max(total, MIN_EVIDENCE);
  }

  /** The concepts both texts hold, heaviest first: what a reason can name. */
  shared(query: string, candidate: string, max = 3): { query: Term; candidate: Term }[] {
    const held = this.concepts(candidate);
    return [...this.concepts(query)]
      .filter(([concept, term]) => held.has(concept) && term.weight >= 0.3)
      .map(([concept, term]) => ({ query: term, candidate: held.get(concept)! }))
      .sort((a, b) => b.query.weight - a.query.weight)
      .slice(0, max);
  }
}

function keepHeavier(map: Map<string, Term>, concept: string, term: Term): void {
  const seen = map.get(concept);
  if (!seen || seen.weight < term.weight) map.set(concept, term);
}

/**
 * Re-scores dense-ranked candidates with the lexical signal (the lexical twin of each facet
 * signal, weighted alike) and the country and opening-type terms, best first. Scores stay within
 * 0..1. `mirrored`: the candidates are the askers of `signals` (an opportunity looking for
 * companies scores each pair exactly as the company looking for openings would).
 */
export function hybridRerank(
  matcher: LexicalMatcher,
  signals: SignalSet,
  asker: HybridAsker,
  candidates: readonly { ranked: RankedCandidate; side: HybridSide }[],
  options: { weights?: HybridWeights; mirrored?: boolean } = {},
): RankedCandidate[] {
  const weights = options.weights ?? HYBRID_WEIGHTS;
  const out = candidates.map(({ ranked, side }) => {
    const pair = options.mirrored ? { asker: asAsker(side), candidate: asker } : { asker, candidate: side };
    const scores = { ...ranked.scores };
    let score = ranked.score;
    if (matcher.available) {
      const lexical = lexicalScore(matcher, signals, pair.asker, pair.candidate);
      scores[LEXICAL_SIGNAL_NAME] = round(lexical);
      score = (1 - weights.lexical) * score + weights.lexical * lexical;
    }
    score += placeFit(pair.asker, pair.candidate, weights);
    return { id: ranked.id, score: round(Math.max(0, Math.min(1, score))), scores };
  });
  return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

/** A stored profile as an asker: the countries and opportunity types its needs name. */
export function asAsker(side: HybridSide): HybridAsker {
  const needs = side.texts['needs'] ?? '';
  return { ...side, preferredCountries: namedCountries(needs).filter((c) => c !== side.country), preferredOpportunityTypes: namedOpportunityTypes(needs) };
}

function placeFit(asker: HybridAsker, candidate: HybridSide, weights: HybridWeights): number {
  let bonus = 0;
  if (asker.preferredCountries.includes(candidate.country)) bonus += weights.preferredCountry;
  if (candidate.opportunityType && asker.preferredOpportunityTypes?.includes(candidate.opportunityType)) bonus += weights.preferredOpportunityType;
  return bonus + weights.statedInterest * statedInterest(candidate, asker.country);
}

function lexicalScore(matcher: LexicalMatcher, signals: SignalSet, asker: HybridSide, candidate: HybridSide): number {
  let total = 0;
  let weights = 0;
  for (const signal of signals.facets) {
    const query = asker.texts[signal.query];
    const text = candidate.texts[signal.candidate];
    if (!query?.trim() || !text?.trim()) continue;
    total += signal.weight * matcher.coverage(query, text);
    weights += signal.weight;
  }
  return weights > 0 ? total / weights : 0;
}

/** +1 when the candidate's needs name the asker's country, -1 when they name only others, else 0. */
export function statedInterest(candidate: HybridSide, askerCountry: string): number {
  const named = namedCountries(candidate.texts['needs'] ?? '');
  if (named.length === 0) return 0;
  return named.includes(askerCountry) ? 1 : -1;
}

/** A concept both sides hold, for a facet pairing: the words that carried it on each side. */
export interface SharedConcept {
  signal: string;
  asker: Term;
  candidate: Term;
}

/**
 * The specific concepts (not generic words) both sides hold, per facet signal in the signal
 * set's order, heaviest first: the evidence a reason names, and what makes a match more than "some".
 */
export function sharedConcepts(matcher: LexicalMatcher, signals: SignalSet, asker: HybridSide, candidate: HybridSide, perSignal = 3): SharedConcept[] {
  const out: SharedConcept[] = [];
  const seen = new Set<string>();
  for (const signal of signals.facets) {
    const query = asker.texts[signal.query];
    const text = candidate.texts[signal.candidate];
    if (!query?.trim() || !text?.trim()) continue;
    for (const pair of matcher.shared(query, text, perSignal)) {
      if (seen.has(pair.query.concept)) continue;
      seen.add(pair.query.concept);
      out.push({ signal: signal.name, asker: pair.query, candidate: pair.candidate });
    }
  }
  return out;
}
