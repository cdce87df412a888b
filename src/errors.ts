// Error catalogue: stable codes with messages that say what to fix. No HTTP here;
// the API's error handler maps codes to statuses.

export const ErrorCodes = {
  VALIDATION: 'validation',
  NOT_FOUND: 'not-found',
  CONFLICT: 'conflict',
  /** `If-Match` names a version the entity no longer has: someone else changed it meanwhile. */
  STALE: 'stale',
  /** Well-formed input whose constraints cannot all hold (e.g. more pinned meetings than tables). */
  INFEASIBLE: 'infeasible',
  UNAUTHORIZED: 'unauthorized',
  FORBIDDEN: 'forbidden',
  NOT_READY: 'not-ready',
  MODEL_UNAVAILABLE: 'model-unavailable',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export interface FieldIssue {
  /** Dotted path to the offending field, e.g. `companies[3].country`. */
  readonly path: string;
  readonly message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (kind: string, id: string): AppError =>
  new AppError(ErrorCodes.NOT_FOUND, `No ${kind} with id "${id}".`);

export const invalid = (message: string, issues: readonly FieldIssue[]): AppError =>
  new AppError(ErrorCodes.VALIDATION, message, issues);

/** Formats a zod-style path (["companies", 3, "country"]) as `companies[3].country`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}
