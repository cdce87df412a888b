// Public surface of validation: schema failures as the catalogue's validation error with field
// paths, and the cross-record rules a single schema cannot see.
export { parseOrThrow, zodIssues } from './parse.js';
export { clusterReferenceIssues, duplicateIdIssues } from './references.js';
