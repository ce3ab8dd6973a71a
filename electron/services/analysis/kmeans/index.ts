// k-means for customer segmentation: the engine, feature scaling and the silhouette that suggests k.
export { meanFeatureVariance } from './featureVariance.js';
export { kmeans } from './kmeans.js';
export type { KmeansMethod, KmeansOptions, KmeansResult } from './types.js';
export { SeededRandom } from './random.js';
