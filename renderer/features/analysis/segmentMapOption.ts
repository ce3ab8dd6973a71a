// The ECharts option of the segment map: the run's sample of customers on two of its features, one colour per
// segment (kept by lineage across runs). Money axes are logarithmic, as the segmentation sees them; amounts
// below ¥1 sit on ¥1 there, since a log axis has no zero. Pure, so it can be tested without a DOM.
import type { ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { SegmentMap, SegmentFeatureKey } from '../../../electron/api/segmentTypes.js';
import { segmentFeatureUnits } from '../../../electron/api/segmentTypes.js';
import type { Locale, Translate } from '../../app/i18n/i18n.js';
import { lineageColour } from './segmentColours.js';
import { formatFeatureValue } from './segmentFormat.js';

export type SegmentMapOption = ComposeOption<
  ScatterSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

const isMoney = (feature: SegmentFeatureKey) => segmentFeatureUnits[feature] === 'yuan';

function axis(feature: SegmentFeatureKey, t: Translate, locale: Locale, vertical: boolean) {
  return {
    type: isMoney(feature) ? ('log' as const) : ('value' as const),
    name: t(`segments.feature.${feature}`),
    nameLocation: 'middle' as const,
    nameGap: vertical ? 56 : 28,
    scale: true,
    min: isMoney(feature) ? 1 : undefined,
    axisLabel: { fontSize: 10, formatter: (value: number) => formatFeatureValue(feature, value, locale) },
    splitLine: { lineStyle: { color: '#eef1f4' } },
  };
}

export function segmentMapOption(map: SegmentMap, t: Translate, locale: Locale): SegmentMapOption {
  const place = (feature: SegmentFeatureKey, value: number) => (isMoney(feature) ? Math.max(1, value) : value);
  return {
    animation: false,
    // Segment names run to three phrases: a column of them beside the map reads better than a wrapped row.
    grid: { left: 72, right: 250, top: 16, bottom: 48 },
    legend: {
      orient: 'vertical',
      right: 0,
      top: 16,
      itemWidth: 10,
      itemHeight: 10,
      itemGap: 12,
      textStyle: { fontSize: 11, width: 220, overflow: 'break', lineHeight: 15 },
    },
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const [x, y] = (item?.value ?? [0, 0]) as [number, number];
        return `${item?.seriesName ?? ''}<br/>${t(`segments.feature.${map.x}`)}: ${formatFeatureValue(map.x, x, locale)}<br/>${t(`segments.feature.${map.y}`)}: ${formatFeatureValue(map.y, y, locale)}`;
      },
    },
    xAxis: axis(map.x, t, locale, false),
    yAxis: axis(map.y, t, locale, true),
    series: map.series.map((series) => ({
      type: 'scatter',
      name: `${series.segment + 1} · ${series.name[locale]}`,
      color: lineageColour(series.lineage),
      symbolSize: 4,
      itemStyle: { opacity: 0.55 },
      large: true,
      data: series.points.map(([x, y]) => [place(map.x, x), place(map.y, y)]),
    })),
  };
}
