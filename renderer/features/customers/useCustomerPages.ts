// Loads the pages of the customer list that the grid shows, once each, for the current filters
// and sort, again after the branch's data changed (an edit, an import); answers for older filters are dropped.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CustomerFilters, CustomerSort } from '../../../electron/api/contract.js';
import { useApi } from '../../app/apiContext.js';
import { dataChangedEvent } from '../../app/dataChanged.js';
import { emptyCache, missingPages, pageSize, withPage, type PageCache } from './pageCache.js';

export interface CustomerPages {
  cache: PageCache;
  error: string | null;
  /** Asks for the rows first..last to be loaded. */
  request(first: number, last: number): void;
  retry(): void;
}

export function useCustomerPages(filters: CustomerFilters, sort: CustomerSort): CustomerPages {
  const api = useApi();
  // A change to the data starts a fresh cache, as a change of filter does.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const bump = () => setGeneration((value) => value + 1);
    window.addEventListener(dataChangedEvent, bump);
    return () => window.removeEventListener(dataChangedEvent, bump);
  }, []);
  const key = JSON.stringify([filters, sort, generation]);
  const [cache, setCache] = useState<PageCache>(() => emptyCache(key));
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(new Set<string>());
  const current = cache.key === key ? cache : emptyCache(key);
  const latestKey = useRef(key);
  useLayoutEffect(() => {
    latestKey.current = key;
  }, [key]);

  const load = useCallback(
    (page: number) => {
      const flightKey = `${key}|${page}`;
      if (inFlight.current.has(flightKey)) return;
      inFlight.current.add(flightKey);
      void api.call('customers.list', { filters, sort, offset: page * pageSize, limit: pageSize }).then((result) => {
        inFlight.current.delete(flightKey);
        if (latestKey.current !== key) return;
        if (!result.ok) {
          setError(result.error.message);
          return;
        }
        setError(null);
        setCache((previous) => withPage(previous.key === key ? previous : emptyCache(key), result.value));
      });
    },
    [api, key, filters, sort],
  );

  const request = useCallback(
    (first: number, last: number) => {
      for (const page of missingPages(current, first, last)) load(page);
    },
    [current, load],
  );

  useEffect(() => {
    // The first page of every new filter or sort, before the grid has measured anything.
    load(0);
  }, [load]);

  const retry = useCallback(() => {
    setError(null);
    load(0);
  }, [load]);

  return { cache: current, error, request, retry };
}
