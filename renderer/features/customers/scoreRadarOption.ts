// The ECharts option for a customer's five scores on a radar. A customer with no credit history has no point on
// the credit axis (the axis says so) rather than a zero, which would read as bad credit. Pure.
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

/** The radar's values in axis order; null where the score does not apply. */
export function radarValues(card: CustomerScoreCard): (number | null)[] {
  return analysisScoreKeys.map((key) => {
    const score = card.scores[key].score;
    return score === null ? null : Math.round(score * 10) / 10;
  });
}

export function axisName(key: AnalysisScoreKey, card: CustomerScoreCard, t: Translate): string {
  const score = card.scores[key].score;
  return score === null
    ? `${t(`score.${key}`)}\n${t('scores.noCreditShort')}`
    : `${t(`score.${key}`)} ${score.toFixed(0)}`;
}

export function scoreRadarOption(card: CustomerScoreCard, colour: string, t: Translate): ScoreRadarOption {
  const values = radarValues(card);
  return {
    animation: false,
    radar: {
      center: ['50%', '55%'],
      radius: '68%',
      splitNumber: 4,
      indicator: analysisScoreKeys.map((key) => ({ name: axisName(key, card, t), min: 0, max: 100 })),
      axisName: { color: '#52606d', fontSize: 11, lineHeight: 14 },
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
        // ECharts leaves out a point given as '-' and joins its neighbours.
        data: [{ value: values.map((v) => (v === null ? '-' : v)) as (number | '-')[] }],
      },
    ],
  };
}
