// The only reader of process.env. Every setting has a default and a one-line doc.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** The model shipped in models/: multilingual static word vectors built by scripts/build-model.ts. */
export const DEFAULT_MODEL = 'nordichub-static-nordic';

const bytesSetting = z.string().regex(/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i, 'must be a size such as 1mb, 500kb or 1048576');

const ConfigSchema = z
  .object({
    /** HTTP port the service listens on. */
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Folder for the SQLite file, the index snapshot and the generated admin key hash. */
    DATA_DIR: z.string().min(1).default('./data'),
    /** Database URL; `file:` for SQLite. Defaults to `file:<DATA_DIR>/nordichub.db`. */
    DATABASE_URL: z.string().min(1).optional(),
    /** Model folder name under MODELS_DIR (the shipped default) used for embeddings. */
    MODEL: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/, 'must be a model folder name under MODELS_DIR (name or org/name), not a path')
      .refine((m) => !m.split('/').includes('..'), 'must not contain ..')
      .default(DEFAULT_MODEL),
    /** Folder that holds the models; nothing is ever downloaded at run time. */
    MODELS_DIR: z.string().min(1).default('./models'),
    /** Admin API key for write endpoints; generated and printed once if unset. */
    NORDICHUB_ADMIN_KEY: z.string().min(16).optional(),
    /** How often (ms) the service polls the change log for writes made by other processes. */
    SYNC_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(250),
    /** How often (ms) a changed index is saved as a snapshot while the service runs (and always at SIGTERM). */
    SNAPSHOT_INTERVAL_MS: z.coerce.number().int().min(100).default(300_000),
    /** HNSW search breadth: recall against latency. 100 suits up to a few 100k companies; see docs/SCALING.md for larger. */
    HNSW_EF_SEARCH: z.coerce.number().int().min(10).max(2_000).default(100),
    /** Largest accepted JSON request body, imports excepted (bytes, or units such as 1mb). */
    MAX_BODY: bytesSetting.default('1mb'),
    /** Largest accepted import body (POST /api/v1/import and /imports, staff keys only). */
    MAX_IMPORT_BODY: bytesSetting.default('200mb'),
    /** Deepest accepted JSON nesting in a request body; deeper bodies get a 400 before parsing. */
    MAX_JSON_DEPTH: z.coerce.number().int().min(4).max(1_000).default(32),
    /** Requests per minute from one client IP to the public and widget endpoints. */
    RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(300),
    /** Requests per minute through one site key, from all its visitors together. */
    RATE_LIMIT_PER_KEY: z.coerce.number().int().min(1).default(3000),
    /** Trust X-Forwarded-For from this many proxy hops (0: use the socket's address). */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** Server processes sharing the port (node:cluster), each with its own index; 1 serves in this process. */
    WORKERS: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
    /** Set by the primary for its workers: one demo site key for all, so a page from one worker works against another. */
    NORDICHUB_DEMO_KEY: z.string().min(16).optional(),
    /** pino log level. */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** SMTP server for outgoing mail (smtp:// or smtps://, credentials in the URL); unset: mail goes to DATA_DIR/outbox as .eml files. */
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
    /** Sender of every mail, e.g. "NordicHub <events@nordichub.example>"; required with SMTP_URL. */
    MAIL_FROM: z.string().min(3).optional(),
  })
  .refine((e) => !e.SMTP_URL || e.MAIL_FROM, { path: ['MAIL_FROM'], message: 'is required when SMTP_URL is set (the sender address of every mail)' });

export interface Config {
  readonly port: number;
  readonly dataDir: string;
  readonly databaseUrl: string;
  readonly model: string;
  readonly modelsDir: string;
  readonly adminKey: string | undefined;
  readonly syncIntervalMs: number;
  readonly snapshotIntervalMs: number;
  readonly efSearch: number;
  readonly bodyLimits: BodyLimits;
  readonly logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  readonly rateLimits: RateLimits;
  readonly trustProxyHops: number;
  readonly mail: MailSettings;
  readonly workers: number;
  /** Undefined outside a cluster: the app makes its own. */
  readonly demoKey: string | undefined;
}

export interface MailSettings {
  /** Undefined: no SMTP, mail is written to the outbox folder. */
  smtpUrl: string | undefined;
  from: string;
}

/** The sender when nothing is configured: outbox files only, so no real domain is claimed. */
const OUTBOX_FROM = 'NordicHub Partner Match <no-reply@nordichub.invalid>';

export interface BodyLimits {
  /** Every route but imports. */
  body: string;
  importBody: string;
  jsonDepth: number;
}

export interface RateLimits {
  perIpPerMinute: number;
  perKeyPerMinute: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `file:${path.join(dataDir, 'nordichub.db')}`,
    model: e.MODEL,
    modelsDir: path.resolve(e.MODELS_DIR),
    adminKey: e.NORDICHUB_ADMIN_KEY,
    syncIntervalMs: e.SYNC_INTERVAL_MS,
    snapshotIntervalMs: e.SNAPSHOT_INTERVAL_MS,
    efSearch: e.HNSW_EF_SEARCH,
    bodyLimits: { body: e.MAX_BODY, importBody: e.MAX_IMPORT_BODY, jsonDepth: e.MAX_JSON_DEPTH },
    logLevel: e.LOG_LEVEL,
    rateLimits: { perIpPerMinute: e.RATE_LIMIT_PER_IP, perKeyPerMinute: e.RATE_LIMIT_PER_KEY },
    trustProxyHops: e.TRUST_PROXY_HOPS,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM ?? OUTBOX_FROM },
    workers: e.WORKERS,
    demoKey: e.NORDICHUB_DEMO_KEY,
  });
}
