// The model settings screen's pure helpers: editing a draft by path, the problems of a field, and the numbers as
// shown and stored (rates as percentages, without floating-point tails).
import { describe, expect, test } from 'vitest';
import type { ModelProblem, ScoringModelParameters } from '../../electron/api/scoringModelTypes.js';
import { defaultScoringModel } from '../../electron/services/analysis/scoring/index.js';
import { isEdited, problemsAt, shown, stored, withValue } from '../../renderer/features/analysis/modelDraft.js';

const model: ScoringModelParameters = defaultScoringModel();

describe('model draft', () => {
  test('withValue changes one parameter of a copy, through objects and arrays', () => {
    const next = withValue(model, 'activity.factors.recency.points.1.0', 120);
    expect(next.activity.factors.recency.points[1]).toEqual([120, 0.6]);
    expect(model.activity.factors.recency.points[1]).toEqual([90, 0.6]);
    expect(isEdited(next, model)).toBe(true);
    expect(isEdited(withValue(model, 'tiers.vipMinComposite', model.tiers.vipMinComposite), model)).toBe(false);
    expect(() => withValue(model, 'tiers.nothing.deeper', 1)).toThrow(/no parameter at tiers.nothing.deeper/);
  });

  test('problemsAt: a field owns its own path and everything inside it, not a sibling that shares a prefix', () => {
    const problems: ModelProblem[] = [
      { path: 'activity.factors.recency.points', code: 'not_increasing', message: 'not increasing' },
      { path: 'activity.factors.recency.points.2.1', code: 'too_big', message: 'too big', limit: 1 },
      { path: 'activity.factors.recency.pointsExtra', code: 'unknown_parameter', message: 'unknown' },
      { path: 'tiers', code: 'tier_order', message: 'VIP below key' },
    ];
    const messages = (path: string) => problemsAt(problems, path).map((p) => p.message);
    expect(messages('activity.factors.recency.points')).toEqual(['not increasing', 'too big']);
    expect(messages('tiers.vipMinComposite')).toEqual([]);
    expect(messages('tiers')).toEqual(['VIP below key']);
  });

  test('rates show as percentages and store back exactly; text that is not a number stores as NaN', () => {
    expect(shown(0.006, 100)).toBe('0.6');
    expect(shown(0.015, 100)).toBe('1.5');
    expect(stored('0.6', 100)).toBe(0.006);
    expect(stored(' 1,500 ')).toBe(1500);
    expect(stored('2.5', 0.01)).toBe(250);
    expect(stored('')).toBeNaN();
    expect(stored('abc')).toBeNaN();
    expect(shown(Number.NaN)).toBe('');
  });
});
