// Step 2's page (数据分析与挖掘): run an analysis with progress and cancel, pick a run from the history, and read
// it through the tabs (the overview first). Before the first run it says what a run does.
import { useCallback, useState } from 'react';
import type { AnalysisRunSummary } from '../../../electron/api/analysisTypes.js';
import { announceDataChanged } from '../../app/dataChanged.js';
import { formatCount } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { analysisHref } from '../../app/navigation.js';
import { AnalysisProgress } from './AnalysisProgress.js';
import { analysisTabs, tabOf } from './analysisTabs.js';
import { RunHistory } from './RunHistory.js';
import { useAnalysisJob } from './useAnalysisJob.js';
import { useAnalysisRuns } from './useAnalysisRuns.js';

export function AnalysisPage(props: { tab: string | null }) {
  const { t } = useI18n();
  const runs = useAnalysisRuns();
  const [chosenRunId, setChosenRunId] = useState<number | null>(null);

  const onFinished = useCallback((run: AnalysisRunSummary) => {
    setChosenRunId(run.runId);
    // The history reloads, and customer cards show the new scores.
    announceDataChanged();
  }, []);
  const { job, start, cancel } = useAnalysisJob(onFinished);

  const history = runs.state === 'ready' ? runs.runs : [];
  const selected = history.find((run) => run.runId === chosenRunId) ?? history[0] ?? null;
  const tab = tabOf(props.tab);
  const busy = job.name === 'busy';

  return (
    <div className="analysis-page" data-testid="analysis-page">
      <div className="page-header">
        <h1>{t('analysis.title')}</h1>
        <span className="page-meta">
          {selected
            ? t('analysis.latest', { runId: history[0]!.runId, month: history[0]!.asOfMonth })
            : t('analysis.subtitle')}
        </span>
        <button
          type="button"
          className="button button-primary page-header-action"
          data-testid="analysis-run"
          disabled={busy || runs.state === 'loading'}
          onClick={start}
        >
          {t('analysis.run')}
        </button>
      </div>

      {busy && <AnalysisProgress progress={job.progress} onCancel={cancel} />}
      {job.name === 'cancelled' && (
        <div className="notice notice-info" role="status" data-testid="analysis-cancelled">
          {t('analysis.cancelled')}
        </div>
      )}
      {job.name === 'failed' && (
        <div className="notice notice-error" role="alert" data-testid="analysis-error">
          {job.message}
        </div>
      )}
      {runs.state === 'failed' && (
        <div className="notice notice-error" role="alert">
          {runs.message}
        </div>
      )}

      {runs.state === 'ready' && !selected && !busy && (
        <section className="panel empty-state" data-testid="analysis-empty">
          <h2>{t('analysis.empty.title')}</h2>
          <p>{t('analysis.empty.body')}</p>
        </section>
      )}

      {selected && (
        <>
          <RunHistory runs={history} selectedRunId={selected.runId} onSelect={setChosenRunId} />
          <nav className="tabs" aria-label={t('analysis.title')}>
            {analysisTabs.map((entry) => (
              <a
                key={entry.key}
                href={analysisHref(entry.key)}
                className={entry.key === tab.key ? 'tab active' : 'tab'}
                aria-current={entry.key === tab.key ? 'page' : undefined}
                data-testid={`analysis-tab-${entry.key}`}
              >
                {t(entry.label)}
              </a>
            ))}
            <span className="tabs-run" data-testid="analysis-selected-run">
              {t('analysis.selectedRun', {
                runId: selected.runId,
                month: selected.asOfMonth,
                count: formatCount(selected.customers),
              })}
            </span>
          </nav>
          <tab.Component key={selected.runId} run={selected} runs={history} />
        </>
      )}
    </div>
  );
}
