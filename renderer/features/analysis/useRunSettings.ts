// The segmentation and mining settings of the next run and their draft: load both, edit, save the edited ones
// (checked in the form first, then by the service, problems kept per field), discard, and reset to defaults.
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../../../electron/api/client.js';
import type { Result } from '../../../electron/api/errors.js';
import { useApi } from '../../app/apiContext.js';
import {
  checkDraft,
  draftOf,
  editedParts,
  serviceProblems,
  type FieldProblem,
  type MiningSettings,
  type RunSettingsDraft,
  type SegmentationSettings,
} from './runSettingsDraft.js';

export type RunSettingsOutcome =
  | { kind: 'none' }
  | { kind: 'saved' }
  | { kind: 'reset' }
  /** segmentationSaved: the segmentation went through before the mining settings were refused. */
  | { kind: 'refused'; count: number; segmentationSaved: boolean }
  | { kind: 'failed'; message: string; segmentationSaved: boolean };

export interface SavedRunSettings {
  segmentation: SegmentationSettings;
  mining: MiningSettings;
}

export interface RunSettingsState {
  saved: SavedRunSettings | null;
  draft: RunSettingsDraft | null;
  problems: FieldProblem[];
  outcome: RunSettingsOutcome;
  busy: boolean;
  loadError: string | null;
  change(next: RunSettingsDraft): void;
  save(): void;
  discard(): void;
  reset(): void;
}

const keys = { segmentation: 'analysis.segmentation', mining: 'analysis.mining' } as const;

// The service checks and fills in both values (settings.ts); the screen takes them as the shapes it knows.
async function readBoth(api: ApiClient): Promise<Result<SavedRunSettings>> {
  const [segmentation, mining] = await Promise.all([
    api.call('settings.get', { key: keys.segmentation }),
    api.call('settings.get', { key: keys.mining }),
  ]);
  if (!segmentation.ok) return segmentation;
  if (!mining.ok) return mining;
  return {
    ok: true,
    value: {
      segmentation: segmentation.value.value as SegmentationSettings,
      mining: mining.value.value as MiningSettings,
    },
  };
}

export function useRunSettings(): RunSettingsState {
  const api = useApi();
  const [saved, setSaved] = useState<SavedRunSettings | null>(null);
  const [draft, setDraft] = useState<RunSettingsDraft | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [outcome, setOutcome] = useState<RunSettingsOutcome>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);

  const adopt = useCallback((next: SavedRunSettings) => {
    setSaved(next);
    setDraft(draftOf(next.segmentation, next.mining));
    setProblems([]);
  }, []);

  useEffect(() => {
    let live = true;
    void readBoth(api).then((result) => {
      if (!live) return;
      if (result.ok) adopt(result.value);
      else setLoadError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, adopt]);

  const change = useCallback((next: RunSettingsDraft) => {
    setDraft(next);
    setOutcome({ kind: 'none' });
    // Once problems are shown they follow the typing, so a corrected field clears at once.
    setProblems((shown) => {
      if (shown.length === 0) return shown;
      const checked = checkDraft(next);
      return checked.ok ? [] : checked.problems;
    });
  }, []);

  const save = useCallback(() => {
    if (!draft || !saved) return;
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      setOutcome({ kind: 'refused', count: checked.problems.length, segmentationSaved: false });
      return;
    }
    const edited = editedParts(draft, draftOf(saved.segmentation, saved.mining));
    setBusy(true);
    void (async () => {
      let next = saved;
      if (edited.segmentation) {
        const result = await api.call('settings.set', { key: keys.segmentation, value: checked.segmentation });
        if (!result.ok) return refuse('segmentation', result.error, false);
        next = { ...next, segmentation: result.value.value as SegmentationSettings };
      }
      if (edited.mining) {
        const result = await api.call('settings.set', { key: keys.mining, value: checked.mining });
        if (!result.ok) {
          // The segmentation is saved: it no longer counts as edited, the mining draft stays as typed.
          if (edited.segmentation) {
            setSaved(next);
          }
          return refuse('mining', result.error, edited.segmentation);
        }
        next = { ...next, mining: result.value.value as MiningSettings };
      }
      setBusy(false);
      adopt(next);
      setOutcome({ kind: 'saved' });
    })();

    function refuse(setting: 'segmentation' | 'mining', error: { message: string; details?: unknown }, kept: boolean) {
      setBusy(false);
      const found = serviceProblems(setting, error.details);
      setProblems(found);
      setOutcome(
        found.length > 0
          ? { kind: 'refused', count: found.length, segmentationSaved: kept }
          : { kind: 'failed', message: error.message, segmentationSaved: kept },
      );
    }
  }, [api, adopt, draft, saved]);

  const discard = useCallback(() => {
    if (saved) adopt(saved);
    setOutcome({ kind: 'none' });
  }, [adopt, saved]);

  // Saving an empty value stores the services' defaults, which they send back: the screen never keeps its own copy.
  const reset = useCallback(() => {
    setBusy(true);
    void (async () => {
      const [segmentation, mining] = await Promise.all([
        api.call('settings.set', { key: keys.segmentation, value: {} }),
        api.call('settings.set', { key: keys.mining, value: {} }),
      ]);
      if (segmentation.ok && mining.ok) {
        setBusy(false);
        adopt({
          segmentation: segmentation.value.value as SegmentationSettings,
          mining: mining.value.value as MiningSettings,
        });
        setLoadError(null);
        setOutcome({ kind: 'reset' });
        return;
      }
      // One of the two may have gone through: show what is saved now, and why the other was not.
      const error = segmentation.ok ? (mining.ok ? null : mining.error) : segmentation.error;
      const now = await readBoth(api);
      setBusy(false);
      if (now.ok) {
        adopt(now.value);
        setLoadError(null);
      }
      setOutcome({ kind: 'failed', message: error?.message ?? '', segmentationSaved: false });
    })();
  }, [api, adopt]);

  return { saved, draft, problems, outcome, busy, loadError, change, save, discard, reset };
}
