// Loads one customer's card, again when the branch's data changes (an edit, an import); a newer
// selection wins over a slower older one.
import { useEffect, useState } from 'react';
import type { CustomerDetail } from '../../../electron/api/types.js';
import { useApi } from '../../app/apiContext.js';
import { dataChangedEvent } from '../../app/dataChanged.js';

export type CustomerState =
  { state: 'loading' } | { state: 'ready'; customer: CustomerDetail } | { state: 'failed'; message: string };

export function useCustomer(customerId: string): CustomerState {
  const api = useApi();
  const [state, setState] = useState<{ id: string; value: CustomerState }>({
    id: customerId,
    value: { state: 'loading' },
  });
  useEffect(() => {
    let live = true;
    const load = () => {
      void api.call('customers.get', { customerId }).then((result) => {
        if (!live) return;
        setState({
          id: customerId,
          value: result.ok
            ? { state: 'ready', customer: result.value }
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
  }, [api, customerId]);
  return state.id === customerId ? state.value : { state: 'loading' };
}
