// Step 1's import screen: choose core-banking exports, check what each was recognised as and how its
// columns map, import them in one go with progress and cancel, and read the report.
import { useRef, useState } from 'react';
import type { ImportResult } from '../../../electron/api/importTypes.js';
import type { Progress } from '../../../electron/api/types.js';
import { useApi } from '../../app/apiContext.js';
import { announceDataChanged } from '../../app/dataChanged.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { FileCard, missingFields, type FileDraft } from './FileCard.js';
import { ImportProgress } from './ImportProgress.js';
import { ImportReport } from './ImportReport.js';
import { hasNativeDialog, pickWithDialog, uploadFiles, type PickedFile } from './pickFiles.js';

type Phase =
  | { name: 'idle' }
  | { name: 'busy'; progress: Progress | null; startedAt: number; elapsedSeconds: number }
  | { name: 'done'; result: ImportResult };

function busy(progress: Progress | null, startedAt: number): Phase {
  return { name: 'busy', progress, startedAt, elapsedSeconds: (performance.now() - startedAt) / 1000 };
}

export function ImportPage() {
  const { t } = useI18n();
  const api = useApi();
  const [drafts, setDrafts] = useState<FileDraft[]>([]);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const inspect = async (picked: PickedFile[]) => {
    const inspected: FileDraft[] = [];
    const problems: string[] = [];
    for (const file of picked) {
      const answer = await api.call('import.inspect', { path: file.path });
      if (!answer.ok) {
        problems.push(`${file.name}: ${answer.error.message}`);
        continue;
      }
      inspected.push({ inspection: answer.value, kind: answer.value.kind, mapping: answer.value.mapping });
    }
    if (problems.length > 0) setError(problems.join('\n'));
    setDrafts((previous) => [...previous, ...inspected]);
  };

  const chooseFiles = async () => {
    setError(null);
    if (hasNativeDialog()) await inspect(await pickWithDialog());
    else input.current?.click();
  };

  const onBrowserFiles = async (files: File[]) => {
    if (files.length === 0) return;
    setError(null);
    controller.current = new AbortController();
    const startedAt = performance.now();
    setPhase(busy(null, startedAt));
    const uploaded = await uploadFiles(
      files,
      (done, total) => setPhase(busy({ phase: 'progress.uploading', done, total }, startedAt)),
      controller.current.signal,
    );
    setPhase({ name: 'idle' });
    if (!uploaded.ok) setError(uploaded.error.message);
    else await inspect(uploaded.value);
  };

  const runImport = async () => {
    setError(null);
    controller.current = new AbortController();
    const startedAt = performance.now();
    setPhase(busy(null, startedAt));
    const answer = await api.call(
      'import.run',
      {
        files: drafts.map((d) => ({
          path: d.inspection.path,
          ...(d.kind ? { kind: d.kind } : {}),
          mapping: d.mapping,
        })),
      },
      { signal: controller.current.signal, onProgress: (progress) => setPhase(busy(progress, startedAt)) },
    );
    if (answer.ok) {
      setPhase({ name: 'done', result: answer.value });
      setDrafts([]);
      announceDataChanged();
    } else {
      setPhase({ name: 'idle' });
      setError(answer.error.message);
    }
  };

  const blocked = drafts.some((d) => !d.kind || missingFields(d).length > 0);
  return (
    <div className="import-page">
      <div className="page-header">
        <h1>{t('import.title')}</h1>
        <span className="page-meta">{t('import.subtitle')}</span>
      </div>
      <div className="import-actions">
        <button
          type="button"
          className="button"
          data-testid="import-choose"
          disabled={phase.name === 'busy'}
          onClick={() => void chooseFiles()}
        >
          {t('import.choose')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".csv,.txt,text/csv"
          multiple
          hidden
          data-testid="import-file-input"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void onBrowserFiles(files);
          }}
        />
        <button
          type="button"
          className="button button-primary"
          data-testid="import-run"
          disabled={drafts.length === 0 || blocked || phase.name === 'busy'}
          onClick={() => void runImport()}
        >
          {t('import.run', { count: drafts.length })}
        </button>
      </div>
      {error && (
        <div className="notice notice-error" role="alert" data-testid="import-error">
          {error}
        </div>
      )}
      {phase.name === 'busy' && (
        <ImportProgress
          progress={phase.progress}
          elapsedSeconds={phase.elapsedSeconds}
          onCancel={() => controller.current?.abort()}
        />
      )}
      {drafts.map((draft, index) => (
        <FileCard
          key={draft.inspection.path}
          draft={draft}
          onChange={(next) => setDrafts((all) => all.map((d, i) => (i === index ? next : d)))}
          onRemove={() => setDrafts((all) => all.filter((_, i) => i !== index))}
        />
      ))}
      {drafts.length === 0 && phase.name === 'idle' && <p className="cell-muted">{t('import.empty')}</p>}
      {phase.name === 'done' && <ImportReport result={phase.result} />}
    </div>
  );
}
