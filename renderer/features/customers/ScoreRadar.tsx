// The customer's scores on a radar (ECharts on a canvas); without credit history, four, and a note why.
import { RadarChart } from 'echarts/charts';
import { RadarComponent, TooltipComponent } from 'echarts/components';
import { use as registerChartParts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import type { CustomerScoreCard } from '../../../electron/api/analysisTypes.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { useEChart } from '../../ui/useEChart.js';
import { scoreRadarOption } from './scoreRadarOption.js';

registerChartParts([RadarChart, RadarComponent, TooltipComponent, CanvasRenderer]);

export function ScoreRadar(props: { card: CustomerScoreCard }) {
  const { t } = useI18n();
  const option = useMemo(() => scoreRadarOption(props.card, '#1b4f8a', t), [props.card, t]);
  const element = useEChart(option);
  return (
    <figure className="score-radar-figure">
      <div ref={element} className="score-radar" data-testid="score-radar" role="img" aria-label={t('scores.radar')} />
      {props.card.scores.credit.score === null && (
        <figcaption className="score-radar-note" data-testid="score-radar-note">
          {t('scores.noCreditRadar')}
        </figcaption>
      )}
    </figure>
  );
}
