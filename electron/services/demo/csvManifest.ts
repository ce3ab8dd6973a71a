// manifest.json of a demo CSV export: what was asked for, what each file holds (rows, bytes, SHA-256),
// and the truth behind the data — each customer's latent group and the product associations planted
// in each group — for the segmentation and association tests. Written last: no manifest, no export.
import type { DemoProductId } from './catalogue.js';
import type { CsvEncoding, WrittenFile } from './csvFileWriter.js';
import type { AcceptedRow, PlacedTrap } from './dirtyPlan.js';
import { profiles, type ProfileKey } from './profiles.js';

/** Raised when the same options would give different bytes than before. */
export const demoCsvFormatVersion = 2;
export const manifestFileName = 'manifest.json';
export const latentFileName = 'latent_groups.csv';
export const rejectionsFileName = 'expected_rejections.csv';
/** A product a group holds at least this often counts as one of its planted associations. */
export const associationThreshold = 0.5;

export interface ProductAssociation {
  group: ProfileKey;
  /** The products the group holds with high probability, most likely first. */
  highProbability: DemoProductId[];
  /** The chance of holding each product beyond the demand savings and debit card everyone has. */
  products: Partial<Record<DemoProductId, number>>;
  loanChance: number;
  loanProducts: Partial<Record<DemoProductId, number>>;
}

export interface DemoCsvManifest {
  generator: { name: string; formatVersion: number; appVersion: string };
  note: string;
  seed: number;
  customers: number;
  months: number;
  asOf: string;
  encoding: CsvEncoding;
  bom: boolean;
  dirty: boolean;
  /** The core-banking files, in the order an import applies them. */
  files: WrittenFile[];
  latent: {
    file: WrittenFile;
    columns: ['customer_id', 'group'];
    groups: { group: ProfileKey; weight: number; customers: number }[];
    associationThreshold: number;
    /** Held by every customer (D01) or nearly every customer (C01), in every group. */
    baseline: Partial<Record<DemoProductId, number>>;
    productAssociations: ProductAssociation[];
  };
  expected: {
    rejections: WrittenFile;
    columns: string[];
    /** Odd-looking rows the importer must accept. */
    accepted: AcceptedRow[];
    /** Amounts the importer must read to exactly these fen. */
    amountTraps: PlacedTrap[];
  } | null;
}

export function productAssociations(): ProductAssociation[] {
  return profiles.map((profile) => {
    const products = Object.entries(profile.products) as [DemoProductId, number][];
    return {
      group: profile.key,
      highProbability: products
        .filter(([, chance]) => chance >= associationThreshold)
        .sort((a, b) => b[1] - a[1])
        .map(([productId]) => productId),
      products: profile.products,
      loanChance: profile.loanChance,
      loanProducts: Object.fromEntries(profile.loanProducts),
    };
  });
}

export function latentGroups(counts: ReadonlyMap<ProfileKey, number>): DemoCsvManifest['latent']['groups'] {
  return profiles.map((profile) => ({
    group: profile.key,
    weight: profile.weight,
    customers: counts.get(profile.key) ?? 0,
  }));
}
