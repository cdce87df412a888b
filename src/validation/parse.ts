// Turns schema failures into the error catalogue's validation error with field paths.
import type { z } from 'zod';
import { appError, formatPath, type FieldIssue } from '../errors.js';

/** The parsed input; a validation error "Invalid <what>." listing every field at fault (paths under `pathPrefix`). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string, pathPrefix: PropertyKey[] = []): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw appError('INVALID_INPUT', { what }, zodIssues(result.error, pathPrefix));
}

const MAX_ISSUES = 50;

/** The first MAX_ISSUES issues of a zod error, each with its dotted field path. */
export function zodIssues(error: z.ZodError, pathPrefix: PropertyKey[] = []): FieldIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((i) => ({ path: formatPath([...pathPrefix, ...i.path]), message: i.message }));
}
