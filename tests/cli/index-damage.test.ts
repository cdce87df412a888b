// Item 8 of issue 14: an index file damaged in a way its checksum does not catch (hnswlib's
// writeIndex can leave a short file without an error, and the checksum is then taken of the
// short file) used to crash every start inside hnswlib (SIGSEGV, exit 139). The real service
// is started as its own process on each kind of damage; it must rebuild from the database,
// answer partners correctly, and shut down cleanly.
import { createHash } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallSet } from '../fixtures/small-set.js';
import { databaseFor, runTsx, startServiceProcess, tempDir, waitForLog } from '../helpers.js';
import { leftoversAfterAll } from './leftovers.js';

const ADMIN = 'damage-test-admin-key-0123456789';
const { running, cleanups } = leftoversAfterAll();

interface Manifest {
  generation: string;
  checksums: Record<string, string>;
}

/** Damages `<facet>.hnsw` of the current snapshot and, as a bug would, records its new checksum. */
function damage(dataDir: string, facet: string, change: (bytes: Buffer, file: string) => void): void {
  const pointer = path.join(dataDir, 'index', 'current.json');
  const manifest = JSON.parse(readFileSync(pointer, 'utf8')) as Manifest;
  const file = path.join(dataDir, 'index', manifest.generation, `${facet}.hnsw`);
  change(readFileSync(file), file);
  manifest.checksums[`${facet}.hnsw`] = createHash('sha256').update(readFileSync(file)).digest('hex');
  writeFileSync(pointer, JSON.stringify(manifest));
}

const DAMAGES: [string, string, (bytes: Buffer, file: string) => void][] = [
  ['truncated in the middle', 'profile', (bytes, file) => truncateSync(file, Math.floor(bytes.byteLength / 2))],
  ['truncated to a part of its header', 'offers', (_bytes, file) => truncateSync(file, 40)],
  [
    'header overwritten (size_data_per_element)',
    'needs',
    (bytes, file) => {
      bytes.writeBigUInt64LE(BigInt(bytes.readBigUInt64LE(24)) * 8n, 24);
      writeFileSync(file, bytes);
    },
  ],
  [
    'header overwritten (cur_element_count)',
    'profile',
    (bytes, file) => {
      bytes.writeBigUInt64LE(1_000_000n, 16);
      writeFileSync(file, bytes);
    },
  ],
  [
    'a level-0 link naming a point that does not exist',
    'profile',
    (bytes, file) => {
      bytes.writeUInt32LE(0x7fff_ffff, 96 + 4);
      writeFileSync(file, bytes);
    },
  ],
];

describe('a damaged index file whose checksum matches', () => {
  it.each(DAMAGES)(
    '%s: the service rebuilds, answers partners and exits cleanly',
    async (_name, facet, change) => {
      const t = tempDir();
      cleanups.push(t.cleanup);
      const env = { ...process.env, DATA_DIR: t.dir, DATABASE_URL: await databaseFor(t.dir), NORDICHUB_ADMIN_KEY: ADMIN, LOG_LEVEL: 'info' };
      writeFileSync(path.join(t.dir, 'set.json'), JSON.stringify(smallSet()));
      const imported = await runTsx(['src/cli/main.ts', 'import', path.join(t.dir, 'set.json')], env);
      expect(imported.code, imported.stderr).toBe(0);
      // The first start builds and saves a good snapshot; SIGTERM saves it again on the way out.
      const first = await startServiceProcess(env);
      running.push(first);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      damage(t.dir, facet, change);
      const s = await startServiceProcess(env);
      running.push(s);
      await waitForLog(s, /index snapshot unusable; rebuilding/);
      expect(s.output()).toMatch(/index snapshot unusable; rebuilding/);
      const health = (await (await fetch(`${s.base}/healthz`)).json()) as { companies: number };
      expect(health.companies).toBe(8);
      const partners = (await (await fetch(`${s.base}/api/v1/companies/fi-pack/partners?limit=3`)).json()) as { results: { company: { id: string } }[] };
      expect(partners.results[0]!.company.id).toBe('se-dist');
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
    },
    120_000,
  );
});
