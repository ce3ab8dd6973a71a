// The customer card's scores from the latest analysis run: veto reasons (a vetoed customer stays visible, with
// why), the composite and tier, the five scores on a radar, persona tags with their weights, and each score's
// factors on demand. Credit says "no credit history" apart from a low score.
import { analysisScoreKeys, type CustomerScoreCard } from '../../../electron/api/analysisTypes.js';
import { formatMoney } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { analysisHref } from '../../app/navigation.js';
import { labelText } from '../analysis/labelText.js';
import { tierColours } from '../analysis/scoreColours.js';
import { CompositeBreakdown } from './CompositeBreakdown.js';
import { classificationText } from './factorText.js';
import { ScoreBreakdown } from './ScoreBreakdown.js';
import { ScoreRadar } from './ScoreRadar.js';
import { useScoreCard } from './useScoreCard.js';

export function ScorePanel(props: { customerId: string }) {
  const { t } = useI18n();
  const state = useScoreCard(props.customerId);
  return (
    <section className="detail-section score-panel" data-testid="score-panel">
      {state.state === 'ready' ? (
        <ScoreCardView card={state.card} />
      ) : (
        <>
          <h3>{t('scores.title')}</h3>
          {state.state === 'loading' && <p className="cell-muted">{t('scores.loading')}</p>}
          {state.state === 'failed' && (
            <div className="notice notice-error" role="alert">
              {state.message}
            </div>
          )}
          {(state.state === 'noRun' || state.state === 'notInRun') && (
            <p className="cell-muted" data-testid="score-none">
              {state.state === 'noRun' ? t('scores.noRun') : t('scores.notInRun', { runId: state.runId })}{' '}
              <a href={analysisHref(null)}>{t('scores.toAnalysis')}</a>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function ScoreCardView({ card }: { card: CustomerScoreCard }) {
  const { t, locale } = useI18n();
  const personas = [...card.personas].sort((a, b) => b.weight - a.weight);
  const noCredit = card.credit.state === 'no_history';
  return (
    <>
      <h3 className="detail-section-head">
        {t('scores.title')}
        <span className="score-run" data-testid="score-run">
          {t('scores.run', { runId: card.runId, month: card.asOfMonth })}
        </span>
      </h3>

      {card.vetoes.length > 0 && (
        <div className="veto-box" data-testid="score-vetoes">
          <strong>{t('scores.vetoed')}</strong>
          <div className="chips">
            {card.vetoes.map((veto) => (
              <span key={veto.code} className="chip chip-warn" data-testid="veto-reason" data-code={veto.code}>
                {labelText(veto.label, locale)}
              </span>
            ))}
          </div>
        </div>
      )}

      {!card.factorsMatchRun && (
        <p className="notice notice-warn" data-testid="score-stale">
          {t('scores.stale', { runId: card.runId })}
        </p>
      )}

      <div className="score-summary">
        <div className="score-headline">
          <span className="kpi-label">{t('scores.composite')}</span>
          <span className="composite-value" data-testid="score-composite">
            {card.composite.value.toFixed(1)}
          </span>
          <span
            className="tier-badge"
            data-testid="score-tier"
            style={{ color: tierColours[card.tier], borderColor: tierColours[card.tier] }}
          >
            {labelText(card.tierLabel, locale)}
          </span>
        </div>
        <dl className="facts compact score-facts">
          <dt>{t('scores.profit')}</dt>
          <dd>{formatMoney(card.profitFen, locale)}</dd>
          <dt>{t('scores.credit')}</dt>
          <dd data-testid="score-credit-state">
            {noCredit ? (
              <span className="no-history">{t('scores.noCreditHistory')}</span>
            ) : (
              <>
                <strong>{card.credit.grade}</strong>
                {classificationText(card.credit.classification, t) && (
                  <>
                    {' '}
                    <span className={`status class-${card.credit.classification}`}>
                      {classificationText(card.credit.classification, t)}
                    </span>
                  </>
                )}
              </>
            )}
          </dd>
          <dt>{t('scores.dominantChannel')}</dt>
          <dd>{card.channel.dominant ? t(`channel.${card.channel.dominant}`) : t('analysis.channelNone')}</dd>
        </dl>
      </div>
      <ScoreRadar card={card} />

      <div className="score-personas">
        <span className="kpi-label">{t('scores.personas')}</span>
        {personas.length === 0 ? (
          <span className="cell-muted">{t('scores.noPersonas')}</span>
        ) : (
          <div className="chips" data-testid="score-personas">
            {personas.map((persona) => (
              <span
                key={persona.key}
                className="chip persona-chip"
                data-testid="persona-tag"
                data-key={persona.key}
                title={t('scores.personaWeight')}
              >
                {labelText(persona.label, locale)}
                <span className="persona-weight">{Math.round(100 * persona.weight)}%</span>
              </span>
            ))}
          </div>
        )}
      </div>

      <div className="score-rows">
        <CompositeBreakdown card={card} />
        {analysisScoreKeys.map((key) => (
          <ScoreBreakdown key={key} scoreKey={key} card={card} />
        ))}
      </div>
    </>
  );
}
