// Error catalogue: stable codes with messages that say what to fix. No HTTP here;
// the API's error handler maps codes to statuses.

/** The stable codes clients see (in the problem type URL); the API maps each to an HTTP status. */
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

/** One of `ErrorCodes`. */
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** One field at fault, and what is wrong with it. */
export interface FieldIssue {
  /** Dotted path to the offending field, e.g. `companies[3].country`. */
  readonly path: string;
  readonly message: string;
}

/** An error the caller can act on: a stable code, a message saying what to fix, and the fields at fault. */
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

/**
 * The catalogue: every message the service answers with, by name, with its code. `{name}` in a
 * template is filled from the parameters of `appError`, which the compiler checks.
 */
export const MESSAGES = {
  INVALID_INPUT: { code: ErrorCodes.VALIDATION, template: 'Invalid {what}.' },
  BODY_REQUIRED: { code: ErrorCodes.VALIDATION, template: 'A JSON body is required.' },
  BAD_IF_MATCH: { code: ErrorCodes.VALIDATION, template: 'If-Match must be one entity tag as sent in ETag, e.g. "3".' },
  UNKNOWN_CLUSTERS: { code: ErrorCodes.VALIDATION, template: 'The company names clusters that do not exist.' },
  INVALID_DATASET: { code: ErrorCodes.VALIDATION, template: 'Invalid data set; nothing was imported.' },
  SELF_JUDGMENT: { code: ErrorCodes.VALIDATION, template: 'A company is never suggested to itself.' },
  NO_CANDIDATE: { code: ErrorCodes.VALIDATION, template: 'No {kind} with id "{id}" to judge.' },
  NOT_FOUND: { code: ErrorCodes.NOT_FOUND, template: 'No {kind} with id "{id}".' },
  NOT_JUDGED: { code: ErrorCodes.NOT_FOUND, template: 'No {kind} feedback for "{companyId}" on "{candidateId}".' },
  NOT_A_PARTICIPANT: { code: ErrorCodes.NOT_FOUND, template: '{companyId} is not a participant of {eventId}.' },
  NO_PINNED_MEETING: { code: ErrorCodes.NOT_FOUND, template: '{a} and {b} have no pinned meeting.' },
  NO_ENDPOINT: { code: ErrorCodes.NOT_FOUND, template: 'No endpoint {method} {path}.' },
  ALREADY_EXISTS: { code: ErrorCodes.CONFLICT, template: 'A {kind} with id "{id}" already exists; use PATCH to change it.' },
  KEPT_CHANGING: { code: ErrorCodes.CONFLICT, template: 'The {kind} "{id}" kept changing while this change was applied; send it again.' },
  IMPORT_RUNNING: { code: ErrorCodes.CONFLICT, template: 'Import {id} is still running; start the next one when it has finished.' },
  STALE_VERSION: {
    code: ErrorCodes.STALE,
    template: 'The {kind} "{id}" was changed meanwhile (it is now at version {version}); load it again and redo the change.',
  },
  UNKNOWN_KEY: { code: ErrorCodes.UNAUTHORIZED, template: 'Unknown API key.' },
  KEY_REQUIRED: { code: ErrorCodes.UNAUTHORIZED, template: 'This endpoint needs `Authorization: Bearer <{role} key>`.' },
  KEY_REVOKED: { code: ErrorCodes.FORBIDDEN, template: 'This API key ({prefix}…) was revoked; ask NordicHub for a new one.' },
  ORIGIN_REFUSED: { code: ErrorCodes.FORBIDDEN, template: 'This site key works only from {origins}{refused}.' },
  CROSS_SITE_REFUSED: {
    code: ErrorCodes.FORBIDDEN,
    template: 'A change made with the console cookie must come from the console itself ({own}), not from {from}.',
  },
  SIGN_IN_WITH_KEY: { code: ErrorCodes.FORBIDDEN, template: 'A console session cannot start another: sign in with the key itself.' },
  ROLE_TOO_LOW: { code: ErrorCodes.FORBIDDEN, template: 'A {role} key cannot use this endpoint; it needs a {needed} key.' },
  NOT_READY: { code: ErrorCodes.NOT_READY, template: 'The service is still loading; retry in a few seconds.' },
  MODEL_NAME_IS_PATH: {
    code: ErrorCodes.MODEL_UNAVAILABLE,
    template:
      'MODEL "{model}" is not a model folder name: give the name of a folder under MODELS_DIR ({modelsDir}), such as nordichub-static-nordic, not a path.',
  },
  MODEL_INCOMPLETE: { code: ErrorCodes.MODEL_UNAVAILABLE, template: 'Model folder {folder} (MODEL "{model}") is not a usable model: missing {missing}.' },
  MODEL_MISSING: {
    code: ErrorCodes.MODEL_UNAVAILABLE,
    template: 'Model "{model}" not found at {folder}. Models are never downloaded at run time; put the model folder under MODELS_DIR.',
  },
  MODEL_WITHOUT_DIMS: { code: ErrorCodes.MODEL_UNAVAILABLE, template: 'Model "{model}" declares no dimension.' },
  MODEL_OUTPUT_UNKNOWN: { code: ErrorCodes.MODEL_UNAVAILABLE, template: 'Model output has neither sentence_embedding nor last_hidden_state.' },
  // Matchmaking events.
  EVENT_EXISTS: { code: ErrorCodes.CONFLICT, template: 'An event with id "{id}" already exists.' },
  ALREADY_REGISTERED: { code: ErrorCodes.CONFLICT, template: '{companyId} is already registered for {eventId}.' },
  MEETING_PINNED: { code: ErrorCodes.CONFLICT, template: 'The meeting is pinned; unpin it first.' },
  EVENT_CHANGED_WHILE_SCHEDULING: { code: ErrorCodes.CONFLICT, template: 'The event changed while it was being scheduled; run the schedule again.' },
  NOT_SCHEDULED: { code: ErrorCodes.CONFLICT, template: 'The event "{eventId}" has no agenda yet: schedule it first.' },
  PIN_NEEDS_PLACE: { code: ErrorCodes.VALIDATION, template: 'Give slot and table: the pair has no meeting in the agenda to pin.' },
  NO_SUCH_PLACE: { code: ErrorCodes.VALIDATION, template: 'No such {place}.' },
  PIN_CLASHES: { code: ErrorCodes.INFEASIBLE, template: 'The pin collides with another pin: {clash}.' },
  PIN_BREAKS_RULE: { code: ErrorCodes.INFEASIBLE, template: 'The pin breaks a rule of the event: {rule}.' },
  UNKNOWN_COMPANIES: { code: ErrorCodes.VALIDATION, template: 'Unknown companies in the list: nothing was added.' },
  NO_MAILER: { code: ErrorCodes.NOT_READY, template: 'No mailer is configured in this process.' },
  NO_CONTACT_EMAIL: { code: ErrorCodes.CONFLICT, template: 'The company "{companyId}" has no contact e-mail to forward the request to.' },
} as const satisfies Record<string, { code: ErrorCode; template: string }>;

