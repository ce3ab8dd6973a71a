// Loads a customer's scores from the latest analysis run, again when the branch's data changes (a new run, an
// edit). Without scores it finds out why: no run yet, or the customer came after the latest run.
import { useEffect, useState } from 'react';
import type { CustomerScoreCard } from '../../../electron/api/analysisTypes.js';
import { useApi } from '../../app/apiContext.js';
import { dataChangedEvent } from '../../app/dataChanged.js';

export type ScoreCardState =
  | { state: 'loading' }
  | { state: 'ready'; card: CustomerScoreCard }
  | { state: 'noRun' }
  | { state: 'notInRun'; runId: number }
  | { state: 'failed'; message: string };

export function useScoreCard(customerId: string): ScoreCardState {
  const api = useApi();
  const [state, setState] = useState<{ id: string; value: ScoreCardState }>({
    id: customerId,
    value: { state: 'loading' },
  });
  useEffect(() => {
    let live = true;
    const load = async () => {
      const answer = await api.call('analysis.customer', { customerId });
      let value: ScoreCardState;
      if (!answer.ok) value = { state: 'failed', message: answer.error.message };
      else if (answer.value.card) value = { state: 'ready', card: answer.value.card };
      else {
        const runs = await api.call('analysis.runs', { limit: 1 });
        const latest = runs.ok ? runs.value[0] : undefined;
        value = latest ? { state: 'notInRun', runId: latest.runId } : { state: 'noRun' };
      }
      if (live) setState({ id: customerId, value });
    };
    const reload = () => void load();
    reload();
    window.addEventListener(dataChangedEvent, reload);
    return () => {
      live = false;
      window.removeEventListener(dataChangedEvent, reload);
    };
  }, [api, customerId]);
  return state.id === customerId ? state.value : { state: 'loading' };
}
