// Loads one customer's card; a newer selection wins over a slower older one.
import { useEffect, useState } from 'react';
import type { CustomerDetail } from '../../../electron/api/types.js';
import { useApi } from '../../app/apiContext.js';

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
    void api.call('customers.get', { customerId }).then((result) => {
      if (!live) return;
      setState({
        id: customerId,
        value: result.ok
          ? { state: 'ready', customer: result.value }
          : { state: 'failed', message: result.error.message },
      });
    });
    return () => {
      live = false;
    };
  }, [api, customerId]);
  return state.id === customerId ? state.value : { state: 'loading' };
}
