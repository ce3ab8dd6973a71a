// The ECharts option for a customer's scores on a radar. A customer with no credit history has no credit axis:
// ECharts would draw a missing point at the centre, which reads as the worst credit. Pure.
import type { RadarSeriesOption } from 'echarts/charts';
import type { RadarComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import {
  analysisScoreKeys,
  type AnalysisScoreKey,
  type CustomerScoreCard,
} from '../../../electron/api/analysisTypes.js';
import type { Translate } from '../../app/i18n/i18n.js';

export type ScoreRadarOption = ComposeOption<RadarSeriesOption | RadarComponentOption | TooltipComponentOption>;

/** The axes the radar draws — the scores the customer has — each with its value to one decimal. */
export function radarAxes(card: CustomerScoreCard): { key: AnalysisScoreKey; value: number }[] {
  return analysisScoreKeys.flatMap((key) => {
    const score = card.scores[key].score;
    return score === null ? [] : [{ key, value: Math.round(score * 10) / 10 }];
  });
}

export function scoreRadarOption(card: CustomerScoreCard, colour: string, t: Translate): ScoreRadarOption {
  const axes = radarAxes(card);
  return {
    animation: false,
    radar: {
      center: ['50%', '52%'],
      radius: '64%',
      splitNumber: 4,
      indicator: axes.map((axis) => ({ name: `${t(`score.${axis.key}`)} ${axis.value.toFixed(0)}`, min: 0, max: 100 })),
      axisName: { color: '#52606d', fontSize: 11 },
      splitLine: { lineStyle: { color: '#e3e8ee' } },
      splitArea: { areaStyle: { color: ['#ffffff', '#f8fafc'] } },
      axisLine: { lineStyle: { color: '#e3e8ee' } },
    },
    series: [
      {
        type: 'radar',
        symbolSize: 5,
        lineStyle: { color: colour, width: 2 },
        itemStyle: { color: colour },
        areaStyle: { color: colour, opacity: 0.16 },
        data: [{ value: axes.map((axis) => axis.value) }],
      },
    ],
  };
}
