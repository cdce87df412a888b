// Index snapshots under DATA_DIR. Each save writes a new generation folder, reads every file
// back, then swaps the `current.json` pointer with an atomic rename: a crash leaves the old or
// the new snapshot, never a mix, and a failed save (a full disk) removes its folder so it does
// not keep the disk full. Checksums in the pointer catch files damaged afterwards; a file
// damaged before its checksum was taken is caught by the structural check in hnsw-file.ts.
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { FacetIndex, type EntityAttributes } from './facet-index.js';
import { writeDurably } from './durable-file.js';
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
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/** Flushes a folder's entries (the new files, the renamed pointer) to disk. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Saves `index` as a new generation and points `current.json` at it. On any failure the new
 * generation folder is removed and the previous snapshot stays current; the error is rethrown.
 */
export async function saveSnapshot(dir: string, index: FacetIndex, meta: { modelId: string; lastSeq: number }): Promise<SnapshotManifest> {
  await mkdir(dir, { recursive: true });
  const generation = `gen-${Date.now()}-${process.pid}`;
  const genDir = path.join(dir, generation);
  const tmp = path.join(dir, `current.json.${process.pid}.tmp`);
  let manifest: SnapshotManifest;
  try {
    manifest = await writeGeneration(genDir, tmp, index, meta);
  } catch (err) {
    await rm(genDir, { recursive: true, force: true });
    await rm(tmp, { force: true });
    throw err;
  }
  // From here the new generation is whole on disk: the switch never removes it.
  await rename(tmp, path.join(dir, 'current.json'));
  await syncDir(dir);
  await removeOtherGenerations(dir, generation);
  return manifest;
}

/** Writes and verifies the generation's files and its manifest at `tmp`. */
async function writeGeneration(genDir: string, tmp: string, index: FacetIndex, meta: { modelId: string; lastSeq: number }): Promise<SnapshotManifest> {
  const generation = path.basename(genDir);
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
  await syncDir(genDir);
  await writeDurably(tmp, JSON.stringify(manifest, null, 2));
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
  for (const facet of manifest.facets) indexes.set(facet, await HnswVectorIndex.load(path.join(genDir, facet), efSearch, manifest.dims));
  const first = indexes.values().next().value as HnswVectorIndex | undefined;
  const index = new FacetIndex(manifest.dims, manifest.facets, undefined, indexes);
  if (first && first.dims !== manifest.dims) throw new Error('dimension mismatch');
  const attributes = JSON.parse(await readFile(path.join(genDir, 'attributes.json'), 'utf8')) as [string, EntityAttributes][];
  for (const [id, attrs] of attributes) index.restoreAttributes(id, attrs);
  if (index.size !== manifest.count) throw new Error('entity count does not match the manifest');
  return { index, manifest };
}
