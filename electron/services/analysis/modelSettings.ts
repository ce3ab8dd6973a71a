// The scoring model in settings (`analysis.model.*`): read it with its version and labels, save an edited one
// (checked parameter by parameter; the next run uses it), or go back to the standard model.
import type { z } from 'zod';
import type { ParsedInputOf } from '../../api/contract.js';
import { AppError } from '../../api/errors.js';
import type {
  ModelProblem,
  ModelProblemCode,
  ScoringModelLabels,
  ScoringModelParameters,
  ScoringModelSettings,
  VetoRuleKey,
} from '../../api/scoringModelTypes.js';
import { prepared } from '../../../db/queries/prepared.js';
import type { ServiceContext } from '../context.js';
import { currentModel, modelSettingKey } from './run.js';
import {
  canonicalModelJson,
  defaultScoringModel,
  factorCatalogue,
  modelVersion,
  scoreKeys,
  scoringModelSchema,
  vetoLabels,
  type ScoringModel,
  type VetoCode,
} from './scoring/index.js';

// The contract's plain type must hold every model the schema reads, and name every section of it.
type Assignable<A extends B, B> = A;
type SameSections<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never] ? true : never;
export type ModelTypeChecks = [
  Assignable<ScoringModel, ScoringModelParameters>,
  SameSections<ScoringModel, ScoringModelParameters>,
];

const scoreLabels: ScoringModelLabels['scores'] = {
  contribution: { zh: '贡献度', en: 'Contribution' },
  activity: { zh: '活跃度', en: 'Activity' },
  channel: { zh: '渠道偏好', en: 'Channel preference' },
  credit: { zh: '信用等级', en: 'Credit' },
  loyalty: { zh: '忠诚度', en: 'Loyalty' },
};

const vetoCodeOf: Record<VetoRuleKey, VetoCode> = {
  blacklist: 'blacklist',
  currentOverdue: 'current_overdue',
  noConsent: 'no_consent',
  doNotContact: 'do_not_contact',
  frozenAccount: 'frozen_account',
  dormant: 'dormant',
  recentComplaint: 'recent_complaint',
  underAge: 'under_age',
};

function modelLabels(model: ScoringModel): ScoringModelLabels {
  const catalogue = factorCatalogue(model);
  return {
    scores: scoreLabels,
    factors: Object.fromEntries(
      scoreKeys.map((key) => [
        key,
        catalogue[key].map((f) => ({ key: f.key, label: { zh: f.labelZh, en: f.labelEn }, unit: f.unit })),
      ]),
    ) as ScoringModelLabels['factors'],
    vetoes: Object.fromEntries(
      Object.entries(vetoCodeOf).map(([key, code]) => [key, vetoLabels[code]]),
    ) as ScoringModelLabels['vetoes'],
  };
}

function settings(ctx: ServiceContext): ScoringModelSettings {
  const model = currentModel(ctx.db);
  const defaults = defaultScoringModel();
  const savedAt = prepared(ctx.db, 'SELECT updated_at FROM settings WHERE key = ?').pluck().get(modelSettingKey) as
    string | undefined;
  const version = modelVersion(model);
  const defaultVersion = modelVersion(defaults);
  return {
    model,
    version,
    isDefault: version === defaultVersion,
    savedAt: savedAt ?? null,
    defaults,
    defaultVersion,
    labels: modelLabels(model),
  };
}

export function getModelSettings(
  ctx: ServiceContext,
  _input: ParsedInputOf<'analysis.model.get'>,
): ScoringModelSettings {
  return settings(ctx);
}

const pathText = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(model)';

/** The schema's own rules (model.ts), by their message. */
const ruleCodes: Record<string, ModelProblemCode> = {
  'breakpoint values must be strictly increasing': 'not_increasing',
  'grades must go from the highest minimum score down': 'grade_order',
  'the last grade must start at 0': 'last_grade',
  'at least one composite weight must be > 0': 'no_composite_weight',
  'the VIP threshold must be ≥ the key threshold': 'tier_order',
  'persona tag keys must be unique': 'persona_keys',
  'a persona tag needs a term': 'persona_term',
};

function problemOf(issue: z.core.$ZodIssue): ModelProblem {
  const base = { path: pathText(issue.path), message: issue.message };
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      return { ...base, code: issue.code, ...(Number.isFinite(limit) ? { limit } : {}) };
    }
    case 'invalid_type':
      return {
        ...base,
        code: issue.expected === 'number' ? 'not_a_number' : issue.expected === 'int' ? 'not_whole' : 'invalid',
      };
    case 'invalid_format':
      return { ...base, code: 'invalid' };
    case 'custom':
      return { ...base, code: ruleCodes[issue.message] ?? 'invalid' };
    default:
      return { ...base, code: 'invalid' };
  }
}

/** Keys the schema does not know would be dropped without a word: name them instead. */
function unknownParameters(input: unknown, parsed: unknown, path: PropertyKey[] = []): ModelProblem[] {
  if (Array.isArray(input) && Array.isArray(parsed)) {
    return input.flatMap((item, k) => unknownParameters(item, parsed[k], [...path, k]));
  }
  if (input === null || typeof input !== 'object' || parsed === null || typeof parsed !== 'object') return [];
  return Object.entries(input).flatMap(([key, value]) =>
    Object.hasOwn(parsed, key)
      ? unknownParameters(value, (parsed as Record<string, unknown>)[key], [...path, key])
      : [
          {
            path: pathText([...path, key]),
            code: 'unknown_parameter',
            message: 'not a parameter of the scoring model',
          },
        ],
  );
}

/** The model, or every problem with the path of its parameter. */
export function checkModel(
  input: unknown,
): { ok: true; model: ScoringModel } | { ok: false; problems: ModelProblem[] } {
  const parsed = scoringModelSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map(problemOf),
    };
  }
  const unknown = unknownParameters(input, parsed.data);
  return unknown.length > 0 ? { ok: false, problems: unknown } : { ok: true, model: parsed.data };
}

function store(ctx: ServiceContext, model: ScoringModel): void {
  prepared(
    ctx.db,
    `INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @now)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run({ key: modelSettingKey, value: canonicalModelJson(model), now: new Date().toISOString() });
}

export function saveModelSettings(
  ctx: ServiceContext,
  input: ParsedInputOf<'analysis.model.save'>,
): ScoringModelSettings {
  const checked = checkModel(input.model);
  if (!checked.ok) {
    const list = checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    const count = checked.problems.length;
    throw new AppError(
      'invalid_input',
      `The scoring model was not saved: ${count === 1 ? 'one parameter needs' : `${count} parameters need`} correcting. ${list}`,
      { problems: checked.problems },
    );
  }
  store(ctx, checked.model);
  return settings(ctx);
}

export function resetModelSettings(
  ctx: ServiceContext,
  _input: ParsedInputOf<'analysis.model.reset'>,
): ScoringModelSettings {
  prepared(ctx.db, 'DELETE FROM settings WHERE key = ?').run(modelSettingKey);
  return settings(ctx);
}
