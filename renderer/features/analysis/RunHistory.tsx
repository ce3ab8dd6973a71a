// The analysis runs, newest first: number, when, the data's month, customers, duration and model version. A click
// (or Enter) selects the run the tabs below describe.
import type { AnalysisRunSummary } from '../../../electron/api/analysisTypes.js';
import { formatCount, formatDateTime, formatSeconds } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';

export function RunHistory(props: {
  runs: AnalysisRunSummary[];
  selectedRunId: number;
  onSelect(runId: number): void;
}) {
  const { t } = useI18n();
  return (
    <section className="panel run-history">
      <h2 className="panel-title">{t('analysis.history', { count: props.runs.length })}</h2>
      <div className="run-history-scroll">
        <table className="mini-table run-table" data-testid="analysis-runs">
          <thead>
            <tr>
              <th>{t('analysis.col.run')}</th>
              <th>{t('analysis.col.startedAt')}</th>
              <th>{t('analysis.col.asOfMonth')}</th>
              <th className="numeric">{t('analysis.col.customers')}</th>
              <th className="numeric">{t('analysis.col.seconds')}</th>
              <th>{t('analysis.col.model')}</th>
              <th>{t('analysis.col.actor')}</th>
            </tr>
          </thead>
          <tbody>
            {props.runs.map((run) => {
              const selected = run.runId === props.selectedRunId;
              return (
                <tr
                  key={run.runId}
                  className={selected ? 'run-row selected' : 'run-row'}
                  data-testid="analysis-run-row"
                  data-run-id={run.runId}
                  aria-selected={selected}
                  tabIndex={0}
                  onClick={() => props.onSelect(run.runId)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' || event.key === ' ') {
                      event.preventDefault();
                      props.onSelect(run.runId);
                    }
                  }}
                >
                  <td className="cell-strong">{t('analysis.runNumber', { runId: run.runId })}</td>
                  <td className="nowrap">{formatDateTime(run.startedAt)}</td>
                  <td className="nowrap">{run.asOfMonth}</td>
                  <td className="numeric">{formatCount(run.customers)}</td>
                  <td className="numeric">{formatSeconds(run.seconds)}</td>
                  <td className="mono">{run.modelVersion}</td>
                  <td>{run.actor}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
