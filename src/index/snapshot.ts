// Index snapshots under DATA_DIR. Each save writes a new generation folder, then swaps the
// `current.json` pointer with an atomic rename: a crash leaves the old or the new snapshot,
// never a mix. Checksums in the pointer catch files damaged afterwards.
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { FacetIndex, type EntityAttributes } from './facet-index.js';
import { HnswVectorIndex } from './hnsw-index.js';
import type { VectorIndex } from './vector-index.js';

export interface SnapshotManifest {
  /** 2: attributes carry cluster membership. */
  format: 2;
  generation: string;
  modelId: string;
  dims: number;
  facets: string[];
  count: number;
  /** Last change-log sequence number the snapshot reflects. */
  lastSeq: number;
  checksums: Record<string, string>;
}

async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

async function writeDurably(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function saveSnapshot(dir: string, index: FacetIndex, meta: { modelId: string; lastSeq: number }): Promise<SnapshotManifest> {
  await mkdir(dir, { recursive: true });
  const generation = `gen-${Date.now()}-${process.pid}`;
  const genDir = path.join(dir, generation);
  await mkdir(genDir);
  const files: string[] = [];
  for (const [facet, vi] of index.indexes) files.push(...(await vi.save(path.join(genDir, facet))));
  const attributesFile = path.join(genDir, 'attributes.json');
  await writeDurably(attributesFile, JSON.stringify([...index.attributes]));
  files.push(attributesFile);
  const checksums: Record<string, string> = {};
  for (const f of files) checksums[path.basename(f)] = await sha256(f);
  const manifest: SnapshotManifest = {
    format: 2,
    generation,
    modelId: meta.modelId,
    dims: index.dims,
    facets: [...index.facets],
    count: index.size,
    lastSeq: meta.lastSeq,
    checksums,
  };
  const tmp = path.join(dir, `current.json.${process.pid}.tmp`);
  await writeDurably(tmp, JSON.stringify(manifest, null, 2));
  await rename(tmp, path.join(dir, 'current.json'));
  await removeOtherGenerations(dir, generation);
  return manifest;
}

async function removeOtherGenerations(dir: string, keep: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.startsWith('gen-') && entry.name !== keep) {
      await rm(path.join(dir, entry.name), { recursive: true, force: true });
    }
  }
}

export interface LoadedSnapshot {
  index: FacetIndex;
  manifest: SnapshotManifest;
}

/** Loads the current snapshot; throws with a reason when it is missing, damaged or inconsistent. */
export async function loadSnapshot(dir: string, efSearch?: number): Promise<LoadedSnapshot> {
  const manifest = JSON.parse(await readFile(path.join(dir, 'current.json'), 'utf8')) as SnapshotManifest;
  if (manifest.format !== 2) throw new Error(`snapshot format ${String(manifest.format)} is not the current one (2)`);
  const genDir = path.join(dir, manifest.generation);
  for (const [name, expected] of Object.entries(manifest.checksums)) {
    if ((await sha256(path.join(genDir, name))) !== expected) throw new Error(`checksum mismatch in ${name}`);
  }
  const indexes = new Map<string, VectorIndex>();
  for (const facet of manifest.facets) indexes.set(facet, await HnswVectorIndex.load(path.join(genDir, facet), efSearch));
  const first = indexes.values().next().value as HnswVectorIndex | undefined;
  const index = new FacetIndex(manifest.dims, manifest.facets, undefined, indexes);
  if (first && first.dims !== manifest.dims) throw new Error('dimension mismatch');
  const attributes = JSON.parse(await readFile(path.join(genDir, 'attributes.json'), 'utf8')) as [string, EntityAttributes][];
  for (const [id, attrs] of attributes) index.restoreAttributes(id, attrs);
  if (index.size !== manifest.count) throw new Error('entity count does not match the manifest');
  return { index, manifest };
}
