// Segment names from centroids: the strongest traits beyond half a standard deviation, in both languages,
// different names for different segments, and "mainstream" for a segment that stands out on nothing.
import { describe, expect, test } from 'vitest';
import { nameSegments, rankedTraits } from '../../electron/services/analysis/segments/naming.js';
import type { SegmentFeatureKey } from '../../electron/services/analysis/segments/segmentFeatures.js';

const features: SegmentFeatureKey[] = ['deposits', 'digitalShare', 'branchShare', 'age'];

describe('segment names', () => {
  test('take the features furthest from the average, strongest first, high or low', () => {
    const names = nameSegments(
      [
        [1.8, -1.1, 1.4, 0.2], // rich, branch-bound, not digital
        [-0.3, 1.6, -1.2, -0.9], // young digital
      ].flat(),
      features,
    );
    expect(names[0]).toEqual({
      zh: '存款大户 · 网点忠诚 · 低数字化',
      en: 'large deposits · branch-loyal · low digital',
    });
    expect(names[1]).toEqual({ zh: '数字化 · 少到网点 · 年轻', en: 'digital · rarely at the branch · young' });
  });

  test('leave out features within half a standard deviation, and call a plain segment mainstream', () => {
    const names = nameSegments([0.9, 0.1, -0.2, 0.49, 0.1, -0.3, 0.2, 0.0].flat(), features);
    expect(names[0]!.en).toBe('large deposits');
    expect(names[1]).toEqual({ zh: '大众客户', en: 'mainstream customers' });
  });

  test('segments that would share a name take one more trait, or a number when nothing tells them apart', () => {
    const names = nameSegments(
      [
        [1.5, 0.1, 0.0, 0.3],
        [1.4, 0.1, 0.0, -0.3],
        [0.1, 0.1, 0.1, 0.1],
        [0.1, 0.1, 0.1, 0.1],
      ].flat(),
      features,
    );
    expect(names[0]!.en).toBe('large deposits · older');
    expect(names[1]!.en).toBe('large deposits · young');
    expect(names[2]!.en).toBe(names[3]!.en.replace(' (2)', ''));
    expect(names[3]!.en.endsWith(' (2)')).toBe(true);
    expect(new Set(names.map((n) => n.zh)).size).toBe(4);
  });

  test('rank every trait by its distance from the average', () => {
    expect(rankedTraits([0.2, -2, 1, 0], features).map((t) => t.feature)).toEqual([
      'digitalShare',
      'branchShare',
      'deposits',
      'age',
    ]);
  });
});
