// The pure parts of the analysis page and the customer card's score panel: how factors read in a banker's words,
// which factor a score's sentence names, the charts' options, the count lists, the route.
import { describe, expect, test } from 'vitest';
import type { CustomerScoreCard, ScoreFactorView } from '../../electron/api/analysisTypes.js';
import { formatDateTime, formatSeconds } from '../../renderer/app/format.js';
import { translate, type Translate } from '../../renderer/app/i18n/i18n.js';
import { analysisHref, parseRoute } from '../../renderer/app/navigation.js';
import { formatShare, rankedCounts } from '../../renderer/features/analysis/countRows.js';
import { histogramBins, scoreHistogramOption } from '../../renderer/features/analysis/scoreHistogramOption.js';
import {
  classificationText,
  factorValueText,
  factorWeightText,
  formatMarginRate,
} from '../../renderer/features/customers/factorText.js';
import { radarAxes, scoreRadarOption } from '../../renderer/features/customers/scoreRadarOption.js';
import { largestProfitPart, strongestFactor, weakestFactor } from '../../renderer/features/customers/scoreReasons.js';

const zh: Translate = (key, params) => translate('zh', key, params);
const en: Translate = (key, params) => translate('en', key, params);

function factor(unit: string, value: number | null, weight = 20, share = 10, degree = 0.5): ScoreFactorView {
  return { key: unit, labelEn: unit, labelZh: unit, unit, value, weight, degree, share };
}

describe('factor values as a manager reads them', () => {
  test('money, counts, months, days, categories, shares and flags', () => {
    expect(factorValueText(factor('fen', 9_538_890), 'zh', zh)).toBe('9.54万');
    expect(factorValueText(factor('fen', 9_538_890), 'en', en)).toBe('¥95,388.90');
    expect(factorValueText(factor('count', 36), 'zh', zh)).toBe('36 笔');
    expect(factorValueText(factor('count', 1234), 'en', en)).toBe('1,234');
    expect(factorValueText(factor('months', 9), 'zh', zh)).toBe('9 个月');
    expect(factorValueText(factor('days', 12), 'en', en)).toBe('12 days');
    expect(factorValueText(factor('categories', 3), 'zh', zh)).toBe('3 类');
    expect(factorValueText(factor('ratio', 0.8571), 'zh', zh)).toBe('85.7%');
    expect(factorValueText(factor('flag', 1), 'zh', zh)).toBe('是');
    expect(factorValueText(factor('flag', 0), 'en', en)).toBe('no');
  });

  test('an unknown value says none recorded, not zero', () => {
    expect(factorValueText(factor('days', null), 'zh', zh)).toBe('无记录');
    expect(factorValueText(factor('ratio', null), 'en', en)).toBe('none recorded');
  });

  test('the worst five-category class by its code; code 0 means no loans', () => {
    expect(factorValueText(factor('classification', 1), 'zh', zh)).toBe('正常');
    expect(factorValueText(factor('classification', 3), 'zh', zh)).toBe('次级');
    expect(factorValueText(factor('classification', 5), 'en', en)).toBe(translate('en', 'class.loss'));
    expect(factorValueText(factor('classification', 0), 'zh', zh)).toBe('无贷款');
    expect(classificationText('special_mention', zh)).toBe('关注');
    expect(classificationText('none', zh)).toBeNull();
    expect(classificationText('bogus', zh)).toBeNull();
  });

  test('contribution is weighted by margins, the other scores by the points a factor can give', () => {
    expect(formatMarginRate(0.015)).toBe('1.5%');
    expect(formatMarginRate(0.006)).toBe('0.6%');
    expect(formatMarginRate(1)).toBe('100%');
    expect(factorWeightText('contribution', factor('fen', 1, 0.025), zh)).toBe('× 2.5%');
    expect(factorWeightText('activity', factor('count', 1, 25), zh)).toBe('25 分');
    expect(factorWeightText('loyalty', factor('months', 1, 33.333), en)).toBe('33.3 pts');
  });
});

describe('what a score sentence names', () => {
  const factors = [
    { ...factor('count', 40), key: 'transactions', weight: 25, share: 20 },
    { ...factor('days', 200), key: 'recency', weight: 20, share: 6 },
    { ...factor('months', 12), key: 'monthsActive', weight: 25, share: 25 },
    { ...factor('count', 0), key: 'cardSwipes', weight: 15, share: 0 },
  ];

  test('the factor that gave most points, and the one that lost most', () => {
    expect(strongestFactor(factors)?.key).toBe('monthsActive');
    expect(weakestFactor(factors)).toEqual({ factor: factors[3], lost: 15 });
  });

  test('a perfect score loses nothing and a zero score names no strongest factor', () => {
    const full = factors.map((f) => ({ ...f, share: f.weight }));
    expect(weakestFactor(full)).toBeNull();
    const none = factors.map((f) => ({ ...f, share: 0 }));
    expect(strongestFactor(none)).toBeNull();
  });

  test('contribution names the largest part of the profit, with its share of it', () => {
    const parts = [
      { ...factor('fen', 100), key: 'deposits', degree: 0.571 },
      { ...factor('fen', 100), key: 'loans', degree: 0.416 },
      { ...factor('fen', 100), key: 'fees', degree: 0.013 },
      { ...factor('fen', 0), key: 'wealth', degree: 0 },
    ];
    expect(largestProfitPart(parts)).toEqual({ factor: parts[0], ofProfit: 0.571 });
    expect(largestProfitPart(parts.map((p) => ({ ...p, degree: 0 })))).toBeNull();
  });
});

