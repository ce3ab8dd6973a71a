// Pure helpers of the model settings screen: change one parameter of a draft by its path, find the problems the
// service reported for a field, and show rates and amounts the way a banker reads them.
import type { ModelProblem, ScoringModelParameters } from '../../../electron/api/scoringModelTypes.js';

/** A copy of the draft with the value at `path` (dot-separated keys and array indices) replaced. */
export function withValue(draft: ScoringModelParameters, path: string, value: unknown): ScoringModelParameters {
  const keys = path.split('.');
  const copy = structuredClone(draft) as unknown as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') throw new Error(`withValue: no parameter at ${path}`);
    node = next as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
  return copy as unknown as ScoringModelParameters;
}

/** The problems at `path` or inside it (a breakpoint list owns `…points.2.0`). */
export function problemsAt(problems: readonly ModelProblem[], path: string): ModelProblem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(path + '.'));
}

/** A stored value as the field shows it (× scale: 0.015 as 1.5 %), without floating-point tails. */
export function shown(value: number, scale = 1): string {
  return Number.isFinite(value) ? String(Number((value * scale).toPrecision(12))) : '';
}

/** What a field's text stores (÷ scale); NaN for text that is not a number, which the service then names. */
export function stored(text: string, scale = 1): number {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return Number.NaN;
  const value = Number(trimmed);
  return Number.isFinite(value) ? Number((value / scale).toPrecision(12)) : Number.NaN;
}

/** True when the draft differs from what is saved. */
export function isEdited(draft: ScoringModelParameters, saved: ScoringModelParameters): boolean {
  return JSON.stringify(draft) !== JSON.stringify(saved);
}
