// A customer's recent changes, reloaded whenever the branch's data changes (an edit, an import).
import { useEffect, useState } from 'react';
import type { CustomerChange } from '../../../electron/api/customerEdit.js';
import { useApi } from '../../app/apiContext.js';
import { dataChangedEvent } from '../../app/dataChanged.js';

export function useCustomerHistory(customerId: string, limit = 20): CustomerChange[] | null {
  const api = useApi();
  const [state, setState] = useState<{ id: string; changes: CustomerChange[] } | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => {
      void api.call('customers.history', { customerId, limit }).then((result) => {
        if (live && result.ok) setState({ id: customerId, changes: result.value });
      });
    };
    load();
    window.addEventListener(dataChangedEvent, load);
    return () => {
      live = false;
      window.removeEventListener(dataChangedEvent, load);
    };
  }, [api, customerId, limit]);
  return state?.id === customerId ? state.changes : null;
}