/** The name of a catalogue message. */
export type MessageName = keyof typeof MESSAGES;

/** The `{name}` placeholders of a template, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** The values a message needs, one per placeholder of its template. */
export type MessageParams<N extends MessageName> = Record<Placeholders<(typeof MESSAGES)[N]['template']>, string | number>;

/** The catalogue's message `name` with its placeholders filled in. */
export function formatMessage<N extends MessageName>(name: N, params: MessageParams<N>): string {
  const values = params as Record<string, string | number>;
  return MESSAGES[name].template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));
}

/** An error from the catalogue: its code, its filled-in message, and the fields at fault. */
export function appError<N extends MessageName>(name: N, params: MessageParams<N>, issues: readonly FieldIssue[] = []): AppError {
  return new AppError(MESSAGES[name].code, formatMessage(name, params), issues);
}

/**
 * Every 404 of a stored thing, alike: "No <kind> with id "<id>".", naming the field that held
 * the id (`id` for a path parameter, e.g. `companyId` for a body field).
 */
export const notFound = (kind: string, id: string, field = 'id'): AppError => appError('NOT_FOUND', { kind, id }, [{ path: field, message: 'not found' }]);

/** A validation error with a message of its own (prefer a catalogue entry via `appError`). */
export const invalid = (message: string, issues: readonly FieldIssue[]): AppError => new AppError(ErrorCodes.VALIDATION, message, issues);

/** Formats a zod-style path (["companies", 3, "country"]) as `companies[3].country`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}
