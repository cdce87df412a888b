import type { TextTerms } from './concepts.js';
import type { TextLanguage } from './nordic-normalizer.js';

/** Turns texts into L2-normalised vectors of `dims` numbers. */
export interface Embedder {
  /** Identifies the model and its version; stored with every vector to detect model changes. */
  readonly modelId: string;
  readonly dims: number;
  /**
   * Embeds texts in order. `role` lets models that were trained with query/passage prefixes
   * (e.g. E5) apply them; symmetric models ignore it. A text with no known words yields zeros.
   */
  embed(texts: readonly string[], role?: EmbedRole): Promise<Float32Array[]>;
  /**
   * Reads a text as language-independent weighted terms for the lexical signal; absent for
   * models that ship no concept table (ranking then uses the dense signals alone).
   */
  readonly terms?: TermReader | undefined;
  dispose(): Promise<void>;
}

/** Language-independent terms of texts, and the words that render them (see concepts.ts). */
export interface TermReader {
  /** `language`: the text's language when known; otherwise it is detected. */
  read(text: string, language?: TextLanguage): TextTerms;
  /** The word for an English concept word in `language`, when the lexicon has one. */
  wordFor(english: string, language: TextLanguage): string | undefined;
}

export type EmbedRole = 'query' | 'passage';

export function normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  if (sum === 0) return v;
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < v.length; i++) v[i]! *= inv;
  return v;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

export function isZero(v: Float32Array): boolean {
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) return false;
  return true;
}
