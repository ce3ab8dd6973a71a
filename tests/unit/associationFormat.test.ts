// The association screens' formatting, sort toggling and heatmap cells, without a DOM.
import { describe, expect, test } from 'vitest';
import type { AssociationMatrix } from '../../electron/api/associationTypes.js';
import {
  formatCorrelation,
  formatLift,
  formatShare,
  parseMinLift,
  ruleSideText,
  toggleRuleSort,
} from '../../renderer/features/analysis/associationFormat.js';
import { heatmapData } from '../../renderer/features/analysis/heatmapOption.js';

describe('association formatting', () => {
  test('support and confidence as percentages, lift as a multiple, correlation signed', () => {
    expect(formatShare(0.0423)).toBe('4.2%');
    expect(formatShare(1)).toBe('100.0%');
    expect(formatShare(0)).toBe('0.0%');
    expect(formatShare(0.0005)).toBe('0.05%');
    expect(formatLift(2.345)).toBe('×2.35');
    expect(formatLift(null)).toBe('–');
    expect(formatCorrelation(0.314)).toBe('+0.31');
    expect(formatCorrelation(-0.2)).toBe('-0.20');
    expect(formatCorrelation(-0.001)).toBe('0.00');
    expect(formatCorrelation(0.001)).toBe('0.00');
    expect(formatCorrelation(null)).toBe('–');
  });

  test('a rule side reads in the chosen language', () => {
    const side = [
      { key: 'product:D04', label: { zh: '代发工资账户', en: 'Payroll account' } },
      { key: 'channel:mobile', label: { zh: '主渠道手机银行', en: 'Main channel mobile' } },
    ];
    expect(ruleSideText(side, 'zh')).toBe('代发工资账户 + 主渠道手机银行');
    expect(ruleSideText(side, 'en')).toBe('Payroll account + Main channel mobile');
  });

  test('a header click sorts a new column highest first and flips the same one', () => {
    const start = { column: 'confidence', direction: 'desc' } as const;
    expect(toggleRuleSort(start, 'lift')).toEqual({ column: 'lift', direction: 'desc' });
    expect(toggleRuleSort(start, 'confidence')).toEqual({ column: 'confidence', direction: 'asc' });
    expect(toggleRuleSort({ column: 'support', direction: 'asc' }, 'support')).toEqual({
      column: 'support',
      direction: 'desc',
    });
  });

  test('a typed minimum lift', () => {
    expect(parseMinLift('')).toEqual({ ok: true, value: undefined });
    expect(parseMinLift(' 1.5 ')).toEqual({ ok: true, value: 1.5 });
    expect(parseMinLift('-1')).toEqual({ ok: false });
    expect(parseMinLift('abc')).toEqual({ ok: false });
  });
});

describe('heatmap cells', () => {
  const matrix: AssociationMatrix = {
    runId: 3,
    baskets: 100,
    traits: [
      { key: 'age:over60', family: 'age', label: { zh: '年龄60 岁以上', en: 'Age over 60' }, count: 20 },
      { key: 'area:rural', family: 'area', label: { zh: '农村', en: 'Rural' }, count: 0 },
    ],
    products: [
      { key: 'product:D05', family: 'product', label: { zh: '养老金代发账户', en: 'Pension account' }, count: 25 },
    ],
    together: [[20], [0]],
    lift: [[4], [null]],
    correlations: [{ family: 'age', label: { zh: '年龄', en: 'Age' }, tau: [0.5] }],
  };

  test('lift on a log scale, empty cells marked, labels in the chosen language', () => {
    const data = heatmapData(matrix, 'lift', 'en');
    expect(data.rows).toEqual(['Age over 60', 'Rural']);
    expect(data.columns).toEqual(['Pension account']);
    expect(data.cells).toEqual([
      { value: [0, 0, 2], text: '×4.00' },
      { value: [0, 1, '-'], text: '–' },
    ]);
  });

  test('rank correlations, one row per ordinal trait', () => {
    const data = heatmapData(matrix, 'correlation', 'zh');
    expect(data.rows).toEqual(['年龄']);
    expect(data.cells).toEqual([{ value: [0, 0, 0.5], text: '+0.50' }]);
  });
});
