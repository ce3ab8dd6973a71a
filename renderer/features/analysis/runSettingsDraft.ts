// Pure helpers of the segments & rules settings screen: the two settings of the next run as the form holds them
// (numbers as typed, support and confidence as percentages), checked with the services' bounds before a round
// trip, and the services' problems put back at the field they name.
import type { MiningSettings } from '../../../electron/api/associationTypes.js';
import { segmentFeatureKeys, type SegmentFeatureKey } from '../../../electron/api/segmentTypes.js';
import type { Translate } from '../../app/i18n/i18n.js';
import { shown, stored } from './modelDraft.js';

/** `analysis.segmentation` as the service reads it (defaults filled in). */
// A type, not an interface, so that it passes as the JSON value of settings.set.
export type SegmentationSettings = {
  k: number | 'auto';
  seed: number;
  features: SegmentFeatureKey[];
};

export type { MiningSettings };

/**
 * The bounds the services' schemas check (segmentationSettings.ts, associationTypes.ts), rates as fractions; a unit
 * test holds the two to the same answers. `autoK` is the range the silhouette chooses from, for the label.
 */
export const runSettingsBounds = {
  k: { min: 2, max: 20 },
  autoK: { min: 3, max: 8 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  features: { min: 2 },
  minSupport: { above: 0, max: 1 },
  minConfidence: { min: 0, max: 1 },
  maxLength: { min: 2, max: 6 },
} as const;

export interface RunSettingsDraft {
  kMode: 'auto' | 'fixed';
  /** The typed number of segments, kept while 'auto' is chosen so that switching back finds it again. */
  k: string;
  seed: string;
  /** Chosen features in the order of segmentFeatureKeys, so the same choice always reads the same. */
  features: SegmentFeatureKey[];
  /** Percentages as typed: "2" is a support of 0.02. */
  minSupport: string;
  minConfidence: string;
  maxLength: string;
}

export type SegmentationField = 'k' | 'seed' | 'features';
export type MiningField = 'minSupport' | 'minConfidence' | 'maxLength';
export type RunSettingsField = SegmentationField | MiningField;
/** Where a problem shows: one field, or a setting as a whole (a problem the service reports with no field). */
export type ProblemPlace = RunSettingsField | 'segmentation' | 'mining';

export type FieldProblem =
  | { place: ProblemPlace; code: 'not_a_number' | 'not_whole' }
  /** limit is in the field's unit as shown (percent for support and confidence). */
  | { place: ProblemPlace; code: 'too_small' | 'not_above' | 'too_big' | 'too_few_features'; limit: number }
  /** The service's own sentence, for a problem the form did not foresee. */
  | { place: ProblemPlace; code: 'service'; message: string };

const percent = 100;
const segmentationFields: readonly string[] = ['k', 'seed', 'features'] satisfies SegmentationField[];
const miningFields: readonly string[] = ['minSupport', 'minConfidence', 'maxLength'] satisfies MiningField[];

/** A rate as the field shows it: 0.02 as "2" (per cent), without floating-point tails. */
export function percentText(fraction: number): string {
  return shown(fraction, percent);
}

/** The fraction a percentage's text stands for; NaN for text that is not a number. */
export function fractionOf(text: string): number {
  return stored(text, percent);
}

function inKeyOrder(keys: readonly SegmentFeatureKey[]): SegmentFeatureKey[] {
  const chosen = new Set(keys);
  return segmentFeatureKeys.filter((key) => chosen.has(key));
}

export function draftOf(segmentation: SegmentationSettings, mining: MiningSettings): RunSettingsDraft {
  return {
    kMode: segmentation.k === 'auto' ? 'auto' : 'fixed',
    k: segmentation.k === 'auto' ? '' : String(segmentation.k),
    seed: String(segmentation.seed),
    features: inKeyOrder(segmentation.features),
    minSupport: percentText(mining.minSupport),
    minConfidence: percentText(mining.minConfidence),
    maxLength: String(mining.maxLength),
  };
}

export function withFeature(draft: RunSettingsDraft, key: SegmentFeatureKey, chosen: boolean): RunSettingsDraft {
  const rest = draft.features.filter((feature) => feature !== key);
  return { ...draft, features: inKeyOrder(chosen ? [...rest, key] : rest) };
}

/** The parts of the draft that differ from what is saved: only those are sent. */
export function editedParts(
  draft: RunSettingsDraft,
  saved: RunSettingsDraft,
): { segmentation: boolean; mining: boolean } {
  const differs = (fields: readonly string[]) =>
    fields.some(
      (field) => JSON.stringify(draft[field as RunSettingsField]) !== JSON.stringify(saved[field as RunSettingsField]),
    );
  // The typed k matters only when a fixed number is chosen.
  const kDiffers = draft.kMode !== saved.kMode || (draft.kMode === 'fixed' && draft.k.trim() !== saved.k.trim());
  return {
    segmentation: kDiffers || differs(['seed', 'features']),
    mining: differs(miningFields),
  };
}

type NumberRule = { whole?: boolean; min?: number; above?: number; max?: number; scale?: number };

/** The number a field's text stands for, or the problem with it (limits shown in the field's unit). */
function readNumber(place: RunSettingsField, text: string, rule: NumberRule): number | FieldProblem {
  const scale = rule.scale ?? 1;
  const value = stored(text, scale);
  if (Number.isNaN(value)) return { place, code: 'not_a_number' };
  if (rule.whole && !Number.isInteger(value)) return { place, code: 'not_whole' };
  if (rule.above !== undefined && !(value > rule.above)) return { place, code: 'not_above', limit: rule.above * scale };
  if (rule.min !== undefined && value < rule.min) return { place, code: 'too_small', limit: rule.min * scale };
  if (rule.max !== undefined && value > rule.max) return { place, code: 'too_big', limit: rule.max * scale };
  return value;
}

export type CheckedDraft =
  { ok: true; segmentation: SegmentationSettings; mining: MiningSettings } | { ok: false; problems: FieldProblem[] };

/** The settings the draft stands for, or every problem with it (the same bounds the services check). */
export function checkDraft(draft: RunSettingsDraft): CheckedDraft {
  const b = runSettingsBounds;
  const problems: FieldProblem[] = [];
  const take = (read: number | FieldProblem): number => {
    if (typeof read === 'number') return read;
    problems.push(read);
    return Number.NaN;
  };
  const k = draft.kMode === 'auto' ? 'auto' : take(readNumber('k', draft.k, { whole: true, ...b.k }));
  const seed = take(readNumber('seed', draft.seed, { whole: true, ...b.seed }));
  if (draft.features.length < b.features.min) {
    problems.push({ place: 'features', code: 'too_few_features', limit: b.features.min });
  }
  const minSupport = take(readNumber('minSupport', draft.minSupport, { ...b.minSupport, scale: percent }));
  const minConfidence = take(readNumber('minConfidence', draft.minConfidence, { ...b.minConfidence, scale: percent }));
  const maxLength = take(readNumber('maxLength', draft.maxLength, { whole: true, ...b.maxLength }));
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    segmentation: { k, seed, features: [...draft.features] },
    mining: { minSupport, minConfidence, maxLength },
  };
}

