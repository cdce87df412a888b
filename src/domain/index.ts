// Public surface of the domain: plain types, vocabularies, validation schemas and pure rules.
export * from './entities.js';
export * from './vocabulary.js';
export * from './schemas.js';
export * from './normalize.js';
export * from './deadlines.js';
export * from './events.js';
export * from './access.js';
export * from './feedback.js';
export * from './stats.js';
export * from './search-words.js';
export * from './search-meaning.js';
export * from './mailing.js';
export * from './company-card.js';
export * from './participant-match.js';
