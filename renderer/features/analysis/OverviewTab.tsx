// The overview of one run: how many customers fall in each tier and how many are vetoed (and why), how each
// score is spread, which persona tags and dominant channels the branch's customers carry.
import { analysisScoreKeys, analysisTiers } from '../../../electron/api/analysisTypes.js';
import { channels } from '../../../electron/api/types.js';
import { formatCount } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';
import type { AnalysisTabProps } from './analysisTab.js';
import { CountBars } from './CountBars.js';
import { formatShare } from './countRows.js';
import { labelText } from './labelText.js';
import { tierColours } from './scoreColours.js';
import { ScoreHistogram } from './ScoreHistogram.js';

export function OverviewTab({ run }: AnalysisTabProps) {
  const { t, locale } = useI18n();
  const { summary } = run;
  const total = summary.customers;
  return (
    <div className="analysis-overview" data-testid="analysis-overview">
      <div className="tier-tiles">
        {analysisTiers.map((tier) => (
          <div
            className="tier-tile"
            key={tier}
            data-testid={`tier-${tier}`}
            style={{ borderTopColor: tierColours[tier] }}
          >
            <span className="kpi-label">{labelText(summary.tierLabels[tier], locale)}</span>
            <span className="kpi-value">{formatCount(summary.tiers[tier])}</span>
            <span className="cell-muted">{formatShare(summary.tiers[tier], total)}</span>
          </div>
        ))}
        <div className="tier-tile tier-tile-veto" data-testid="vetoed-total">
          <span className="kpi-label">{t('analysis.vetoed')}</span>
          <span className="kpi-value">{formatCount(summary.vetoed)}</span>
          <span className="cell-muted">{formatShare(summary.vetoed, total)}</span>
        </div>
      </div>

      <section>
        <h2 className="section-title">{t('analysis.distributions')}</h2>
        <div className="histograms">
          {analysisScoreKeys.map((key) => (
            <ScoreHistogram key={key} scoreKey={key} distribution={summary.scores[key]} />
          ))}
        </div>
      </section>

      <div className="overview-columns">
        <section className="panel">
          <h2 className="panel-title">{t('analysis.vetoReasons')}</h2>
          <p className="panel-note">{t('analysis.vetoNote')}</p>
          <CountBars
            testId="veto-counts"
            total={total}
            colour="var(--red)"
            rows={summary.vetoes.map((v) => ({ key: v.code, label: labelText(v.label, locale), count: v.count }))}
          />
        </section>
        <section className="panel">
          <h2 className="panel-title">{t('analysis.personas')}</h2>
          <p className="panel-note">{t('analysis.personaNote')}</p>
          <CountBars
            testId="persona-counts"
            total={total}
            colour="var(--teal)"
            rows={summary.personas.map((p) => ({ key: p.key, label: labelText(p.label, locale), count: p.count }))}
          />
        </section>
        <section className="panel">
          <h2 className="panel-title">{t('analysis.dominantChannels')}</h2>
          <p className="panel-note">{t('analysis.channelNote')}</p>
          <CountBars
            testId="channel-counts"
            total={total}
            colour="#1b4f8a"
            rows={[
              ...channels.map((c) => ({ key: c, label: t(`channel.${c}`), count: summary.dominantChannels[c] })),
              { key: 'none', label: t('analysis.channelNone'), count: summary.dominantChannels.none },
            ]}
          />
        </section>
      </div>
    </div>
  );
}
