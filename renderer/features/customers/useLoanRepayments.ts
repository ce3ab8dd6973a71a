// One loan's instalment schedule, loaded when its section opens and again when the branch's data
// changes (an import of a newer repayments file); a newer loan wins over a slower older one.
import { useEffect, useState } from 'react';
import type { Repayment } from '../../../electron/api/types.js';
import { useApi } from '../../app/apiContext.js';
import { dataChangedEvent } from '../../app/dataChanged.js';

export type RepaymentsState =
  { state: 'loading' } | { state: 'ready'; rows: Repayment[] } | { state: 'failed'; message: string };

export function useLoanRepayments(loanId: string): RepaymentsState {
  const api = useApi();
  const [state, setState] = useState<{ id: string; value: RepaymentsState } | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => {
      void api.call('customers.repayments', { loanId }).then((result) => {
        if (!live) return;
        setState({
          id: loanId,
          value: result.ok
            ? { state: 'ready', rows: result.value }
            : { state: 'failed', message: result.error.message },
        });
      });
    };
    load();
    window.addEventListener(dataChangedEvent, load);
    return () => {
      live = false;
      window.removeEventListener(dataChangedEvent, load);
    };
  }, [api, loanId]);
  return state?.id === loanId ? state.value : { state: 'loading' };
}
