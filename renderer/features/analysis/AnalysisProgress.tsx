// The progress of a running analysis: phase (loading features, scoring, segmenting, mining, saving), share done, and
// cancel.
import type { Progress } from '../../../electron/api/types.js';
import { formatCount } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';
import type { MessageKey } from '../../app/i18n/zh.js';
import { ProgressTrack } from '../../ui/ProgressTrack.js';

const phases: Record<string, MessageKey> = {
  'progress.analysisLoading': 'analysis.phase.loading',
  'progress.analysisScoring': 'analysis.phase.scoring',
  'progress.analysisSaving': 'analysis.phase.saving',
  'progress.analysisSegmenting': 'analysis.phase.segmenting',
  'progress.analysisMining': 'analysis.phase.mining',
};

export function AnalysisProgress(props: { progress: Progress | null; onCancel(): void }) {
  const { t } = useI18n();
  const { progress } = props;
  const share = progress?.total ? Math.min(1, progress.done / progress.total) : 0;
  const phase = progress ? (phases[progress.phase] ?? 'analysis.phase.scoring') : 'analysis.phase.starting';
  // Loading and saving count customers; the other phases count steps or percent, which the share already says.
  const counted =
    progress &&
    (progress.phase === 'progress.analysisLoading' || progress.phase === 'progress.analysisSaving') &&
    progress.total;
  return (
    <section className="panel analysis-progress" data-testid="analysis-progress" aria-live="polite">
      <div className="progress-head">
        <strong data-testid="analysis-phase">{t(phase)}</strong>
        <span className="cell-muted">
          {Math.floor(share * 100)}%
          {counted &&
            ` · ${t('analysis.customersDone', { done: formatCount(progress.done), total: formatCount(progress.total ?? 0) })}`}
        </span>
        <button type="button" className="button" data-testid="analysis-cancel" onClick={props.onCancel}>
          {t('analysis.cancel')}
        </button>
      </div>
      <ProgressTrack share={share} />
    </section>
  );
}
