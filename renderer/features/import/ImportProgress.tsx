// The progress of a running import: phase, share done, rows per second, and the cancel button.
import type { Progress } from '../../../electron/api/types.js';
import { formatCount } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';
import type { MessageKey } from '../../app/i18n/zh.js';
import { ProgressTrack } from '../../ui/ProgressTrack.js';

const phases: Record<string, MessageKey> = {
  'progress.uploading': 'import.phase.uploading',
  'progress.hashing': 'import.phase.hashing',
  'progress.reading': 'import.phase.reading',
  'progress.applying': 'import.phase.applying',
  'progress.indexing': 'import.phase.indexing',
  'progress.features': 'import.phase.features',
};

export function ImportProgress(props: { progress: Progress | null; elapsedSeconds: number; onCancel(): void }) {
  const { t } = useI18n();
  const { progress } = props;
  const share = progress?.total ? Math.min(1, progress.done / progress.total) : 0;
  const seconds = Math.max(0.001, props.elapsedSeconds);
  const rate = progress?.rows ? Math.round(progress.rows / seconds) : null;
  return (
    <section className="import-progress" data-testid="import-progress" aria-live="polite">
      <div className="progress-head">
        <strong>{progress ? t(phases[progress.phase] ?? 'import.phase.reading') : t('import.phase.starting')}</strong>
        <span className="cell-muted">
          {Math.floor(share * 100)}%
          {progress?.rows !== undefined && ` · ${t('import.rows', { count: formatCount(progress.rows) })}`}
          {rate !== null && ` · ${t('import.rate', { rate: formatCount(rate) })}`}
        </span>
        <button type="button" className="button" data-testid="import-cancel" onClick={props.onCancel}>
          {t('import.cancel')}
        </button>
      </div>
      <ProgressTrack share={share} />
    </section>
  );
}
