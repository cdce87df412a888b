// Starting the engine: stale vectors are re-embedded first, so the index is built from vectors
// of the current model; a snapshot made before that is not used.
import { assembleEngine, type AssembleEngineOptions, type Engine } from '../engine/index.js';
import { reembedStaleVectors } from './reembed-stale-vectors.js';

/** The engine's parts and settings; whether to ignore the snapshot is decided here. */
export type OpenEngineOptions = Omit<AssembleEngineOptions, 'ignoreSnapshot'>;

/** Re-embeds what is missing or stale, then opens the indexes and composes the engine. */
export async function openEngine(options: OpenEngineOptions): Promise<Engine> {
  const reembedded = await reembedStaleVectors({ repo: options.repo, embedder: options.embedder, logger: options.logger, onProgress: options.onProgress });
  return assembleEngine({ ...options, ignoreSnapshot: reembedded });
}
