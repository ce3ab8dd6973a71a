// The run history, newest first; reloaded when the branch's data changes (a finished run announces it).
import { useEffect, useState } from 'react';
import type { AnalysisRunSummary } from '../../../electron/api/analysisTypes.js';
import { useApi } from '../../app/apiContext.js';
import { dataChangedEvent } from '../../app/dataChanged.js';

export type RunsState =
  { state: 'loading' } | { state: 'ready'; runs: AnalysisRunSummary[] } | { state: 'failed'; message: string };

export function useAnalysisRuns(): RunsState {
  const api = useApi();
  const [runs, setRuns] = useState<RunsState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const load = () => {
      void api.call('analysis.runs', { limit: 50 }).then((result) => {
        if (!live) return;
        setRuns(
          result.ok ? { state: 'ready', runs: result.value } : { state: 'failed', message: result.error.message },
        );
      });
    };
    load();
    window.addEventListener(dataChangedEvent, load);
    return () => {
      live = false;
      window.removeEventListener(dataChangedEvent, load);
    };
  }, [api]);
  return runs;
}
