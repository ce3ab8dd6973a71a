// The ECharts option for one score's distribution over a run: customers per tenth of the 0–100 scale. Pure, so it
// can be tested without a DOM.
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ScoreDistribution } from '../../../electron/api/analysisTypes.js';
import type { Translate } from '../../app/i18n/i18n.js';
import { formatCount } from '../../app/format.js';

export type ScoreHistogramOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

/** "0–9", "10–19", … "90–100": the last bin holds the perfect scores too. */
export function histogramBins(bins: number): string[] {
  const width = 100 / bins;
  return Array.from({ length: bins }, (_, k) => {
    const low = Math.round(k * width);
    const high = k === bins - 1 ? 100 : Math.round((k + 1) * width) - 1;
    return `${low}–${high}`;
  });
}

export function scoreHistogramOption(
  distribution: ScoreDistribution,
  colour: string,
  t: Translate,
): ScoreHistogramOption {
  const bins = histogramBins(distribution.histogram.length);
  return {
    animation: false,
    color: [colour],
    grid: { left: 44, right: 6, top: 8, bottom: 22 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex: number; value: number };
        return t('analysis.histogramTip', {
          range: bins[first.dataIndex] ?? '',
          count: formatCount(first.value),
        });
      },
    },
    xAxis: {
      type: 'category',
      data: bins,
      axisTick: { show: false },
      axisLabel: { fontSize: 10, color: '#8794a1', interval: 1, formatter: (bin: string) => bin.split('–')[0] ?? bin },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      splitNumber: 3,
      axisLabel: { fontSize: 10, color: '#8794a1' },
      splitLine: { lineStyle: { color: '#eef2f5' } },
    },
    series: [{ type: 'bar', data: distribution.histogram, barCategoryGap: '12%' }],
  };
}