/**
 * The problems in a refusal of `settings.set` (details.problems: "path: sentence" lines), each at the field its path
 * names, or at the setting as a whole; empty when the refusal carries none (then its message is the news).
 */
export function serviceProblems(setting: 'segmentation' | 'mining', details: unknown): FieldProblem[] {
  const list = (details as { problems?: unknown } | undefined)?.problems;
  if (!Array.isArray(list)) return [];
  const fields = setting === 'segmentation' ? segmentationFields : miningFields;
  return list
    .filter((line): line is string => typeof line === 'string')
    .map((line) => {
      const colon = line.indexOf(': ');
      const path = colon < 0 ? '' : line.slice(0, colon);
      const head = path.split('.')[0] ?? '';
      const place = fields.includes(head) ? (head as RunSettingsField) : setting;
      return { place, code: 'service', message: colon < 0 || place === setting ? line : line.slice(colon + 2) };
    });
}

export function problemsAtPlace(problems: readonly FieldProblem[], place: ProblemPlace): FieldProblem[] {
  return problems.filter((problem) => problem.place === place);
}

const percentFields: ReadonlySet<ProblemPlace> = new Set(['minSupport', 'minConfidence']);

/** A problem in the reader's language; the service's sentence (English) for one the form has no words for. */
export function problemText(t: Translate, problem: FieldProblem): string {
  switch (problem.code) {
    case 'service':
      return problem.message;
    case 'not_a_number':
    case 'not_whole':
      return t(`runSettings.problem.${problem.code}`);
    default: {
      const limit = percentFields.has(problem.place) ? `${shown(problem.limit)}%` : String(problem.limit);
      return t(`runSettings.problem.${problem.code}`, { limit });
    }
  }
}
