// One score's distribution over a run as a small bar chart, with its mean; credit says apart how many customers
// have no credit history, as they are not in the bars.
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { use as registerChartParts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import type { AnalysisScoreKey, ScoreDistribution } from '../../../electron/api/analysisTypes.js';
import { formatCount } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { useEChart } from '../../ui/useEChart.js';
import { scoreColours } from './scoreColours.js';
import { scoreHistogramOption } from './scoreHistogramOption.js';

registerChartParts([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export function ScoreHistogram(props: { scoreKey: AnalysisScoreKey; distribution: ScoreDistribution }) {
  const { t } = useI18n();
  const { scoreKey, distribution } = props;
  const option = useMemo(
    () => scoreHistogramOption(distribution, scoreColours[scoreKey], t),
    [distribution, scoreKey, t],
  );
  const element = useEChart(option);
  const scored = distribution.histogram.reduce((sum, n) => sum + n, 0);
  return (
    <figure className="panel score-histogram" data-testid={`histogram-${scoreKey}`}>
      <figcaption className="score-histogram-head">
        <span className="score-dot" style={{ background: scoreColours[scoreKey] }} aria-hidden="true" />
        <strong title={t(`score.${scoreKey}`)}>{t(`score.${scoreKey}`)}</strong>
        <span className="cell-muted">
          {scored > 0 ? t('analysis.mean', { mean: distribution.mean.toFixed(1) }) : t('analysis.noneScored')}
        </span>
      </figcaption>
      <div ref={element} className="histogram-chart" role="img" aria-label={t(`score.${scoreKey}`)} />
      <p className="score-histogram-foot" data-testid={`histogram-missing-${scoreKey}`}>
        {distribution.missing > 0
          ? t(scoreKey === 'credit' ? 'analysis.noCreditHistory' : 'analysis.notScored', {
              count: formatCount(distribution.missing),
            })
          : t('analysis.allScored', { count: formatCount(scored) })}
      </p>
    </figure>
  );
}
