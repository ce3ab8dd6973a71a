// The segments & rules settings screen's pure helpers: percentages to fractions and back, the form's checks held to
// the services' own schemas value by value, and the services' problems put back at their field in either language.
import { describe, expect, test } from 'vitest';
import { AppError } from '../../electron/api/errors.js';
import { parseMiningSettings } from '../../electron/services/analysis/associations/miningSettings.js';
import {
  autoKRange,
  parseSegmentationSettings,
} from '../../electron/services/analysis/segments/segmentationSettings.js';
import { translate, type Translate } from '../../renderer/app/i18n/i18n.js';
import {
  checkDraft,
  draftOf,
  editedParts,
  fractionOf,
  percentText,
  problemText,
  runSettingsBounds,
  serviceProblems,
  withFeature,
  type FieldProblem,
  type RunSettingsDraft,
} from '../../renderer/features/analysis/runSettingsDraft.js';

const zh: Translate = (key, params) => translate('zh', key, params);
const en: Translate = (key, params) => translate('en', key, params);

const defaults = draftOf(parseSegmentationSettings({}), parseMiningSettings({}));

function refusal(parse: () => unknown): unknown {
  try {
    parse();
  } catch (error) {
    if (error instanceof AppError) return error.details;
    throw error;
  }
  throw new Error('the service accepted the value');
}

describe('percentages', () => {
  test('a fraction shows as per cent and the typed per cent stores back exactly', () => {
    expect(percentText(0.02)).toBe('2');
    expect(percentText(0.4)).toBe('40');
    expect(percentText(0.015)).toBe('1.5');
    expect(percentText(0.07)).toBe('7');
    expect(fractionOf('2')).toBe(0.02);
    expect(fractionOf(' 12.5 ')).toBe(0.125);
    expect(fractionOf('0.1')).toBe(0.001);
    for (const fraction of [0.001, 0.02, 0.07, 0.15, 0.333, 0.4, 1]) {
      expect(fractionOf(percentText(fraction))).toBe(fraction);
    }
  });

  test('text that is not a number stores as NaN, which the form names', () => {
    expect(fractionOf('')).toBeNaN();
    expect(fractionOf('2 %x')).toBeNaN();
    const checked = checkDraft({ ...defaults, minSupport: 'two' });
    expect(checked).toEqual({ ok: false, problems: [{ place: 'minSupport', code: 'not_a_number' }] });
  });
});

describe('the form checks what the services check', () => {
  test("the defaults read from the services come back unchanged, and 'auto' is the silhouette's range", () => {
    expect(defaults).toMatchObject({ kMode: 'fixed', k: '5', seed: '1', minSupport: '2', minConfidence: '40' });
    expect(checkDraft(defaults)).toEqual({
      ok: true,
      segmentation: parseSegmentationSettings({}),
      mining: parseMiningSettings({}),
    });
    expect(runSettingsBounds.autoK).toEqual({ min: autoKRange.kMin, max: autoKRange.kMax });
    const auto = checkDraft({ ...defaults, kMode: 'auto', k: 'ignored while auto' });
    expect(auto.ok && auto.segmentation.k).toBe('auto');
  });

  // One field at a time, on each side of its bounds: the form refuses exactly what the service refuses.
  const cases: [keyof RunSettingsDraft, string[]][] = [
    ['k', ['1', '2', '4', '20', '21', '4.5', '-3', '', 'abc']],
    ['seed', ['-1', '0', '42', '2147483647', '2147483648', '1.5', '']],
    ['minSupport', ['0', '-1', '0.0001', '2', '100', '100.5', '']],
    ['minConfidence', ['-0.1', '0', '40', '100', '101', 'x']],
    ['maxLength', ['1', '2', '6', '7', '2.5', '']],
  ];
  for (const [field, texts] of cases) {
    test(`${field}: ${texts.map((text) => JSON.stringify(text)).join(' ')}`, () => {
      for (const text of texts) {
        const draft = { ...defaults, [field]: text };
        const checked = checkDraft(draft);
        const number = ['minSupport', 'minConfidence'].includes(field) ? fractionOf(text) : Number(text);
        const service = () =>
          field === 'k' || field === 'seed'
            ? parseSegmentationSettings({
                ...parseSegmentationSettings({}),
                [field]: text === '' ? Number.NaN : number,
              })
            : parseMiningSettings({ ...parseMiningSettings({}), [field]: text === '' ? Number.NaN : number });
        let serviceAccepts = true;
        try {
          service();
        } catch {
          serviceAccepts = false;
        }
        expect({ text, ok: checked.ok }).toEqual({ text, ok: serviceAccepts });
        if (!checked.ok) expect(checked.problems.map((p) => p.place)).toEqual([field]);
      }
    });
  }

  test('features: at least two, each once, in the order of the feature list whatever the order of clicks', () => {
    const one = { ...defaults, features: defaults.features.slice(0, 1) };
    expect(checkDraft(one)).toEqual({
      ok: false,
      problems: [{ place: 'features', code: 'too_few_features', limit: 2 }],
    });
    expect(() => parseSegmentationSettings({ features: one.features })).toThrow(/at least 2 features/);
    const picked = withFeature(withFeature({ ...defaults, features: [] }, 'age', true), 'deposits', true);
    expect(picked.features).toEqual(['deposits', 'age']);
    expect(withFeature(picked, 'deposits', true).features).toEqual(['deposits', 'age']);
    expect(withFeature(picked, 'age', false).features).toEqual(['deposits']);
    const checked = checkDraft(picked);
    expect(checked.ok && parseSegmentationSettings(checked.segmentation).features).toEqual(['deposits', 'age']);
  });

  test('every problem of a draft is found at once', () => {
    const checked = checkDraft({ ...defaults, k: '1', seed: 'x', features: [], minSupport: '0', maxLength: '9' });
    expect(checked.ok ? [] : checked.problems).toEqual([
      { place: 'k', code: 'too_small', limit: 2 },
      { place: 'seed', code: 'not_a_number' },
      { place: 'features', code: 'too_few_features', limit: 2 },
      { place: 'minSupport', code: 'not_above', limit: 0 },
      { place: 'maxLength', code: 'too_big', limit: 6 },
    ]);
  });
});

