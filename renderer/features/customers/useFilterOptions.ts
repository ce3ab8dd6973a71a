// The towns, villages, managers and products the filter menus offer.
import { useEffect, useState } from 'react';
import type { FilterOptions } from '../../../electron/api/types.js';
import { useApi } from '../../app/apiContext.js';

const none: FilterOptions = { towns: [], villages: [], managers: [], products: [], analysis: null };

export function useFilterOptions(): FilterOptions {
  const api = useApi();
  const [options, setOptions] = useState<FilterOptions>(none);
  useEffect(() => {
    let live = true;
    void api.call('customers.filterOptions', {}).then((result) => {
      if (live && result.ok) setOptions(result.value);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return options;
}
