// Public surface of the engine wiring (opened with use-cases/open-engine.ts, which re-embeds first).
export { assembleEngine, closeEngine, type AssembleEngineOptions, type Engine } from './engine.js';
