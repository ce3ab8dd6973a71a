// Starts an analysis run with progress and cancel; the outcome is the new run, a cancellation or an error.
import { useCallback, useRef, useState } from 'react';
import type { AnalysisRunSummary } from '../../../electron/api/analysisTypes.js';
import type { Progress } from '../../../electron/api/types.js';
import { useApi } from '../../app/apiContext.js';

export type AnalysisJob =
  | { name: 'idle' }
  | { name: 'busy'; progress: Progress | null; startedAt: number }
  | { name: 'cancelled' }
  | { name: 'failed'; message: string };

export function useAnalysisJob(onFinished: (run: AnalysisRunSummary) => void): {
  job: AnalysisJob;
  start(): void;
  cancel(): void;
} {
  const api = useApi();
  const [job, setJob] = useState<AnalysisJob>({ name: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(() => {
    const abort = new AbortController();
    controller.current = abort;
    const startedAt = performance.now();
    setJob({ name: 'busy', progress: null, startedAt });
    void api
      .call(
        'analysis.run',
        {},
        { signal: abort.signal, onProgress: (progress) => setJob({ name: 'busy', progress, startedAt }) },
      )
      .then((answer) => {
        controller.current = null;
        if (answer.ok) {
          setJob({ name: 'idle' });
          onFinished(answer.value);
        } else if (answer.error.code === 'cancelled' || abort.signal.aborted) {
          setJob({ name: 'cancelled' });
        } else {
          setJob({ name: 'failed', message: answer.error.message });
        }
      });
  }, [api, onFinished]);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { job, start, cancel };
}
