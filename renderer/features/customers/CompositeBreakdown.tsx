// The composite value (综合价值) on the customer card; opened, each score's weight and the points it gives. A
// customer with no credit history has credit left out and the other weights rescaled.
import type { CustomerScoreCard } from '../../../electron/api/analysisTypes.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { formatPoints } from './factorText.js';
import { ScoreToggle } from './ScoreBreakdown.js';

export function CompositeBreakdown(props: { card: CustomerScoreCard }) {
  const { t } = useI18n();
  const { card } = props;
  const noCredit = card.credit.state === 'no_history';
  return (
    <ScoreToggle
      testKey="composite"
      label={t('scores.composite')}
      score={card.composite.value}
      colour="#12263f"
      emptyText="—"
    >
      <p className="score-sentence">{t(noCredit ? 'scores.compositeNoCredit' : 'scores.compositeExplained')}</p>
      <table className="mini-table factor-table" data-testid="factors-composite">
        <thead>
          <tr>
            <th>{t('factor.col.score')}</th>
            <th className="numeric">{t('factor.col.value')}</th>
            <th className="numeric">{t('factor.col.share')}</th>
            <th className="numeric">{t('factor.col.points')}</th>
          </tr>
        </thead>
        <tbody>
          {card.composite.parts.map((part) => {
            const score = card.scores[part.key].score;
            return (
              <tr key={part.key} data-testid="factor-row" data-factor={part.key}>
                <td>{t(`score.${part.key}`)}</td>
                <td className="numeric">{score === null ? t('scores.noCreditHistory') : formatPoints(score)}</td>
                <td className="numeric cell-muted">
                  {part.weight === 0 ? t('scores.notCounted') : `${part.weight.toFixed(1)}%`}
                </td>
                <td className="numeric factor-points">{formatPoints(part.share)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={3}>{t('factor.total')}</td>
            <td className="numeric factor-points">{formatPoints(card.composite.value)}</td>
          </tr>
        </tfoot>
      </table>
    </ScoreToggle>
  );
}
