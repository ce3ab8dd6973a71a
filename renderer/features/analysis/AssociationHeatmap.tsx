// The trait × product heatmap of a run: lift for every pair, or the rank correlation of the ordinal traits.
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { init, use as registerChartParts, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import type { AssociationMatrix } from '../../../electron/api/associationTypes.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { heatmapOption, type HeatmapMeasure } from './heatmapOption.js';

registerChartParts([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export function AssociationHeatmap(props: { matrix: AssociationMatrix }) {
  const { t, locale } = useI18n();
  const [measure, setMeasure] = useState<HeatmapMeasure>('lift');
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const rows = measure === 'lift' ? props.matrix.traits.length : props.matrix.correlations.length;

  useEffect(() => {
    if (!element.current) return;
    chart.current ??= init(element.current, undefined, { renderer: 'canvas' });
    chart.current.resize();
    chart.current.setOption(heatmapOption(props.matrix, measure, locale, t), { notMerge: true });
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => window.removeEventListener('resize', resize);
  }, [props.matrix, measure, locale, t]);

  useEffect(
    () => () => {
      chart.current?.dispose();
      chart.current = null;
    },
    [],
  );

  return (
    <section className="detail-section">
      <div className="association-head">
        <h3>{t('associations.heatmapTitle')}</h3>
        <div className="chips" role="radiogroup" aria-label={t('associations.measure')}>
          {(['lift', 'correlation'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={measure === m}
              className={`chip ${measure === m ? 'chip-on' : 'chip-off'}`}
              onClick={() => setMeasure(m)}
            >
              {m === 'lift' ? t('associations.lift') : t('associations.correlation')}
            </button>
          ))}
        </div>
      </div>
      <p className="cell-muted">
        {measure === 'lift' ? t('associations.liftHint') : t('associations.correlationHint')}
      </p>
      <div
        ref={element}
        className="association-heatmap"
        style={{ height: `${Math.max(200, rows * 18 + 130)}px` }}
        data-testid="association-heatmap"
        role="img"
        aria-label={t('associations.heatmapTitle')}
      />
    </section>
  );
}
