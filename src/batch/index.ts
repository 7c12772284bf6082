/** The batch engine: discovery, a worker pool with time and memory limits, manifest, index. */
export { runBatch, type BatchOptions } from './run.js';
export { ExtractPool, type PoolOptions, type TaskOutcome } from './pool.js';
export { forEachConcurrent } from './concurrent.js';
export { discoverInputs, DOCUMENT_EXTENSIONS, type Discovery, type DiscoveredInput } from './discover.js';
export { planOutputs, resolveInside, comparePaths } from './output-paths.js';
export { parseShard, inShard, type Shard } from './shard.js';
export { ManifestEntry, MANIFEST_NAME, readManifest, mergeManifest, serializeManifest, isUpToDate } from './manifest.js';
export { writeRecommendationIndex, indexFormatOf, type IndexFormat } from './recommendation-index.js';
export { toolVersion } from './version.js';
