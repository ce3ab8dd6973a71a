// Loads one association call's result for a key, again when the branch's data changes; an answer for an
// older key is dropped, so a slow reply never overwrites a newer one.
import { useEffect, useState } from 'react';
import type { Result } from '../../../electron/api/errors.js';
import { dataChangedEvent } from '../../app/dataChanged.js';

export type CallState<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

export function useAssociationCall<T>(key: string, load: () => Promise<Result<T>>): CallState<T> {
  const [state, setState] = useState<{ key: string; value: CallState<T> } | null>(null);
  useEffect(() => {
    let live = true;
    const fetchNow = () => {
      void load().then((result) => {
        if (!live) return;
        setState({
          key,
          value: result.ok
            ? { state: 'ready', value: result.value }
            : { state: 'failed', message: result.error.message },
        });
      });
    };
    fetchNow();
    window.addEventListener(dataChangedEvent, fetchNow);
    return () => {
      live = false;
      window.removeEventListener(dataChangedEvent, fetchNow);
    };
    // The key names everything `load` depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state?.key === key ? state.value : { state: 'loading' };
}
