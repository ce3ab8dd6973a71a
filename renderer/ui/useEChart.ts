// An ECharts instance on a div: created on first option, updated when the option changes, resized with its
// box (the customer card and the analysis grid change width without a window resize), disposed on unmount.
// Callers register the chart parts they use and pass a memoised option.
import { init, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, type RefObject } from 'react';

export function useEChart(option: EChartsCoreOption | null): RefObject<HTMLDivElement | null> {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    if (!element.current || !option) return;
    chart.current ??= init(element.current, undefined, { renderer: 'canvas' });
    chart.current.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const box = element.current;
    if (!box) return;
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(box);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  return element;
}
