// The segment map's chart option and the movement matrix's shading, without a DOM.
import { describe, expect, test } from 'vitest';
import type { SegmentMap } from '../../electron/api/segmentTypes.js';
import { translate } from '../../renderer/app/i18n/i18n.js';
import { movementShade } from '../../renderer/features/analysis/MovementMatrix.js';
import { lineageColour } from '../../renderer/features/analysis/segmentFormat.js';
import { segmentMapOption } from '../../renderer/features/analysis/segmentMapOption.js';

const map: SegmentMap = {
  runId: 3,
  x: 'deposits',
  y: 'digitalShare',
  sampled: 3,
  customers: 10,
  series: [
    {
      segment: 0,
      lineage: 4,
      name: { zh: '数字化', en: 'digital' },
      points: [
        [0, 0.5],
        [25_000, 0.9],
      ],
      customerIds: ['a', 'b'],
    },
    { segment: 1, lineage: 1, name: { zh: '网点忠诚', en: 'branch-loyal' }, points: [[800, 0.1]], customerIds: ['c'] },
  ],
};

describe('segment map option', () => {
  test('one series per segment, coloured by lineage; money on a log axis with nothing below ¥1', () => {
    const option = segmentMapOption(map, (key, params) => translate('en', key, params), 'en');
    const series = option.series as { name: string; color: string; data: number[][] }[];
    expect(series.map((s) => s.name)).toEqual(['1 · digital', '2 · branch-loyal']);
    expect(series.map((s) => s.color)).toEqual([lineageColour(4), lineageColour(1)]);
    expect(series[0]!.data).toEqual([
      [1, 0.5],
      [25_000, 0.9],
    ]);
    expect(option.xAxis).toMatchObject({ type: 'log', name: 'Deposits' });
    expect(option.yAxis).toMatchObject({ type: 'value', name: 'Digital share' });
  });

  test('movement cells shade with their count', () => {
    const alpha = (shade: string) => Number(/, ([\d.]+)\)$/.exec(shade)![1]);
    expect(alpha(movementShade(0, 100))).toBeCloseTo(0.08, 6);
    expect(alpha(movementShade(100, 100))).toBeCloseTo(0.8, 6);
    expect(alpha(movementShade(30, 100))).toBeLessThan(alpha(movementShade(60, 100)));
  });
});
