// The customer card's 24-month chart of transactions per channel (ECharts on a canvas).
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerChartParts, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import type { CustomerActivity } from '../../../electron/api/types.js';
import { useApi } from '../../app/apiContext.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { activityChartOption } from './activityChartOption.js';

registerChartParts([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function ActivityChart(props: { customerId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [activity, setActivity] = useState<{ id: string; value: CustomerActivity } | null>(null);

  useEffect(() => {
    let live = true;
    void api.call('customers.activity', { customerId: props.customerId }).then((result) => {
      if (live && result.ok) setActivity({ id: props.customerId, value: result.value });
    });
    return () => {
      live = false;
    };
  }, [api, props.customerId]);

  const current = activity?.id === props.customerId ? activity.value : null;

  useEffect(() => {
    if (!element.current || !current || current.months.length === 0) return;
    chart.current ??= init(element.current, undefined, { renderer: 'canvas' });
    chart.current.setOption(activityChartOption(current, t), { notMerge: true });
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => window.removeEventListener('resize', resize);
  }, [current, t]);

  useEffect(
    () => () => {
      chart.current?.dispose();
      chart.current = null;
    },
    [],
  );

  if (current && current.months.length === 0) return null;
  return (
    <section className="detail-section">
      <h3>{t('detail.activityChart', { months: current?.months.length ?? 24 })}</h3>
      <div ref={element} className="activity-chart" data-testid="activity-chart" role="img" />
    </section>
  );
}
