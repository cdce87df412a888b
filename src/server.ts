// The service process: config -> dependencies -> listen; graceful shutdown on SIGTERM/SIGINT.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { buildApp, ensureAdminKey } from './api/index.js';
import type { Config } from './config.js';
import { openRepository } from './db/index.js';
import { TransformersEmbedder } from './embedding/index.js';
import { closeEngine, type Engine } from './engine/index.js';
import { createMailer, describeMailer } from './mail/index.js';
import { snapshotDir } from './index-lifecycle/index.js';
import { openEngine } from './use-cases/open-engine.js';
import { DEFAULT_HNSW } from './index/index.js';

export interface RunningService {
  server: Server;
  url: string;
  /** Resolves once the model and index are ready. */
  ready: Promise<Engine>;
  stop(): Promise<void>;
}

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** What differs between the workers of a cluster (src/cluster.ts); a lone process is the default. */
export interface ServiceRole {
  /** Only one process saves snapshots: concurrent savers would race on the same folder. */
  savesSnapshots: boolean;
}

/** Resident memory and heap in MB: reported at ready so the cost of each worker's index is visible. */
export function memoryMb(): { rssMb: number; heapMb: number; externalMb: number } {
  const m = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 1048576);
  return { rssMb: mb(m.rss), heapMb: mb(m.heapUsed), externalMb: mb(m.external) };
}

export async function startService(config: Config, logger: Logger, role: ServiceRole = { savesSnapshots: true }): Promise<RunningService> {
  const adminKey = ensureAdminKey(config.dataDir, config.adminKey);
  if (adminKey.generated) {
    // Printed once: only its hash is kept.
    process.stdout.write(`\nAdmin API key (shown only now, keep it): ${adminKey.generated}\n\n`);
  }
  let engine: Engine | undefined;
  const app = buildApp({
    engine: () => engine,
    adminKeyHash: adminKey.hash,
    logger,
    bodyLimits: config.bodyLimits,
    version,
    rateLimits: config.rateLimits,
    trustProxyHops: config.trustProxyHops,
    demoKey: config.demoKey,
  });
  const server = app.listen(config.port);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const address = server.address();
  const url = `http://localhost:${typeof address === 'object' && address ? address.port : config.port}`;
  logger.info({ url }, 'listening; loading model and index');

  const mailer = createMailer(config.mail, config.dataDir);
  logger.info({ mailTransport: mailer.transport }, describeMailer(mailer, config.mail));
  const ready = (async () => {
    const repo = await openRepository(config.databaseUrl);
    const embedder = await TransformersEmbedder.create({ modelsDir: config.modelsDir, model: config.model });
    const opened = await openEngine({
      repo,
      embedder,
      indexDir: snapshotDir(config.dataDir),
      logger,
      hnsw: { ...DEFAULT_HNSW, efSearch: config.efSearch },
      mailer,
      persist: role.savesSnapshots,
    });
    opened.follower.follow(config.syncIntervalMs, config.snapshotIntervalMs);
    engine = opened;
    logger.info({ model: embedder.modelId, companies: opened.index.companies.size, ...memoryMb() }, 'ready');
    return opened;
  })();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // Stop accepting, let in-flight requests finish, then save the index and close.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const e = await ready.catch(() => undefined);
      if (e) await closeEngine(e);
      logger.info('stopped');
    })());
  return { server, url, ready, stop };
}

export function handleSignals(service: RunningService, logger: Logger): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      service.server.closeIdleConnections();
      service.stop().then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}
