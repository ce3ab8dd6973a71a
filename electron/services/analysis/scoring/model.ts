// The scoring model's parameters: margins, the weight and breakpoints of every factor, grades, tiers, vetoes and
// persona rules. Every field has a default, so `scoringModelSchema.parse({})` is the standard model and a saved
// model may leave out what it does not change. docs/SCORES.md explains each parameter.
import { z } from 'zod';
import { channels } from '../../../api/types.js';
import { defaultPersonaRules } from './personaDefaults.js';
import { bp } from './piecewise.js';
import { signalNames } from './signalNames.js';

const unit = z.number().min(0).max(1);
const rate = z.number().min(0).max(1);

const breakpointsSchema = z
  .array(z.tuple([z.number(), unit]))
  .min(1)
  .refine((points) => points.every((p, k) => k === 0 || p[0] > points[k - 1]![0]), {
    message: 'breakpoint values must be strictly increasing',
  });

/** One factor of a weighted score: its weight and the mapping of its value to a degree 0–1. */
function factor(weight: number, points: [number, number][], ifMissing = 0) {
  return z
    .object({
      weight: z.number().min(0).default(weight),
      points: breakpointsSchema.default(points),
      /** Degree when the value is unknown (never transacted, no balance history). */
      ifMissing: unit.default(ifMissing),
    })
    .prefault({});
}

const channelSchema = z.enum(channels as [string, ...string[]]);
const channelList = (list: string[]) => z.array(channelSchema).min(1).default(list);

const contributionSchema = z
  .object({
    /** Yearly net interest margin earned on deposit balances (e.g. 0.015 = 1.5 %). */
    depositMarginRate: rate.default(0.015),
    /** Yearly net interest margin earned on loan balances. */
    loanMarginRate: rate.default(0.025),
    /** Yearly fee earned on wealth-management holdings (理财/代销). */
    wealthFeeRate: rate.default(0.006),
    /** Multiplier of the fee income of the last 12 months (1 = counted in full). */
    feeIncomeWeight: z.number().min(0).max(10).default(1),
  })
  .prefault({});

const activitySchema = z
  .object({
    eChannels: channelList(['internet', 'mobile', 'phone']),
    factors: z
      .object({
        transactions: factor(25, bp([0, 0], [12, 0.4], [48, 0.8], [120, 1])),
        cardSwipes: factor(15, bp([0, 0], [12, 0.5], [60, 1])),
        eChannel: factor(15, bp([0, 0], [12, 0.5], [120, 1])),
        monthsActive: factor(25, bp([0, 0], [12, 1])),
        recency: factor(20, bp([30, 1], [90, 0.6], [180, 0.3], [365, 0]), 0),
      })
      .prefault({}),
  })
  .prefault({});

const channelPreferenceSchema = z
  .object({
    digitalChannels: channelList(['internet', 'mobile']),
    factors: z
      .object({
        digitalShare: factor(50, bp([0, 0], [0.5, 0.7], [0.8, 1])),
        digitalVolume: factor(30, bp([0, 0], [24, 0.6], [120, 1])),
        ebankingHeld: factor(20, bp([0, 0], [1, 1])),
      })
      .prefault({}),
  })
  .prefault({});

const gradeSchema = z.object({ label: z.string().min(1).max(8), minScore: z.number().min(0).max(100) });

const creditSchema = z
  .object({
    factors: z
      .object({
        onTimeRatio: factor(35, bp([0.5, 0], [0.8, 0.5], [0.95, 0.9], [1, 1])),
        worstDaysPastDue: factor(25, bp([0, 1], [1, 0.85], [30, 0.5], [90, 0.15], [180, 0])),
        currentOverdue: factor(20, bp([0, 1], [1, 0])),
        defaults: factor(10, bp([0, 1], [1, 0])),
        /** Over the codes 1 normal 正常, 2 special mention 关注, 3 substandard 次级, 4 doubtful 可疑, 5 loss 损失. */
        classification: factor(10, bp([1, 1], [2, 0.6], [3, 0.3], [4, 0.1], [5, 0])),
      })
      .prefault({}),
    /** From the best grade down; the last must start at 0 so that every score has a grade. */
    grades: z
      .array(gradeSchema)
      .min(1)
      .default([
        { label: 'AAA', minScore: 90 },
        { label: 'AA', minScore: 80 },
        { label: 'A', minScore: 70 },
        { label: 'B', minScore: 60 },
        { label: 'C', minScore: 0 },
      ])
      .refine((g) => g.every((x, k) => k === 0 || x.minScore < g[k - 1]!.minScore), {
        message: 'grades must go from the highest minimum score down',
      })
      .refine((g) => g[g.length - 1]!.minScore === 0, { message: 'the last grade must start at 0' }),
  })
  .prefault({});

