// The segment map: a scatter of the run's sample on two chosen features, segments coloured (ECharts, canvas).
import { ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerChartParts, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { SegmentMap } from '../../../electron/api/segmentTypes.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { segmentMapOption } from './segmentMapOption.js';

registerChartParts([ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function SegmentMapChart(props: { map: SegmentMap }) {
  const { t, locale } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    chart.current ??= init(element.current, undefined, { renderer: 'canvas' });
    chart.current.setOption(segmentMapOption(props.map, t, locale), { notMerge: true });
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => window.removeEventListener('resize', resize);
  }, [props.map, t, locale]);

  useEffect(
    () => () => {
      chart.current?.dispose();
      chart.current = null;
    },
    [],
  );

  return <div ref={element} className="segment-map" data-testid="segment-map" role="img" />;
}
