// What the association calls return (contract.ts), and the mining settings (`analysis.mining`) with their
// schema: the items of the customers' baskets, the trait × product relation matrix, rules and latent needs.
import { z } from 'zod';
import type { Label } from './analysisTypes.js';

/** Settings of the rule miner in an analysis run; the defaults bring out the demo branch's planted associations. */
export const miningSettingsSchema = z
  .object({
    minSupport: z
      .number()
      .gt(0, 'minimum support must be above 0')
      .max(1, 'minimum support must be at most 1')
      .default(0.02),
    minConfidence: z
      .number()
      .min(0, 'minimum confidence must be at least 0')
      .max(1, 'minimum confidence must be at most 1')
      .default(0.4),
    maxLength: z
      .number()
      .int('maximum length must be a whole number')
      .min(2, 'maximum length must be at least 2 (a rule has two sides)')
      .max(6, 'maximum length must be at most 6')
      .default(3),
  })
  .strict();

export type MiningSettings = z.output<typeof miningSettingsSchema>;

export const traitFamilies = [
  'contribution',
  'activity',
  'channelScore',
  'credit',
  'loyalty',
  'channel',
  'area',
  'age',
  'occupation',
  'tier',
] as const;
export type TraitFamily = (typeof traitFamilies)[number];
export type ItemFamily = TraitFamily | 'product';

/** One item a basket can hold: a trait of the customer (`contribution:high`) or a product held (`product:D04`). */
export interface AssociationItem {
  key: string;
  family: ItemFamily;
  label: Label;
  /** Customers whose basket holds the item. */
  count: number;
}

/** Kendall's tau-b between an ordinal trait (its bands in order) and holding each product. */
export interface OrdinalCorrelation {
  family: TraitFamily;
  label: Label;
  /** One per product column; null when either side does not vary. */
  tau: (number | null)[];
}

/** The pairwise relations of a run: trait rows × product columns. */
export interface AssociationMatrix {
  runId: number;
  baskets: number;
  traits: AssociationItem[];
  products: AssociationItem[];
  /** together[t][p]: customers with trait t holding product p. */
  together: number[][];
  /** lift[t][p] = together × baskets / (count t × count p); null when either count is 0. */
  lift: (number | null)[][];
  correlations: OrdinalCorrelation[];
}

export const ruleSortColumns = ['confidence', 'lift', 'support'] as const;
export type RuleSortColumn = (typeof ruleSortColumns)[number];

export interface RuleItem {
  key: string;
  label: Label;
}

export interface AssociationRuleView {
  rule: number;
  antecedent: RuleItem[];
  consequent: RuleItem[];
  support: number;
  confidence: number;
  lift: number;
}

export interface RulePage {
  runId: number | null;
  total: number;
  rows: AssociationRuleView[];
}

/** "Customers like this one usually also hold X": a product the customer does not hold, and the rule saying so. */
export interface LatentNeed {
  productId: string;
  label: Label;
  rule: number;
  because: RuleItem[];
  confidence: number;
  lift: number;
}

export interface CustomerNeeds {
  runId: number | null;
  needs: LatentNeed[];
}