const loyaltySchema = z
  .object({
    factors: z
      .object({
        tenure: factor(30, bp([0, 0], [12, 0.2], [60, 0.6], [120, 0.9], [240, 1])),
        breadth: factor(25, bp([1, 0], [2, 0.35], [3, 0.6], [4, 0.8], [6, 1])),
        balanceStability: factor(15, bp([0.1, 1], [0.5, 0.4], [1, 0]), 0),
        payrollPension: factor(20, bp([0, 0], [1, 1])),
        regularDeposits: factor(10, bp([0, 0], [12, 1])),
      })
      .prefault({}),
  })
  .prefault({});

const compositeSchema = z
  .object({
    /** Relative weights; credit is left out (and the rest rescaled) for a customer with no credit history. */
    weights: z
      .object({
        contribution: z.number().min(0).default(40),
        activity: z.number().min(0).default(20),
        channel: z.number().min(0).default(5),
        credit: z.number().min(0).default(15),
        loyalty: z.number().min(0).default(20),
      })
      .prefault({})
      .refine((w) => Object.values(w).some((x) => x > 0), { message: 'at least one composite weight must be > 0' }),
  })
  .prefault({});

const tiersSchema = z
  .object({
    vipMinComposite: z.number().min(0).max(100).default(88),
    keyMinComposite: z.number().min(0).max(100).default(75),
    /** Below key: "potential" when activity or digital adoption is at least this, else "mass". */
    potentialMinActivity: z.number().min(0).max(100).default(60),
    potentialMinChannel: z.number().min(0).max(100).default(70),
  })
  .prefault({})
  .refine((t) => t.vipMinComposite >= t.keyMinComposite, { message: 'the VIP threshold must be ≥ the key threshold' });

const enabled = z.boolean().default(true);

const vetoesSchema = z
  .object({
    blacklist: z.object({ enabled }).prefault({}),
    /** Vetoed when overdue and the unpaid amount due is at least this many fen (0 = any overdue). */
    currentOverdue: z.object({ enabled, minOverdueFen: z.number().int().min(0).default(0) }).prefault({}),
    noConsent: z.object({ enabled }).prefault({}),
    doNotContact: z.object({ enabled }).prefault({}),
    frozenAccount: z.object({ enabled, minFrozenAccounts: z.number().int().min(1).default(1) }).prefault({}),
    /** Dormant: every open account dormant, or no transaction for this many months (customers older than that). */
    dormant: z.object({ enabled, inactiveMonths: z.number().int().min(1).max(24).default(12) }).prefault({}),
    recentComplaint: z.object({ enabled, withinDays: z.number().int().min(1).max(3650).default(90) }).prefault({}),
    underAge: z.object({ enabled, minAge: z.number().int().min(0).max(30).default(18) }).prefault({}),
  })
  .prefault({});

const termSchema = z.object({ signal: z.enum(signalNames), points: breakpointsSchema, ifMissing: unit.default(0) });

const personaSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a tag key is lower-case letters, digits and _'),
  labelEn: z.string().min(1).max(60),
  labelZh: z.string().min(1).max(30),
  /** Every term must hold: the tag's weight is the smallest of their degrees. */
  all: z.array(termSchema).default([]),
  /** At least one must hold: the weight is also capped by the largest of their degrees. */
  any: z.array(termSchema).default([]),
  /** Weights below this are dropped (the tag is absent). */
  minWeight: unit.default(0.2),
});

export const scoringModelSchema = z
  .object({
    contribution: contributionSchema,
    activity: activitySchema,
    channel: channelPreferenceSchema,
    credit: creditSchema,
    loyalty: loyaltySchema,
    composite: compositeSchema,
    tiers: tiersSchema,
    vetoes: vetoesSchema,
    personas: z
      .array(personaSchema)
      .default(defaultPersonaRules)
      .refine((p) => new Set(p.map((x) => x.key)).size === p.length, { message: 'persona tag keys must be unique' })
      .refine((p) => p.every((x) => x.all.length + x.any.length > 0), { message: 'a persona tag needs a term' }),
  })
  .prefault({});

export type ScoringModel = z.infer<typeof scoringModelSchema>;
export type FactorParams = z.infer<ReturnType<typeof factor>>;
export type PersonaRule = z.infer<typeof personaSchema>;
export type PersonaTerm = z.infer<typeof termSchema>;

/** The standard model: every parameter at its default. */
export function defaultScoringModel(): ScoringModel {
  return scoringModelSchema.parse({});
}

export type ModelParseResult = { ok: true; model: ScoringModel } | { ok: false; problems: string[] };

/** Reads a saved or edited model; each problem names the parameter's path, e.g. `credit.grades: …`. */
export function parseScoringModel(input: unknown): ModelParseResult {
  const parsed = scoringModelSchema.safeParse(input);
  if (parsed.success) return { ok: true, model: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(model)'}: ${issue.message}`),
  };
}
