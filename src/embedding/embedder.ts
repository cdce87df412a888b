import type { TextTerms } from './concepts.js';
import type { TextLanguage } from './nordic-normalizer.js';

/**
 * Turns texts into L2-normalised vectors of `dims` numbers.
 *
 * @remarks Implementations load their model in an async factory (e.g. `TransformersEmbedder.create`)
 * and never download anything at run time.
 */
export interface Embedder {
  /** Identifies the model and its version; stored with every vector to detect model changes. */
  readonly modelId: string;
  /** How many numbers each vector has. */
  readonly dims: number;
  /**
   * Embeds texts in order.
   * @param texts - the texts; any number, batched by the implementation
   * @param role - `query` for what a user asks, `passage` for what is stored
   * @returns one vector per text, in the same order `role` lets models that were trained with query/passage prefixes
   * (e.g. E5) apply them; symmetric models ignore it. A text with no known words yields zeros.
   */
  embed(texts: readonly string[], role?: EmbedRole): Promise<Float32Array[]>;
  /**
   * Reads a text as language-independent weighted terms for the lexical signal; absent for
   * models that ship no concept table (ranking then uses the dense signals alone).
   */
  readonly terms?: TermReader | undefined;
  /** Releases the model; the embedder is unusable afterwards. */
  dispose(): Promise<void>;
}

/** Language-independent terms of texts, and the words that render them (see concepts.ts). */
export interface TermReader {
  /** `language`: the text's language when known; otherwise it is detected. */
  read(text: string, language?: TextLanguage): TextTerms;
  /** The word for an English concept word in `language`, when the lexicon has one. */
  wordFor(english: string, language: TextLanguage): string | undefined;
}

/**
 * The same model behind an embedder whose `dispose` does nothing: one loaded model shared by several
 * engines (test files, benchmark rounds), each closing its own engine without unloading the model.
 */
export function sharedEmbedder(embedder: Embedder): Embedder {
  return {
    get modelId() {
      return embedder.modelId;
    },
    get dims() {
      return embedder.dims;
    },
    get terms() {
      return embedder.terms;
    },
    embed: (texts, role) => embedder.embed(texts, role),
    dispose: async () => {},
  };
}

/** What a text is to the model: a query asks, a passage is stored and found. */
export type EmbedRole = 'query' | 'passage';

/** Scales `v` in place to length 1 (a zero vector stays zero) and returns it. */
export function normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  if (sum === 0) return v;
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < v.length; i++) v[i]! *= inv;
  return v;
}

/** The dot product; the cosine similarity of two normalised vectors. */
export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** True for the zero vector, the embedding of a text with no known words. */
export function isZero(v: Float32Array): boolean {
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) return false;
  return true;
}
