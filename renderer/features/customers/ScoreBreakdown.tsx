// One score on the customer card: its bar and value; opened, why — a sentence in a banker's words and the factor
// table (factor, value, weight, points), whose points add up to the score.
import { useId, useState, type ReactNode } from 'react';
import type { AnalysisScoreKey, CustomerScoreCard } from '../../../electron/api/analysisTypes.js';
import { formatMoney } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { scoreColours } from '../analysis/scoreColours.js';
import { factorValueText, factorWeightText, formatPercent, formatPoints } from './factorText.js';
import { largestProfitPart, strongestFactor, weakestFactor } from './scoreReasons.js';

export function ScoreToggle(props: {
  testKey: string;
  label: string;
  score: number | null;
  colour: string;
  emptyText: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  const { score } = props;
  return (
    <div className={open ? 'score-row score-row-open' : 'score-row'} data-testid={`score-row-${props.testKey}`}>
      <button
        type="button"
        className="score-toggle"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        data-testid={`score-toggle-${props.testKey}`}
        onClick={() => setOpen(!open)}
      >
        <span className="loan-chevron" aria-hidden="true">
          ▸
        </span>
        <span className="score-name">{props.label}</span>
        <span className="score-track">
          {score !== null && <span className="score-fill" style={{ width: `${score}%`, background: props.colour }} />}
        </span>
        <span className={score === null ? 'score-value score-value-empty' : 'score-value'} data-testid="score-value">
          {score === null ? props.emptyText : formatPoints(score)}
        </span>
        <span className="score-hint">{open ? t('scores.hide') : t('scores.why')}</span>
      </button>
      {open && (
        <div className="score-why" id={id}>
          {props.children}
        </div>
      )}
    </div>
  );
}

/** How the score moved since the run before, and the factor that moved it most. */
function ScoreChange(props: { scoreKey: AnalysisScoreKey; card: CustomerScoreCard }) {
  const { t, locale } = useI18n();
  const since = props.card.scores[props.scoreKey].sincePrevious;
  const previous = props.card.previousRun;
  if (!since || !previous || since.change === null) return null;
  const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatPoints(Math.abs(value))}`;
  const mover = since.movedMostBy;
  return (
    <p className="score-change" data-testid="score-change">
      {t('scores.sincePrevious', { run: String(previous.runId), change: signed(since.change) })}
      {mover &&
        since.change !== 0 &&
        t('scores.movedMostBy', {
          factor: locale === 'zh' ? mover.labelZh : mover.labelEn,
          change: signed(mover.change),
        })}
    </p>
  );
}

export function ScoreBreakdown(props: { scoreKey: AnalysisScoreKey; card: CustomerScoreCard }) {
  const { t, locale } = useI18n();
  const { scoreKey, card } = props;
  const { score, factors } = card.scores[scoreKey];
  const noHistory = scoreKey === 'credit' && score === null;
  return (
    <ScoreToggle
      testKey={scoreKey}
      label={t(`score.${scoreKey}`)}
      score={score}
      colour={scoreColours[scoreKey]}
      emptyText={t('scores.noCreditHistory')}
    >
      {noHistory ? (
        <p className="score-sentence" data-testid="score-sentence">
          {t('scores.noCreditExplained')}
        </p>
      ) : (
        <>
          <p className="score-sentence" data-testid="score-sentence">
            <ScoreSentence scoreKey={scoreKey} card={card} />
          </p>
          <ScoreChange scoreKey={scoreKey} card={card} />
          <table className="mini-table factor-table" data-testid={`factors-${scoreKey}`}>
            <thead>
              <tr>
                <th>{t('factor.col.factor')}</th>
                <th className="numeric">{t('factor.col.value')}</th>
                <th className="numeric">
                  {t(scoreKey === 'contribution' ? 'factor.col.margin' : 'factor.col.weight')}
                </th>
                <th className="numeric">{t('factor.col.points')}</th>
              </tr>
            </thead>
            <tbody>
              {factors.map((factor) => (
                <tr key={factor.key} data-testid="factor-row" data-factor={factor.key}>
                  <td>{locale === 'zh' ? factor.labelZh : factor.labelEn}</td>
                  <td className="numeric">{factorValueText(factor, locale, t)}</td>
                  <td className="numeric cell-muted">{factorWeightText(scoreKey, factor, t)}</td>
                  <td className="numeric factor-points" data-testid="factor-points">
                    {formatPoints(factor.share)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={3}>{t('factor.total')}</td>
                <td className="numeric factor-points" data-testid="factor-total">
                  {formatPoints(score ?? 0)}
                </td>
              </tr>
            </tfoot>
          </table>
        </>
      )}
    </ScoreToggle>
  );
}

function ScoreSentence(props: { scoreKey: AnalysisScoreKey; card: CustomerScoreCard }) {
  const { t, locale } = useI18n();
  const { scoreKey, card } = props;
  const { score, factors } = card.scores[scoreKey];
  const label = (f: { labelZh: string; labelEn: string }) => (locale === 'zh' ? f.labelZh : f.labelEn);
  if (scoreKey === 'contribution') {
    const part = largestProfitPart(factors);
    if (card.profitFen <= 0 || !part) return <>{t('scores.contribution.none')}</>;
    return (
      <>
        {t('scores.contribution.profit', {
          profit: formatMoney(card.profitFen, locale),
          rank: (score ?? 0).toFixed(0),
        })}{' '}
        {t('scores.contribution.part', { part: label(part.factor), share: formatPercent(part.ofProfit) })}
      </>
    );
  }
  const best = strongestFactor(factors);
  const weakest = weakestFactor(factors);
  return (
    <>
      {best
        ? t('scores.best', {
            factor: label(best),
            points: formatPoints(best.share),
            weight: formatPoints(best.weight).replace(/\.0$/, ''),
          })
        : t('scores.nothing')}{' '}
      {weakest && t('scores.weakest', { factor: label(weakest.factor), lost: formatPoints(weakest.lost) })}
    </>
  );
}
