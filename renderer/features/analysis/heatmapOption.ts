// The ECharts option of the association heatmap: traits down, products across, coloured by lift (on a log
// scale, so ×0.5 and ×2 are equally far from ×1) or by the rank correlation of the ordinal traits. Pure.
import type { HeatmapSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { AssociationMatrix } from '../../../electron/api/associationTypes.js';
import type { MessageKey } from '../../app/i18n/zh.js';
import { formatCorrelation, formatLift, labelText, type Locale } from './associationFormat.js';

export type HeatmapMeasure = 'lift' | 'correlation';
export type HeatmapOption = ComposeOption<
  HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

/** Colour range of log2(lift): ×1/4 to ×4. */
const liftSpan = 2;

export interface HeatmapCell {
  /** Column (product), row (trait or ordinal family), colour value, and the text shown. */
  value: [number, number, number | '-'];
  text: string;
}

export interface HeatmapData {
  rows: string[];
  columns: string[];
  cells: HeatmapCell[];
}

export function heatmapData(matrix: AssociationMatrix, measure: HeatmapMeasure, locale: Locale): HeatmapData {
  const columns = matrix.products.map((p) => labelText(p.label, locale));
  if (measure === 'correlation') {
    return {
      rows: matrix.correlations.map((c) => labelText(c.label, locale)),
      columns,
      cells: matrix.correlations.flatMap((c, row) =>
        c.tau.map((tau, column) => ({
          value: [column, row, tau ?? '-'] as HeatmapCell['value'],
          text: formatCorrelation(tau),
        })),
      ),
    };
  }
  return {
    rows: matrix.traits.map((t) => labelText(t.label, locale)),
    columns,
    cells: matrix.lift.flatMap((liftRow, row) =>
      liftRow.map((lift, column) => ({
        value: [column, row, lift === null || lift <= 0 ? '-' : Math.log2(lift)] as HeatmapCell['value'],
        text: formatLift(lift),
      })),
    ),
  };
}

export function heatmapOption(
  matrix: AssociationMatrix,
  measure: HeatmapMeasure,
  locale: Locale,
  t: (key: MessageKey) => string,
): HeatmapOption {
  const data = heatmapData(matrix, measure, locale);
  const span = measure === 'lift' ? liftSpan : 1;
  return {
    animation: false,
    grid: { left: 150, right: 16, top: 8, bottom: 110 },
    tooltip: {
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const cell = data.cells[item?.dataIndex ?? -1];
        if (!cell) return '';
        const [column, row] = cell.value;
        const name = measure === 'lift' ? t('associations.lift') : t('associations.correlation');
        return `${data.rows[row]} × ${data.columns[column]}<br/>${name}: ${cell.text}`;
      },
    },
    xAxis: { type: 'category', data: data.columns, axisLabel: { rotate: 45, fontSize: 10, interval: 0 } },
    yAxis: { type: 'category', data: data.rows, inverse: true, axisLabel: { fontSize: 10, interval: 0 } },
    visualMap: {
      type: 'continuous',
      min: -span,
      max: span,
      calculable: false,
      show: false,
      inRange: { color: ['#2b6cb0', '#f7f9fb', '#c53030'] },
    },
    series: [
      {
        type: 'heatmap',
        data: data.cells.map((cell) => cell.value),
        emphasis: { itemStyle: { borderColor: '#12263f', borderWidth: 1 } },
      },
    ],
  };
}
