// The segments tab's colours: one per lineage, kept from run to run, and movement cells shaded by their count.
import { describe, expect, test } from 'vitest';
import { lineageColour, movementShade } from '../../renderer/features/analysis/segmentColours.js';

describe('segment colours', () => {
  test('a lineage keeps its colour; neighbouring lineages differ', () => {
    expect(lineageColour(3)).toBe(lineageColour(3));
    const first = Array.from({ length: 9 }, (_, i) => lineageColour(i + 1));
    expect(new Set(first).size).toBe(9);
    expect(lineageColour(10)).toBe(lineageColour(1));
  });

  test('movement cells shade with their count', () => {
    const alpha = (shade: string) => Number(/, ([\d.]+)\)$/.exec(shade)![1]);
    expect(alpha(movementShade(0, 100))).toBeCloseTo(0.08, 6);
    expect(alpha(movementShade(100, 100))).toBeCloseTo(0.8, 6);
    expect(alpha(movementShade(30, 100))).toBeLessThan(alpha(movementShade(60, 100)));
    expect(alpha(movementShade(0, 0))).toBeCloseTo(0.08, 6);
  });
});
