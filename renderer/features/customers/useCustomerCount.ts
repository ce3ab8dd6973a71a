// How many customers match the filters; counted separately so that the first rows never wait for it.
import { useEffect, useState } from 'react';
import type { CustomerFilters } from '../../../electron/api/contract.js';
import { useApi } from '../../app/apiContext.js';

export function useCustomerCount(filters: CustomerFilters): number | null {
  const api = useApi();
  const key = JSON.stringify(filters);
  const [state, setState] = useState<{ key: string; total: number } | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('customers.count', { filters }).then((result) => {
      if (live && result.ok) setState({ key, total: result.value.total });
    });
    return () => {
      live = false;
    };
  }, [api, key, filters]);
  return state?.key === key ? state.total : null;
}
