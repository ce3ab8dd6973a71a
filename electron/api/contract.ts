// The whole API surface in one table: every call the renderer, the CLI or a script can make, with a
// zod schema for its input and the type of its result. IPC handlers, the preload bridge, the HTTP
// routes and the typed clients are all derived from this table.
import { z } from 'zod';
import type {
  AppInfo,
  CustomerActivity,
  CustomerDetail,
  CustomerPage,
  DatabaseStats,
  DemoLoadResult,
  FilterOptions,
  Repayment,
} from './types.js';
import { customerEditableFields, type CustomerChange } from './customerEdit.js';
import { analysisTiers, type AnalysisRunSummary, type CustomerScoreCard } from './analysisTypes.js';
import { segmentFeatureKeys, type SegmentationView, type SegmentMap } from './segmentTypes.js';
import { ruleSortColumns, type AssociationMatrix, type CustomerNeeds, type RulePage } from './associationTypes.js';
import type { ScoringModelEdit, ScoringModelSettings } from './scoringModelTypes.js';
import {
  importKindNames,
  type ImportInspection,
  type ImportProfile,
  type ImportRejection,
  type ImportResult,
  type ImportRunSummary,
} from './importTypes.js';

interface CallSpec<I extends z.ZodType, R> {
  input: I;
  /** Long calls stream progress and can be cancelled. */
  long: boolean;
  /** Calls that write run one at a time; reads meanwhile see the last committed data. */
  writes: boolean;
  /** Phantom field carrying the result type; never set at run time. */
  result?: R;
}

function call<R>() {
  return <I extends z.ZodType>(input: I, options: { long?: boolean; writes?: boolean } = {}): CallSpec<I, R> => ({
    input,
    long: options.long ?? false,
    writes: options.writes ?? false,
  });
}

const customerId = z
  .string()
  .trim()
  .min(1, 'customer number is empty')
  .max(32, 'customer number is longer than 32 characters');

const loanId = z.string().trim().min(1, 'loan number is empty').max(64, 'loan number is longer than 64 characters');

export const customerSortColumns = [
  'customerId',
  'name',
  'age',
  'depositBalance',
  'loanBalance',
  'customerSince',
] as const;

export type CustomerSortColumn = (typeof customerSortColumns)[number];

export interface CustomerSort {
  column: CustomerSortColumn;
  direction: 'asc' | 'desc';
}

/** Age bands as bankers segment them: minors, young earners, mid-career, approaching and past retirement. */
export const ageBands = ['under18', '18to30', '31to45', '46to60', 'over60'] as const;
export type AgeBand = (typeof ageBands)[number];
/** Deposit balance bands in yuan: < 1万, 1–5万, 5–20万, 20–50万, ≥ 50万. */
export const balanceBands = ['under10k', '10kTo50k', '50kTo200k', '200kTo500k', 'atLeast500k'] as const;
export type BalanceBand = (typeof balanceBands)[number];
export const occupations = ['farmer', 'business', 'salaried', 'retired', 'student', 'other'] as const;

const productId = z.string().trim().min(1, 'product id is empty').max(32, 'product id is longer than 32 characters');

export const customerFilters = z
  .object({
    text: z.string().trim().max(64, 'search text is longer than 64 characters').optional(),
    areaType: z.enum(['urban', 'rural']).optional(),
    town: z.string().max(64).optional(),
    village: z.string().max(64).optional(),
    managerId: z.string().max(32).optional(),
    ageBand: z.enum(ageBands, { error: `age band must be one of ${ageBands.join(', ')}` }).optional(),
    occupation: z.enum(occupations, { error: `occupation must be one of ${occupations.join(', ')}` }).optional(),
    balanceBand: z.enum(balanceBands, { error: `balance band must be one of ${balanceBands.join(', ')}` }).optional(),
    productHeld: productId.optional(),
    productNotHeld: productId.optional(),
    /** From the latest analysis run: the tier, a persona tag carried, and whether marketing may approach. */
    tier: z.enum(analysisTiers, { error: `tier must be one of ${analysisTiers.join(', ')}` }).optional(),
    persona: z.string().trim().min(1).max(64).optional(),
    marketable: z.enum(['yes', 'no']).optional(),
  })
  .strict();

