// Waiting for SQLite's write lock without blocking the event loop.
//
// better-sqlite3 is synchronous: with a long busy_timeout, a service write that meets another
// process's write lock (a CLI import holds it until commit) sleeps inside SQLite on the one
// JavaScript thread, and every request waits with it (44.6 s measured, ending in ECONNRESET).
// So the writer connection gets a busy timeout of a few milliseconds and a write that finds the
// database locked is retried from a timer, with backoff, while requests go on being served.
import type { PrismaClient } from './generated/client.js';

/** Busy timeout of the writer connection: SQLite may block the thread this long per attempt. */
export const WRITER_BUSY_TIMEOUT_MS = 10;
/** How long a write keeps retrying before it fails with SQLite's "database is locked". */
export const WRITE_LOCK_WAIT_MS = 60_000;
const FIRST_BACKOFF_MS = 5;
const MAX_BACKOFF_MS = 100;

/**
 * Run first in every write transaction: a no-op write takes the write lock at once (a plain
 * BEGIN is deferred), so a busy database fails the transaction before anything was read or
 * consumed, and retrying the whole transaction is safe, even one fed by an async generator.
 */
export const SQLITE_TAKE_WRITE_LOCK = 'DELETE FROM "ChangeLog" WHERE 0';

/** True for SQLite's "database is locked" (SQLITE_BUSY and its extended codes). */
export function isSqliteBusy(err: unknown): boolean {
  const text = err instanceof Error ? `${err.message} ${JSON.stringify((err as { meta?: unknown }).meta ?? null)}` : String(err);
  return text.includes('SQLITE_BUSY');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it does not fail with SQLITE_BUSY, waiting on timers in between. */
export async function retryWhileBusy<T>(attempt: () => Promise<T>, waitMs = WRITE_LOCK_WAIT_MS): Promise<T> {
  const until = Date.now() + waitMs;
  let backoff = FIRST_BACKOFF_MS;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (!isSqliteBusy(err) || Date.now() + backoff > until) throw err;
    }
    await sleep(backoff);
    backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
  }
}

type TxFn = (tx: unknown) => Promise<unknown>;

/**
 * The writer client with every write retried while the database is locked: model writes and
 * raw statements directly, interactive transactions as a whole after taking the lock first.
 * Only what is called on this client is wrapped; statements inside a transaction run on
 * Prisma's own transaction client and never wait (the lock is already held). Wrapped model
 * calls return plain promises, so they cannot go into a batch `$transaction([...])`: use the
 * interactive form for several writes at once.
 */
export function retryingWriter(client: PrismaClient): PrismaClient {
  const wrapFn =
    (fn: (...args: unknown[]) => unknown, self: object) =>
    (...args: unknown[]) =>
      retryWhileBusy(() => Promise.resolve(fn.apply(self, args)));
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop === '$transaction' && typeof value === 'function') return transactionWithLock(value as (...args: unknown[]) => Promise<unknown>, target);
      if (typeof prop !== 'string') return value;
      if ((prop.startsWith('$executeRaw') || prop.startsWith('$queryRaw')) && typeof value === 'function')
        return wrapFn(value as (...args: unknown[]) => unknown, target);
      if (prop.startsWith('$') || prop.startsWith('_') || typeof value !== 'object' || value === null) return value;
      return modelDelegate(value, wrapFn);
    },
  });
}

function modelDelegate(delegate: object, wrapFn: (fn: (...args: unknown[]) => unknown, self: object) => unknown): object {
  return new Proxy(delegate, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? wrapFn(value as (...args: unknown[]) => unknown, target) : value;
    },
  });
}

function transactionWithLock(transaction: (...args: unknown[]) => Promise<unknown>, client: object) {
  return (arg: unknown, options?: unknown) => {
    // The batch form ($transaction([...])) takes already-created queries: it cannot be re-run.
    if (typeof arg !== 'function') return transaction.call(client, arg, options);
    const fn = arg as TxFn;
    return retryWhileBusy(() =>
      transaction.call(
        client,
        async (tx: { $executeRawUnsafe(sql: string): Promise<number> }) => {
          await tx.$executeRawUnsafe(SQLITE_TAKE_WRITE_LOCK);
          try {
            return await fn(tx);
          } catch (err) {
            // Past the lock, part of the work may be done (a generator consumed): never re-run it.
            if (isSqliteBusy(err)) throw new Error('the database was locked in the middle of a write transaction', { cause: err });
            throw err;
          }
        },
        options,
      ),
    );
  };
}
