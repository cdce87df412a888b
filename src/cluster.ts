// WORKERS=N: N server processes on one port (node:cluster), because one Node process uses one core
// (HNSW search is synchronous). Each worker holds its own index and follows the database's change
// log like any replica, so a write through one reaches the others within SYNC_INTERVAL_MS.
// Worker 1 alone saves snapshots and starts first: it re-embeds stale vectors and (re)builds the
// snapshot, so the others load that snapshot instead of each rebuilding from the database.
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { ensureAdminKey, newDemoKey } from './api/index.js';
import type { Config } from './config.js';
import { handleSignals, memoryMb, startService } from './server.js';

/** Worker -> primary: sent once the worker's model and index are ready. */
interface ReadyMessage {
  type: 'ready';
  memory: ReturnType<typeof memoryMb>;
}

const WORKER_NUMBER = 'NORDICHUB_WORKER_NUMBER';
const SAVER = 1;

/** In the primary: forks the workers, restarts one that dies, stops them all on SIGTERM/SIGINT. */
export async function runPrimary(config: Config, logger: Logger): Promise<void> {
  // Done here once, not per worker: a generated admin key must be printed once, and every worker
  // must read the same hash and accept the same demo site key.
  const adminKey = ensureAdminKey(config.dataDir, config.adminKey);
  if (adminKey.generated) process.stdout.write(`\nAdmin API key (shown only now, keep it): ${adminKey.generated}\n\n`);
  const demoKey = config.demoKey ?? newDemoKey();
  const workers = new Map<number, Worker>();
  const ready = new Map<number, ReadyMessage['memory']>();
  let stopping = false;

  const fork = (n: number) =>
    new Promise<void>((resolve, reject) => {
      const worker = cluster.fork({ [WORKER_NUMBER]: String(n), NORDICHUB_DEMO_KEY: demoKey });
      workers.set(n, worker);
      worker.on('message', (m: ReadyMessage) => {
        if (m?.type !== 'ready') return;
        ready.set(n, m.memory);
        logger.info({ worker: n, pid: worker.process.pid, ...m.memory }, 'worker ready');
        if (ready.size === config.workers) reportMemory();
        resolve();
      });
      worker.once('exit', (code, signal) => {
        workers.delete(n);
        const wasReady = ready.delete(n);
        if (stopping) return;
        // One that never got ready would fail again (a damaged key file, a wrong model): stop all.
        if (!wasReady) {
          reject(new Error(`worker ${n} exited (${signal ?? code}) before it was ready`));
          return;
        }
        logger.error({ worker: n, code, signal }, 'worker died; starting a new one');
        fork(n).catch((err: unknown) => shutDown(err));
      });
    });

  const reportMemory = () => {
    const perWorker = [...ready].map(([worker, memory]) => ({ worker, ...memory }));
    logger.info({ workers: perWorker, totalRssMb: perWorker.reduce((sum, w) => sum + w.rssMb, 0) }, 'all workers ready');
  };

  const shutDown = (err?: unknown) => {
    if (stopping) return;
    stopping = true;
    if (err) logger.fatal({ err }, `could not start: ${err instanceof Error ? err.message : String(err)}`);
    const exits = [...workers.values()].map(
      (w) => new Promise<number | null>((resolve) => (w.isDead() ? resolve(w.process.exitCode) : w.once('exit', (code) => resolve(code)))),
    );
    // Each worker finishes its requests, applies the change log and (worker 1) saves the snapshot.
    for (const w of workers.values()) w.process.kill('SIGTERM');
    void Promise.all(exits).then((codes) => {
      logger.info({ codes }, 'all workers stopped');
      process.exit(err || codes.some((c) => c !== 0) ? 1 : 0);
    });
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down all workers');
      shutDown();
    });

  logger.info({ workers: config.workers }, 'starting workers');
  try {
    await fork(SAVER);
    await Promise.all(Array.from({ length: config.workers - 1 }, (_, i) => fork(SAVER + 1 + i)));
  } catch (err) {
    shutDown(err);
  }
}

/** In a worker: serves like a lone process, tells the primary when ready; only worker 1 saves snapshots. */
export async function runWorker(config: Config, logger: Logger): Promise<void> {
  const n = Number(process.env[WORKER_NUMBER]);
  const workerLogger = logger.child({ worker: n });
  const service = await startService(perWorker(config), workerLogger, { savesSnapshots: n === SAVER });
  handleSignals(service, workerLogger);
  await service.ready;
  process.send?.({ type: 'ready', memory: memoryMb() } satisfies ReadyMessage);
}

/**
 * Rate limits are counted in each process: a worker allows its share, so that the cluster as a
 * whole allows about the configured number (connections are dealt round-robin).
 */
function perWorker(config: Config): Config {
  const share = (limit: number) => Math.max(1, Math.ceil(limit / config.workers));
  return { ...config, rateLimits: { perIpPerMinute: share(config.rateLimits.perIpPerMinute), perKeyPerMinute: share(config.rateLimits.perKeyPerMinute) } };
}

export const isWorker = () => cluster.isWorker;