export type CustomerFilters = z.infer<typeof customerFilters>;

const settingKeys = z.enum(['ui.locale', 'analysis.segmentation', 'analysis.mining']);

const filePath = z.string().trim().min(1, 'file path is empty').max(4096, 'file path is too long');
const columnMapping = z.record(z.string().max(64), z.string().max(200));
const profileName = z
  .string()
  .trim()
  .min(1, 'profile name is empty')
  .max(64, 'profile name is longer than 64 characters');

export const contract = {
  'app.info': call<AppInfo>()(z.object({}).strict()),
  'stats.summary': call<DatabaseStats>()(z.object({}).strict()),
  'customers.list': call<CustomerPage>()(
    z
      .object({
        filters: customerFilters.default({}),
        sort: z
          .object({ column: z.enum(customerSortColumns), direction: z.enum(['asc', 'desc']) })
          .strict()
          .default({ column: 'depositBalance', direction: 'desc' }),
        offset: z.number().int().min(0, 'offset is negative').max(50_000_000).default(0),
        limit: z.number().int().min(1).max(500, 'at most 500 rows per page').default(100),
      })
      .strict(),
  ),
  'customers.count': call<{ total: number }>()(z.object({ filters: customerFilters.default({}) }).strict()),
  'customers.get': call<CustomerDetail>()(z.object({ customerId }).strict()),
  'customers.activity': call<CustomerActivity>()(
    z.object({ customerId, months: z.number().int().min(1).max(60).default(24) }).strict(),
  ),
  /** A loan's instalments, newest due date first. */
  'customers.repayments': call<Repayment[]>()(z.object({ loanId }).strict()),
  'customers.filterOptions': call<FilterOptions>()(z.object({}).strict()),
  'customers.update': call<CustomerDetail>()(
    z
      .object({
        customerId,
        // Values travel as text, exactly as typed: the service parses them with the import's rules.
        changes: z.partialRecord(z.enum(customerEditableFields), z.string().max(1000).nullable()),
        actor: z.string().trim().min(1).max(64).default('rm'),
      })
      .strict(),
    { writes: true },
  ),
  'customers.history': call<CustomerChange[]>()(
    z.object({ customerId, limit: z.number().int().min(1).max(500).default(50) }).strict(),
  ),
  'demo.load': call<DemoLoadResult>()(
    z
      .object({
        customers: z.number().int().min(10, 'at least 10 customers').max(2_000_000).default(2000),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .default(20261123),
        activityMonths: z.number().int().min(0).max(36).default(24),
        replace: z.boolean().default(false),
      })
      .strict(),
    { long: true, writes: true },
  ),
  'demo.install': call<ImportResult>()(
    z
      .object({
        customers: z.number().int().min(10, 'at least 10 customers').max(100_000).default(2000),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .default(20261123),
        months: z.number().int().min(1).max(36).default(24),
      })
      .strict(),
    { long: true, writes: true },
  ),
  'settings.get': call<{ key: string; value: unknown }>()(z.object({ key: settingKeys }).strict()),
  'settings.set': call<{ key: string; value: unknown }>()(z.object({ key: settingKeys, value: z.json() }).strict(), {
    writes: true,
  }),
  'import.inspect': call<ImportInspection>()(z.object({ path: filePath }).strict()),
  'import.run': call<ImportResult>()(
    z
      .object({
        files: z
          .array(
            z
              .object({
                path: filePath,
                kind: z.enum(importKindNames).optional(),
                mapping: columnMapping.optional(),
                profile: profileName.optional(),
              })
              .strict(),
          )
          .min(1, 'no files to import')
          .max(64, 'at most 64 files in one import'),
        actor: z.string().trim().min(1).max(64).default('operator'),
        /** Marks the branches of this import as demo data (the generated demo branch). */
        markDemo: z.boolean().default(false),
      })
      .strict(),
    { long: true, writes: true },
  ),
  'import.rejections': call<{ total: number; rows: ImportRejection[] }>()(
    z
      .object({
        runId: z.number().int().min(1),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(100_000).default(1000),
      })
      .strict(),
  ),
  'import.history': call<ImportRunSummary[]>()(
    z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
  ),
  'import.profiles.list': call<ImportProfile[]>()(z.object({ kind: z.enum(importKindNames).optional() }).strict()),
  'import.profiles.save': call<ImportProfile>()(
    z.object({ name: profileName, kind: z.enum(importKindNames), mapping: columnMapping }).strict(),
    { writes: true },
  ),
  'analysis.run': call<AnalysisRunSummary>()(
    z.object({ actor: z.string().trim().min(1).max(64).default('operator') }).strict(),
    { long: true, writes: true },
  ),
  'analysis.runs': call<AnalysisRunSummary[]>()(
    z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
  ),
  'analysis.customer': call<{ card: CustomerScoreCard | null }>()(
    z.object({ customerId, runId: z.number().int().min(1).optional() }).strict(),
  ),
  /** A run's segments (the latest run when none is named); null when it was not segmented. */
  'analysis.segments': call<{ segmentation: SegmentationView | null }>()(
    z.object({ runId: z.number().int().min(1).optional() }).strict(),
  ),
  /** The segment map: the run's stored sample of customers on two of its features. */
  'analysis.segmentMap': call<{ map: SegmentMap | null }>()(
    z
      .object({
        runId: z.number().int().min(1).optional(),
        x: z.enum(segmentFeatureKeys, { error: `x must be one of ${segmentFeatureKeys.join(', ')}` }),
        y: z.enum(segmentFeatureKeys, { error: `y must be one of ${segmentFeatureKeys.join(', ')}` }),
      })
      .strict(),
  ),
  /** The association rules of a run (the latest when no run is named), filtered, sorted and paged. */
  'analysis.rules': call<RulePage>()(
    z
      .object({
        runId: z.number().int().min(1).optional(),
        /** Only rules whose consequent is made of products. */
        productOnly: z.boolean().default(false),
        /** Rules naming an item whose key or label contains this text. */
        search: z.string().trim().max(64, 'search text is longer than 64 characters').optional(),
        minLift: z.number().min(0, 'minimum lift is negative').optional(),
        sort: z
          .object({ column: z.enum(ruleSortColumns), direction: z.enum(['asc', 'desc']) })
          .strict()
          .default({ column: 'confidence', direction: 'desc' }),
        offset: z.number().int().min(0, 'offset is negative').default(0),
        limit: z.number().int().min(1).max(500, 'at most 500 rules per page').default(50),
      })
      .strict(),
  ),
  /** The trait × product relation matrix of a run (the latest when no run is named); null without runs. */
  'analysis.associations': call<{ matrix: AssociationMatrix | null }>()(
    z.object({ runId: z.number().int().min(1).optional() }).strict(),
  ),
  /** A customer's latent needs in a run (the latest when no run is named). */
  'analysis.customerNeeds': call<CustomerNeeds>()(
    z.object({ customerId, runId: z.number().int().min(1).optional() }).strict(),
  ),
  /** The scoring model the next run uses, its version, the standard model and the labels of every parameter. */
  'analysis.model.get': call<ScoringModelSettings>()(z.object({}).strict()),
  /** Checked parameter by parameter (problems in the error's details, each with its path); a new version. */
  'analysis.model.save': call<ScoringModelSettings>()(
    z
      .object({
        model: z.custom<ScoringModelEdit>(
          (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
          'the model must be an object of parameters',
        ),
      })
      .strict(),
    { writes: true },
  ),
  'analysis.model.reset': call<ScoringModelSettings>()(z.object({}).strict(), { writes: true }),
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type InputOf<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends Method> = z.output<Contract[M]['input']>;
export type ResultOf<M extends Method> = NonNullable<Contract[M]['result']>;

export const methods = Object.keys(contract) as Method[];

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}