function card(credit: number | null): CustomerScoreCard {
  const entry = (score: number | null) => ({ score, factors: [], sincePrevious: null });
  return {
    runId: 3,
    asOfMonth: '2026-10',
    modelVersion: 'm0',
    scores: {
      contribution: entry(70.14),
      activity: entry(15.3),
      channel: entry(76),
      credit: entry(credit),
      loyalty: entry(92.26),
    },
    previousRun: null,
    composite: { value: 60, parts: [] },
    profitFen: 250_650,
    tier: 'key',
    tierLabel: { zh: '重点客户', en: 'Key' },
    credit:
      credit === null
        ? { state: 'no_history', grade: null, classification: 'none' }
        : { state: 'scored', grade: 'AA', classification: 'normal' },
    channel: { shares: { branch: 0, atm_pos: 0, internet: 0, mobile: 1, phone: 0, agent: 0 }, dominant: 'mobile' },
    vetoes: [],
    personas: [],
    factorsMatchRun: true,
  };
}

describe('the radar of the scores', () => {
  test('the five scores in axis order, to one decimal', () => {
    expect(radarAxes(card(88))).toEqual([
      { key: 'contribution', value: 70.1 },
      { key: 'activity', value: 15.3 },
      { key: 'channel', value: 76 },
      { key: 'credit', value: 88 },
      { key: 'loyalty', value: 92.3 },
    ]);
    const option = scoreRadarOption(card(88), '#000', en);
    const radar = option.radar as { indicator: { name: string }[] };
    expect(radar.indicator.map((i) => i.name)).toEqual([
      'Contribution 70',
      'Activity 15',
      'Channel preference 76',
      'Credit 88',
      'Loyalty 92',
    ]);
  });

  test('no credit history leaves the credit axis out instead of drawing a zero at the centre', () => {
    const option = scoreRadarOption(card(null), '#000', zh);
    const radar = option.radar as { indicator: { name: string }[] };
    expect(radar.indicator.map((i) => i.name)).toEqual(['贡献度 70', '活跃度 15', '渠道偏好 76', '忠诚度 92']);
    const series = option.series as { data: { value: number[] }[] }[];
    expect(series[0]!.data[0]!.value).toEqual([70.1, 15.3, 76, 92.3]);
  });
});

describe('score histograms', () => {
  test('ten bins from 0–9 to 90–100', () => {
    expect(histogramBins(10)).toEqual([
      '0–9',
      '10–19',
      '20–29',
      '30–39',
      '40–49',
      '50–59',
      '60–69',
      '70–79',
      '80–89',
      '90–100',
    ]);
  });

  test('the bars are the histogram and the tooltip names the range and count', () => {
    const histogram = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1200];
    const option = scoreHistogramOption({ histogram, mean: 70, missing: 0 }, '#123456', zh);
    const series = option.series as { data: number[] }[];
    expect(series[0]!.data).toEqual(histogram);
    const tooltip = option.tooltip as { formatter: (params: unknown) => string };
    expect(tooltip.formatter([{ dataIndex: 9, value: 1200 }])).toBe('90–100 分：1,200 位客户');
  });
});

describe('count lists', () => {
  test('largest first, ties in their given order', () => {
    const rows = [
      { key: 'a', label: 'A', count: 5 },
      { key: 'b', label: 'B', count: 9 },
      { key: 'c', label: 'C', count: 5 },
      { key: 'd', label: 'D', count: 0 },
    ];
    expect(rankedCounts(rows).map((r) => r.key)).toEqual(['b', 'a', 'c', 'd']);
  });

  test('shares of the run, tiny ones not shown as zero', () => {
    expect(formatShare(530, 2000)).toBe('26.5%');
    expect(formatShare(1, 2_000_000)).toBe('<0.1%');
    expect(formatShare(0, 2000)).toBe('0.0%');
    expect(formatShare(3, 0)).toBe('—');
  });
});

describe('route and formats', () => {
  test('the analysis page and its tabs have their own addresses', () => {
    expect(parseRoute('#/analysis')).toEqual({ page: 'analysis', tab: null });
    expect(parseRoute(analysisHref('segments'))).toEqual({ page: 'analysis', tab: 'segments' });
    expect(parseRoute('#/import')).toEqual({ page: 'import' });
    expect(parseRoute('#/customers/0341')).toEqual({ page: 'customers', customerId: '0341' });
  });

  test('run times in local time to the minute; durations to two decimals under ten seconds', () => {
    expect(formatDateTime(new Date(2026, 10, 23, 9, 5, 59).toISOString())).toBe('2026-11-23 09:05');
    expect(formatDateTime('not a date')).toBe('not a date');
    expect(formatSeconds(0.2468)).toBe('0.25');
    expect(formatSeconds(12.44)).toBe('12.4');
  });
});
