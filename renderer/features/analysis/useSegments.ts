// A run's segments and its segment map on two axes, reloaded when the branch's data changes (a new run).
import { useEffect, useState } from 'react';
import type { SegmentationView, SegmentFeatureKey, SegmentMap } from '../../../electron/api/segmentTypes.js';
import { useApi } from '../../app/apiContext.js';
import { dataChangedEvent } from '../../app/dataChanged.js';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; value: T };

export function useSegments(runId: number | undefined): Loaded<SegmentationView | null> {
  const api = useApi();
  const [result, setResult] = useState<{ key: string; value: Loaded<SegmentationView | null> } | null>(null);
  const key = String(runId);
  useEffect(() => {
    let live = true;
    const load = () => {
      void api.call('analysis.segments', runId === undefined ? {} : { runId }).then((answer) => {
        if (!live) return;
        setResult({
          key,
          value: answer.ok
            ? { state: 'ready', value: answer.value.segmentation }
            : { state: 'failed', message: answer.error.message },
        });
      });
    };
    load();
    window.addEventListener(dataChangedEvent, load);
    return () => {
      live = false;
      window.removeEventListener(dataChangedEvent, load);
    };
  }, [api, runId, key]);
  return result?.key === key ? result.value : { state: 'loading' };
}

export function useSegmentMap(
  runId: number | undefined,
  x: SegmentFeatureKey | null,
  y: SegmentFeatureKey | null,
): SegmentMap | null {
  const api = useApi();
  const [map, setMap] = useState<{ key: string; value: SegmentMap | null } | null>(null);
  const key = `${runId}:${x}:${y}`;
  useEffect(() => {
    if (x === null || y === null) return;
    let live = true;
    void api.call('analysis.segmentMap', { ...(runId === undefined ? {} : { runId }), x, y }).then((answer) => {
      if (live && answer.ok) setMap({ key, value: answer.value.map });
    });
    return () => {
      live = false;
    };
  }, [api, runId, x, y, key]);
  return map?.key === key ? map.value : null;
}
