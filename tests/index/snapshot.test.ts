import { createHash } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { normalize } from '../../src/embedding/index.js';
import { FacetIndex, loadSnapshot, saveSnapshot } from '../../src/index/index.js';
import { DamagedIndexFileError } from '../../src/index/hnsw-file.js';
import { tempDir } from '../helpers.js';

let cleanup = () => {};
afterEach(() => cleanup());

function sample(): FacetIndex {
  const index = new FacetIndex(4, ['profile', 'needs']);
  index.upsert(
    'a',
    { country: 'FI', sectors: ['ict'], partnerTypes: [] },
    { profile: normalize(new Float32Array([1, 2, 3, 4])), needs: normalize(new Float32Array([4, 3, 2, 1])) },
  );
  // An empty needs text gives a zero vector: not indexed in that facet.
  index.upsert(
    'b',
    { country: 'SE', sectors: [], partnerTypes: ['investor'] },
    { profile: normalize(new Float32Array([1, 0, 0, 0])), needs: new Float32Array(4) },
  );
  return index;
}

describe('index snapshots', () => {
  it('round-trip vectors, attributes and the change-log position', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    await saveSnapshot(t.dir, sample(), { modelId: 'm1', lastSeq: 42 });
    const { index, manifest } = await loadSnapshot(t.dir);
    expect(manifest).toMatchObject({ modelId: 'm1', lastSeq: 42, count: 2, dims: 4 });
    expect(index.attributes.get('b')).toEqual({ country: 'SE', sectors: [], partnerTypes: ['investor'] });
    expect(index.facet('needs').has('b')).toBe(false);
    expect(index.facet('profile').get('a')).toEqual(sample().facet('profile').get('a'));
  });

  it('keeps exactly one generation after repeated saves', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    for (let i = 0; i < 3; i++) await saveSnapshot(t.dir, sample(), { modelId: 'm1', lastSeq: i });
    expect(readdirSync(t.dir).filter((f) => f.startsWith('gen-'))).toHaveLength(1);
    expect((await loadSnapshot(t.dir)).manifest.lastSeq).toBe(2);
  });

  it('detects a damaged file', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const manifest = await saveSnapshot(t.dir, sample(), { modelId: 'm1', lastSeq: 1 });
    appendFileSync(path.join(t.dir, manifest.generation, 'profile.hnsw'), 'garbage');
    await expect(loadSnapshot(t.dir)).rejects.toThrow(/checksum mismatch/);
    expect(JSON.parse(readFileSync(path.join(t.dir, 'current.json'), 'utf8')).generation).toBe(manifest.generation);
  });

  it('reports a missing snapshot', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    await expect(loadSnapshot(t.dir)).rejects.toThrow(/ENOENT/);
  });
});

describe('a damaged graph file whose checksum matches', () => {
  // hnswlib trusts its files: without the structural check these would crash the test process.
  const cases: [string, (bytes: Buffer) => Buffer][] = [
    ['truncated', (b) => b.subarray(0, b.byteLength - 10)],
    [
      'a wrong point count in the header',
      (b) => {
        b.writeBigUInt64LE(3n, 16);
        return b;
      },
    ],
    [
      'a link to a point that does not exist',
      (b) => {
        b.writeUInt32LE(0x7fff_ffff, 96 + 4);
        return b;
      },
    ],
  ];
  it.each(cases)('%s: refused before hnswlib reads it', async (_name, change) => {
    const t = tempDir();
    cleanup = t.cleanup;
    const manifest = await saveSnapshot(t.dir, sample(), { modelId: 'm1', lastSeq: 1 });
    const file = path.join(t.dir, manifest.generation, 'profile.hnsw');
    writeFileSync(file, change(readFileSync(file)));
    manifest.checksums['profile.hnsw'] = createHash('sha256').update(readFileSync(file)).digest('hex');
    writeFileSync(path.join(t.dir, 'current.json'), JSON.stringify(manifest));
    await expect(loadSnapshot(t.dir)).rejects.toThrow(DamagedIndexFileError);
  });
});
