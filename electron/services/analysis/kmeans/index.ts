// k-means for customer segmentation: the engine, feature scaling and the silhouette that suggests k.
export { meanFeatureVariance } from './featureVariance.js';
export { kmeans, kmeansPlusPlus } from './kmeans.js';
export { SeededRandom } from './random.js';
export { sampleRows, silhouetteScore, type SilhouetteOptions } from './silhouette.js';
export { standardize, unstandardize, signedLog1p, type FeatureScaling } from './standardize.js';
export { suggestK, type KCandidate, type SuggestKOptions } from './suggestK.js';
export type { KmeansMethod, KmeansOptions, KmeansResult } from './types.js';
