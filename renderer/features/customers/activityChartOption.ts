// The ECharts option for a customer's monthly transactions per channel: stacked bars, one colour per
// channel. Pure, so it can be tested without a DOM.
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { CustomerActivity } from '../../../electron/api/types.js';
import type { Translate } from '../../app/i18n/i18n.js';

export const channelColours: Record<string, string> = {
  branch: '#12263f',
  atm_pos: '#2b6cb0',
  internet: '#6b46c1',
  mobile: '#0f7b74',
  phone: '#b7791f',
  agent: '#2f855a',
};

export type ActivityChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export function activityChartOption(activity: CustomerActivity, t: Translate): ActivityChartOption {
  return {
    animation: false,
    color: activity.series.map((s) => channelColours[s.channel] ?? '#8794a1'),
    grid: { left: 36, right: 8, top: 10, bottom: 56 },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 11 } },
    xAxis: { type: 'category', data: activity.months.map((m) => m.slice(2)), axisLabel: { fontSize: 10 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 } },
    series: activity.series.map((s) => ({
      name: t(`channel.${s.channel}`),
      type: 'bar',
      stack: 'transactions',
      barMaxWidth: 14,
      data: s.transactions,
    })),
  };
}
