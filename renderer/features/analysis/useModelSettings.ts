// The scoring model in settings and its draft: load, edit by path, save (problems kept per parameter path),
// discard, and go back to the standard model.
import { useCallback, useEffect, useState } from 'react';
import type {
  ModelProblem,
  ScoringModelParameters,
  ScoringModelSettings,
} from '../../../electron/api/scoringModelTypes.js';
import { useApi } from '../../app/apiContext.js';
import { withValue } from './modelDraft.js';

export type SaveOutcome =
  | { kind: 'none' }
  | { kind: 'saved'; version: string; changed: boolean }
  | { kind: 'reset'; version: string }
  | { kind: 'refused'; count: number }
  | { kind: 'failed'; message: string };

export interface ModelSettingsState {
  settings: ScoringModelSettings | null;
  draft: ScoringModelParameters | null;
  problems: ModelProblem[];
  outcome: SaveOutcome;
  busy: boolean;
  loadError: string | null;
  /** Changes when the draft is replaced as a whole, so that typed fields start again from its values. */
  revision: number;
  change(path: string, value: unknown): void;
  save(): void;
  discard(): void;
  reset(): void;
}

function problemsOf(details: unknown): ModelProblem[] {
  const list = (details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(list) ? (list as ModelProblem[]) : [];
}

export function useModelSettings(): ModelSettingsState {
  const api = useApi();
  const [settings, setSettings] = useState<ScoringModelSettings | null>(null);
  const [draft, setDraft] = useState<ScoringModelParameters | null>(null);
  const [problems, setProblems] = useState<ModelProblem[]>([]);
  const [outcome, setOutcome] = useState<SaveOutcome>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);

  const adopt = useCallback((next: ScoringModelSettings) => {
    setSettings(next);
    setDraft(structuredClone(next.model));
    setProblems([]);
    setRevision((r) => r + 1);
  }, []);

  useEffect(() => {
    let live = true;
    void api.call('analysis.model.get', {}).then((result) => {
      if (!live) return;
      if (result.ok) adopt(result.value);
      else setLoadError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, adopt]);

  const change = useCallback((path: string, value: unknown) => {
    setDraft((current) => (current ? withValue(current, path, value) : current));
    setOutcome({ kind: 'none' });
  }, []);

  const save = useCallback(() => {
    if (!draft || !settings) return;
    setBusy(true);
    void api.call('analysis.model.save', { model: draft }).then((result) => {
      setBusy(false);
      if (result.ok) {
        adopt(result.value);
        setOutcome({
          kind: 'saved',
          version: result.value.version,
          changed: result.value.version !== settings.version,
        });
        return;
      }
      const found = problemsOf(result.error.details);
      setProblems(found);
      setOutcome(
        found.length > 0 ? { kind: 'refused', count: found.length } : { kind: 'failed', message: result.error.message },
      );
    });
  }, [api, adopt, draft, settings]);

  const discard = useCallback(() => {
    if (settings) adopt(settings);
    setOutcome({ kind: 'none' });
  }, [adopt, settings]);

  const reset = useCallback(() => {
    setBusy(true);
    void api.call('analysis.model.reset', {}).then((result) => {
      setBusy(false);
      if (result.ok) {
        adopt(result.value);
        setLoadError(null);
        setOutcome({ kind: 'reset', version: result.value.version });
      } else {
        setOutcome({ kind: 'failed', message: result.error.message });
      }
    });
  }, [api, adopt]);

  return { settings, draft, problems, outcome, busy, loadError, revision, change, save, discard, reset };
}
