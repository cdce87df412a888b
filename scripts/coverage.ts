// `npm run coverage:words`: how many content words of Nordic company text the normaliser places,
// and how (headword or stem, inflected form, loan word, other Nordic lexicon, fuzzy nearest stem,
// compound, unknown). Text: tests/fixtures/coverage-text.json, short company sentences written for
// the project (held out: no lexicon entry was added because a word appears there).
//
//   npm run coverage:words                       # per-language table
//   npm run coverage:words -- --sample 40        # plus 40 resolved words a language with their English concept
//   npm run coverage:words -- --unknown          # plus the unknown words
//   npm run coverage:words -- --file other.json --language fi
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FUNCTION_WORDS, loadConceptTable } from '../src/embedding/concepts.js';
import {
  NORDIC_LANGUAGES,
  NordicNormalizer,
  type NordicLanguage,
  type NordicNormalizerConfig,
  type ResolutionPath,
} from '../src/embedding/nordic-normalizer.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    file: { type: 'string', default: path.join(ROOT, 'tests/fixtures/coverage-text.json') },
    model: { type: 'string', default: path.join(ROOT, 'models/nordichub-static-nordic') },
    language: { type: 'string' },
    sample: { type: 'string', default: '0' },
    unknown: { type: 'boolean', default: false },
  },
});

// Pronouns, auxiliaries and other closed-class words the concept reader's list does not hold: not
// content words, so they neither count nor are expected to resolve.
const MORE_FUNCTION_WORDS = new Set(
  `jolla jota jossa joilla joiden jonka joka jotka joita olemme ovat oli ollut meillä meidän meitä me te he se ne tämä
   uusille uusia uusi
   vi vår vårt våra våre vores jeg du han hun den dette disse dessa denna detta hvor hvilken der som åt mot mod
   við okkar sem þeir þær þau hann hún það þetta þessi gegn um úr yfir hjá
   ny nya nye nyt nýja nýjum`
    .split(/\s+/)
    .filter(Boolean),
);
const isContent = (word: string) => word.length >= 3 && !FUNCTION_WORDS.has(word) && !MORE_FUNCTION_WORDS.has(word) && !/\d/.test(word);
const PATHS: ResolutionPath[] = ['exact', 'inflected', 'loan', 'other-nordic', 'fuzzy', 'compound', 'unknown'];

const card = JSON.parse(readFileSync(path.join(values.model, 'config.json'), 'utf8')) as { nordichub: { modelId: string; normalizer: NordicNormalizerConfig } };
const tokenizer = JSON.parse(readFileSync(path.join(values.model, 'tokenizer.json'), 'utf8')) as { model: { vocab: Record<string, number> } };
const vocab = new Map(Object.entries(tokenizer.model.vocab));
const normalizer = new NordicNormalizer(vocab, card.nordichub.normalizer);
const concepts = loadConceptTable(values.model);
const text = JSON.parse(readFileSync(values.file, 'utf8')) as Record<string, unknown>;
const languages = (values.language ? [values.language] : NORDIC_LANGUAGES).filter((l) => Array.isArray(text[l])) as NordicLanguage[];
const english = (token: string) => concepts?.translations[token]?.[0] ?? token;

console.log(`Content-word coverage, model ${card.nordichub.modelId}, text ${path.relative(ROOT, values.file)}`);
console.log(`${'lang'.padEnd(5)}${'words'.padStart(6)}${'resolved'.padStart(10)} ${PATHS.map((p) => p.padStart(p.length + 1)).join('')}  detected`);
const sampleSize = Number(values.sample);
const totals = { words: 0, resolved: 0 };
for (const language of languages) {
  const sentences = text[language] as string[];
  const counts = new Map<ResolutionPath, number>(PATHS.map((p) => [p, 0]));
  const resolved: string[] = [];
  const unknown: string[] = [];
  let words = 0;
  let detected = 0;
  for (const sentence of sentences) {
    if (normalizer.detect(sentence) === language) detected++;
    for (const match of sentence.toLowerCase().matchAll(/\p{L}[\p{L}\p{N}]*/gu)) {
      const word = match[0];
      if (!isContent(word)) continue;
      words++;
      const { tokens, via } = normalizer.explain(word, language);
      counts.set(via, counts.get(via)! + 1);
      if (via === 'unknown') unknown.push(word);
      else resolved.push(`${word} [${via}] -> ${tokens.map(english).join(' + ')}`);
    }
  }
  const found = words - counts.get('unknown')!;
  totals.words += words;
  totals.resolved += found;
  const share = (n: number) => `${((100 * n) / words).toFixed(1)}%`;
  console.log(
    `${language.padEnd(5)}${String(words).padStart(6)}${share(found).padStart(10)} ${PATHS.map((p) => share(counts.get(p)!).padStart(p.length + 1)).join('')}  ${detected}/${sentences.length}`,
  );
  if (sampleSize > 0) {
    // An even spread over the text, so every sentence's words get looked at.
    const step = Math.max(1, resolved.length / sampleSize);
    for (let i = 0; i < resolved.length && i / step < sampleSize; i += step) console.log(`    ${resolved[Math.floor(i)]}`);
  }
  if (values.unknown && unknown.length) console.log(`    unknown: ${unknown.join(' ')}`);
}
console.log(`all  ${String(totals.words).padStart(6)}${`${((100 * totals.resolved) / totals.words).toFixed(1)}%`.padStart(10)}`);
