// Turns schema failures into the error catalogue's validation error with field paths.
import type { z } from 'zod';
import { AppError, ErrorCodes, formatPath, type FieldIssue } from '../errors.js';

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string, pathPrefix: PropertyKey[] = []): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError(ErrorCodes.VALIDATION, `Invalid ${what}.`, zodIssues(result.error, pathPrefix));
}

const MAX_ISSUES = 50;

export function zodIssues(error: z.ZodError, pathPrefix: PropertyKey[] = []): FieldIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((i) => ({ path: formatPath([...pathPrefix, ...i.path]), message: i.message }));
}
