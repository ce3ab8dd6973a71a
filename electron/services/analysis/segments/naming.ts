// Names segments in a banker's words from their centroids: the features on which a segment sits furthest from
// the branch's average (|z-score| of the centroid), strongest first, as "存款大户 · 网点忠诚 · 年长".
import type { Label } from '../../../api/analysisTypes.js';
import type { SegmentFeatureKey } from './segmentFeatures.js';
import { mainstreamName, nameSeparator, traitLabel } from './traitPhrases.js';

/** A feature counts in a name when the centroid is at least this many standard deviations from the average. */
export const nameThreshold = 0.5;
/** At most this many features in a name, unless more are needed to tell two segments apart. */
export const nameLength = 3;

export interface Trait {
  feature: SegmentFeatureKey;
  z: number;
}

/** Every feature of a centroid (row of z-scores), furthest from the average first; ties keep the feature order. */
export function rankedTraits(centroid: ArrayLike<number>, features: readonly SegmentFeatureKey[]): Trait[] {
  return features.map((feature, f) => ({ feature, z: centroid[f]! })).sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
}

function joined(traits: readonly Trait[]): Label {
  if (traits.length === 0) return mainstreamName;
  const labels = traits.map((t) => traitLabel(t.feature, t.z));
  return { zh: labels.map((l) => l.zh).join(nameSeparator), en: labels.map((l) => l.en).join(nameSeparator) };
}

/**
 * One name per segment (centroids row-major, k × features). Each takes its strongest traits beyond the
 * threshold, up to three; segments that would share a name take one more trait each until they differ or
 * run out of features, and any still alike are numbered (the larger segment — the lower number — first).
 */
export function nameSegments(centroids: ArrayLike<number>, features: readonly SegmentFeatureKey[]): Label[] {
  const d = features.length;
  const k = Math.floor(centroids.length / d);
  const ranked = Array.from({ length: k }, (_, s) =>
    rankedTraits(
      Array.from({ length: d }, (_, f) => centroids[s * d + f]!),
      features,
    ),
  );
  const lengths = ranked.map((traits) =>
    Math.min(nameLength, traits.filter((t) => Math.abs(t.z) >= nameThreshold).length),
  );
  const names = () => ranked.map((traits, s) => joined(traits.slice(0, lengths[s])));
  for (;;) {
    const current = names();
    let extended = false;
    const groups = new Map<string, number[]>();
    current.forEach((name, s) => groups.set(name.en, [...(groups.get(name.en) ?? []), s]));
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      for (const s of members) {
        if (lengths[s]! < d) {
          lengths[s]! += 1;
          extended = true;
        }
      }
    }
    if (!extended) break;
  }
  const final = names();
  const seen = new Map<string, number>();
  return final.map((name) => {
    const count = (seen.get(name.en) ?? 0) + 1;
    seen.set(name.en, count);
    return count === 1 ? name : { zh: `${name.zh} (${count})`, en: `${name.en} (${count})` };
  });
}
