// The model's parameters: defaults, validation with the parameter's path, a stable version; and the comparison of
// two runs' explanations.
import { describe, expect, test } from 'vitest';
import {
  checkFeatures,
  compareRuns,
  createFeatures,
  defaultScoringModel,
  explain,
  featuresFromRecords,
  modelVersion,
  parseScoringModel,
  readFeatureRecord,
  scoreCustomers,
  scoringModelSchema,
} from '../../electron/services/analysis/scoring/index.js';
import type { ScoringModel } from '../../electron/services/analysis/scoring/index.js';
import { ordinaryCustomer } from './scoringFixtures.js';

describe('scoring model', () => {
  test('an empty object is the standard model; a partial one keeps the other defaults', () => {
    const model = defaultScoringModel();
    expect(model.contribution.depositMarginRate).toBe(0.015);
    expect(model.activity.factors.monthsActive.weight).toBe(25);
    const parsed = parseScoringModel({ activity: { factors: { monthsActive: { weight: 40 } } } });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    expect(parsed.model.activity.factors.monthsActive).toMatchObject({
      weight: 40,
      points: [
        [0, 0],
        [12, 1],
      ],
    });
    expect(parsed.model.credit).toEqual(model.credit);
  });

  test('problems name the parameter', () => {
    const parsed = parseScoringModel({
      credit: {
        factors: {
          defaults: {
            points: [
              [1, 0],
              [0, 1],
            ],
          },
        },
      },
      contribution: { depositMarginRate: -1 },
      personas: [{ key: 'Bad Key', labelEn: 'x', labelZh: 'x', all: [{ signal: 'nonsense', points: [[0, 1]] }] }],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const text = parsed.problems.join('\n');
    expect(text).toContain('credit.factors.defaults.points: breakpoint values must be strictly increasing');
    expect(text).toMatch(/contribution\.depositMarginRate: /);
    expect(text).toMatch(/personas\.0\.key: a tag key is lower-case/);
    expect(text).toMatch(/personas\.0\.all\.0\.signal: /);
  });

  test('grades must descend and end at 0', () => {
    const parsed = parseScoringModel({ credit: { grades: [{ label: 'A', minScore: 50 }] } });
    expect(parsed.ok ? [] : parsed.problems).toEqual(['credit.grades: the last grade must start at 0']);
  });

  test('the version is the same for the same parameters in any key order, and changes with any parameter', () => {
    const model = defaultScoringModel();
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverseKeys)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reverseKeys(v)]),
            )
          : value;
    const reordered = reverseKeys(model) as ScoringModel;
    expect(Object.keys(reordered.vetoes)[0]).toBe('underAge');
    expect(modelVersion(scoringModelSchema.parse(reordered))).toBe(modelVersion(model));
    expect(modelVersion(reordered)).toBe(modelVersion(model));
    expect(modelVersion(model)).toMatch(/^m[0-9a-f]{16}$/);
    const changed = { ...model, tiers: { ...model.tiers, vipMinComposite: 76 } };
    expect(modelVersion(changed)).not.toBe(modelVersion(model));
  });
});

describe('feature table', () => {
  test('a record survives the trip into the columns and back', () => {
    const record = ordinaryCustomer({ categories: ['deposit', 'ebanking'], payrollAccount: true, balanceCv: 0.5 });
    expect(readFeatureRecord(featuresFromRecords([record]), 0)).toEqual(record);
  });

  test('a column of the wrong length or with a code out of range is named', () => {
    const features = createFeatures(3);
    features.area = new Uint8Array(2);
    expect(() => checkFeatures(features)).toThrow('column area: has 2 rows, expected 3');
    const other = createFeatures(3);
    other.monthsActive12[1] = 13;
    expect(() => checkFeatures(other)).toThrow('column monthsActive12: row 1 holds 13, at most 12');
  });
});

describe('comparing runs', () => {
  test('each score change comes with the factor that moved it most', () => {
    const before = ordinaryCustomer({ depositBalanceFen: 1_000_000, monthsActive12: 4, feeIncome12Fen: 10_000 });
    const after = { ...before, monthsActive12: 11 };
    const neighbour = ordinaryCustomer({ depositBalanceFen: 2_000_000 });
    const model = defaultScoringModel();
    const prev = explain(scoreCustomers(featuresFromRecords([before, neighbour]), model), 0);
    const next = explain(scoreCustomers(featuresFromRecords([after, neighbour]), model), 0);
    const comparison = compareRuns(prev, next);
    const activity = comparison.scores.find((s) => s.key === 'activity')!;
    expect(activity.change).toBeCloseTo((25 * 7) / 12, 9);
    expect(activity.driver).toMatchObject({ key: 'monthsActive' });
    const contribution = comparison.scores.find((s) => s.key === 'contribution')!;
    expect(contribution).toMatchObject({ change: 0, driver: null });
    const credit = comparison.scores.find((s) => s.key === 'credit')!;
    expect(credit).toMatchObject({ before: null, after: null, change: null, driver: null });
    expect(comparison.composite.change).toBeGreaterThan(0);
  });

  test('a customer explained alone keeps the contribution ranked in the full run', () => {
    const model = defaultScoringModel();
    const records = [ordinaryCustomer({ depositBalanceFen: 100_000 }), ordinaryCustomer({ depositBalanceFen: 9e6 })];
    const full = scoreCustomers(featuresFromRecords(records), model);
    const alone = scoreCustomers(featuresFromRecords([records[0]!]), model, {
      contributionScores: Float64Array.of(full.scores.contribution[0]!),
    });
    expect(explain(alone, 0)).toEqual({ ...explain(full, 0), index: 0 });
  });
});
