// Public surface of the embedding layer.
export { dot, isZero, normalize, sharedEmbedder, type Embedder, type EmbedRole, type TermReader } from './embedder.js';
export { ConceptReader, loadConceptTable, type ConceptTable, type Term, type TextTerms } from './concepts.js';
export { COMPANY_FACETS, facetNames, facetTexts, textHash, type CompanyFacet } from './profile-text.js';
export { TransformersEmbedder, type TransformersEmbedderOptions } from './transformers-embedder.js';
export { NORDIC_LANGUAGES, NordicNormalizer, type NordicLanguage, type TextLanguage } from './nordic-normalizer.js';
