// The scoring model in settings, through the real worker: the standard model with its labels, a saved model
// read back with a new version that the next run uses, edits refused with the path of every wrong parameter
// (nothing saved), and going back to the standard model.
import { describe, expect, test } from 'vitest';
import type { ModelProblem, ScoringModelParameters } from '../../electron/api/scoringModelTypes.js';
import { demoExportFixture, importPaths } from '../helpers/importFixtures.js';
import { tempDirForTest } from '../helpers/tempDir.js';
import { startHost, valueOf } from '../helpers/workerHost.js';

const demo = demoExportFixture({ dirty: false, customers: 200, months: 14, asOf: '2026-06-30' });

describe('the scoring model in settings', () => {
  test('save, validate, version and reset round trip', async () => {
    const dataDir = tempDirForTest();
    const { host } = await startHost(dataDir);
    const api = host.api;

    const standard = valueOf(await api.call('analysis.model.get', {}));
    expect(standard).toMatchObject({ isDefault: true, savedAt: null, version: standard.defaultVersion });
    expect(standard.model).toEqual(standard.defaults);
    expect(standard.version).toMatch(/^m[0-9a-f]{16}$/);
    expect(Object.fromEntries(Object.entries(standard.labels.factors).map(([k, f]) => [k, f.length]))).toEqual({
      contribution: 4,
      activity: 5,
      channel: 3,
      credit: 5,
      loyalty: 5,
    });
    expect(standard.labels.factors.activity.map((f) => f.key)).toEqual(Object.keys(standard.model.activity.factors));
    expect(standard.labels.vetoes.underAge).toEqual({ en: 'Under age', zh: '未成年' });

    // An edit: deposits count for more, recency for less and with other breakpoints, a stricter VIP tier.
    const edited: ScoringModelParameters = structuredClone(standard.model);
    edited.contribution.depositMarginRate = 0.02;
    edited.activity.factors.recency = {
      weight: 10,
      points: [
        [30, 1],
        [120, 0.5],
        [365, 0],
      ],
      ifMissing: 0,
    };
    edited.tiers.vipMinComposite = 90;
    edited.vetoes.dormant.enabled = false;
    const saved = valueOf(await api.call('analysis.model.save', { model: edited }));
    expect(saved.model).toEqual(edited);
    expect(saved.version).not.toBe(standard.version);
    expect(saved.isDefault).toBe(false);
    expect(saved.savedAt).not.toBeNull();
    expect(valueOf(await api.call('analysis.model.get', {}))).toEqual(saved);

    // The same parameters in another order are the same version.
    const reordered = Object.fromEntries(Object.entries(edited).reverse());
    expect(valueOf(await api.call('analysis.model.save', { model: reordered })).version).toBe(saved.version);

    // A model may leave out what keeps its standard value.
    const partial = valueOf(await api.call('analysis.model.save', { model: { tiers: { vipMinComposite: 90 } } }));
    expect(partial.model.tiers.vipMinComposite).toBe(90);
    expect(partial.model.activity).toEqual(standard.model.activity);

    // Wrong parameters: every one named by its path, and nothing saved.
    const wrong = structuredClone(edited);
    const bad = structuredClone(edited);
    bad.loyalty.factors.tenure.weight = -1;
    bad.activity.factors.recency.points = [
      [30, 1],
      [30, 0.5],
    ];
    bad.tiers.keyMinComposite = 95;
    bad.composite.weights.credit = '40' as unknown as number;
    const refused = await api.call('analysis.model.save', { model: bad });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('invalid_input');
    const problems = (refused.error.details as { problems: ModelProblem[] }).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'loyalty.factors.tenure.weight', code: 'too_small', limit: 0 }),
        expect.objectContaining({ path: 'activity.factors.recency.points', code: 'not_increasing' }),
        expect.objectContaining({ path: 'tiers', code: 'tier_order' }),
        expect.objectContaining({ path: 'composite.weights.credit', code: 'not_a_number' }),
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(refused.error.message).toMatch(/^The scoring model was not saved: \d+ parameters need correcting/);
    expect(refused.error.message).toContain('loyalty.factors.tenure.weight');
    // A name the model does not have is refused rather than dropped.
    Object.assign(wrong.contribution, { depositMargin: 0.01 });
    const unknown = await api.call('analysis.model.save', { model: wrong });
    expect(unknown).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        details: {
          problems: [{ path: 'contribution.depositMargin', message: 'not a parameter of the scoring model' }],
        },
      },
    });
    expect(valueOf(await api.call('analysis.model.get', {})).version).toBe(partial.version);

    // The next run uses the saved model and keeps it with the run.
    valueOf(await api.call('analysis.model.save', { model: edited }));
    await importPaths(api, demo.value.paths);
    const run = valueOf(await api.call('analysis.run', {}));
    expect(run.modelVersion).toBe(saved.version);

    const reset = valueOf(await api.call('analysis.model.reset', {}));
    expect(reset).toMatchObject({ isDefault: true, savedAt: null, version: standard.version });
    expect(reset.model).toEqual(standard.defaults);
    expect(valueOf(await api.call('analysis.run', {})).modelVersion).toBe(standard.version);
  });
});