describe('edited parts', () => {
  test('only the setting that changed is edited; a k typed while the silhouette is chosen changes nothing', () => {
    expect(editedParts(defaults, defaults)).toEqual({ segmentation: false, mining: false });
    expect(editedParts({ ...defaults, minConfidence: '50' }, defaults)).toEqual({ segmentation: false, mining: true });
    expect(editedParts({ ...defaults, k: '4' }, defaults)).toEqual({ segmentation: true, mining: false });
    const auto = { ...defaults, kMode: 'auto' as const, k: '' };
    expect(editedParts({ ...auto, k: '7' }, auto)).toEqual({ segmentation: false, mining: false });
    expect(editedParts(withFeature(defaults, 'tenure', true), defaults).segmentation).toBe(true);
  });
});

describe("the services' problems at their fields", () => {
  test("a refused segmentation and mining setting name the form's fields", () => {
    const segmentation = serviceProblems(
      'segmentation',
      refusal(() => parseSegmentationSettings({ k: 1, features: ['deposits'] })),
    );
    expect(segmentation.map((p) => p.place)).toEqual(['k', 'features']);
    expect(segmentation[1]).toEqual({ place: 'features', code: 'service', message: 'at least 2 features' });
    const mining = serviceProblems(
      'mining',
      refusal(() => parseMiningSettings({ minSupport: 0, maxLength: 1 })),
    );
    expect(mining).toEqual([
      { place: 'minSupport', code: 'service', message: 'minimum support must be above 0' },
      { place: 'maxLength', code: 'service', message: 'maximum length must be at least 2 (a rule has two sides)' },
    ]);
  });

  test('a problem with no field of the form stays with its setting, whole; no list means no problems', () => {
    const unknown = serviceProblems(
      'mining',
      refusal(() => parseMiningSettings({ minLift: 2 })),
    );
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ place: 'mining', code: 'service' });
    expect(serviceProblems('segmentation', { problems: ['features.3: Invalid option'] })[0]!.place).toBe('features');
    expect(serviceProblems('segmentation', undefined)).toEqual([]);
    expect(serviceProblems('segmentation', { problems: 'k: bad' })).toEqual([]);
  });
});

describe('problem text', () => {
  const texts = (t: Translate, problems: FieldProblem[]) => problems.map((p) => problemText(t, p));
  const problems: FieldProblem[] = [
    { place: 'minSupport', code: 'not_above', limit: 0 },
    { place: 'minConfidence', code: 'too_big', limit: 100 },
    { place: 'k', code: 'too_small', limit: 2 },
    { place: 'seed', code: 'not_whole' },
    { place: 'features', code: 'too_few_features', limit: 2 },
    { place: 'k', code: 'service', message: 'Too small: expected number to be >=2' },
  ];

  test('in English and Chinese, percentages with their sign, the service sentence as it came', () => {
    expect(texts(en, problems)).toEqual([
      'must be above 0%',
      'must be at most 100%',
      'must be at least 2',
      'enter a whole number',
      'choose at least 2 features',
      'Too small: expected number to be >=2',
    ]);
    expect(texts(zh, problems)).toEqual([
      '必须大于 0%',
      '不能大于 100%',
      '不能小于 2',
      '请填写整数',
      '至少选择 2 项特征',
      'Too small: expected number to be >=2',
    ]);
  });
});
