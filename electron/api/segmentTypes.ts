// What the segment calls return (contract.ts): a run's segments with their names, sizes and profiles, the
// movement of customers from the previous run's segments, and sample points for the segment map.
import type { Label } from './analysisTypes.js';

/** The measures a segmentation can use, each in its natural unit (see segmentFeatureUnits). */
export const segmentFeatureKeys = [
  'deposits',
  'loans',
  'wealth',
  'transactions',
  'digitalShare',
  'branchShare',
  'selfServiceShare',
  'agentShare',
  'tenure',
  'age',
  'breadth',
] as const;
export type SegmentFeatureKey = (typeof segmentFeatureKeys)[number];

/** yuan: an amount; count: transactions in the last 12 months or products; share: 0–1; months; years. */
export type SegmentFeatureUnit = 'yuan' | 'count' | 'share' | 'months' | 'years';

export const segmentFeatureUnits: Record<SegmentFeatureKey, SegmentFeatureUnit> = {
  deposits: 'yuan',
  loans: 'yuan',
  wealth: 'yuan',
  transactions: 'count',
  digitalShare: 'share',
  branchShare: 'share',
  selfServiceShare: 'share',
  agentShare: 'share',
  tenure: 'months',
  age: 'years',
  breadth: 'count',
};

/** A feature that sets a segment apart: how far its centroid sits from all customers, in standard deviations. */
export interface SegmentTrait {
  feature: SegmentFeatureKey;
  /** Centroid's z-score: positive above the branch's average, negative below. */
  z: number;
  label: Label;
}

export interface SegmentView {
  segment: number;
  /** The same number in every run for the same group of customers (matched by centroid). */
  lineage: number;
  /** False when the group was not found in the previous run. */
  continued: boolean;
  name: Label;
  size: number;
  share: number;
  /** Mean of each feature over the segment's customers, natural units. */
  averages: Record<string, number>;
  /** The centroid, z-scores per feature. */
  centroid: Record<string, number>;
  /** The two or three features that set the segment apart most, strongest first. */
  traits: SegmentTrait[];
}

/** Customers per previous segment (rows) and current segment (columns), matched on the customer number. */
export interface SegmentMovement {
  previousRunId: number;
  previous: { segment: number; lineage: number; name: Label; size: number }[];
  /** counts[p][c]: customers in previous segment p and current segment c. */
  counts: number[][];
  /** Customers of each current segment who were not in the previous run (or not segmented in it). */
  newCustomers: number[];
  /** Customers of each previous segment who are no longer in this run. */
  leftCustomers: number[];
}

export interface SegmentationView {
  runId: number;
  k: number;
  /** 'auto' when k was suggested by the silhouette. */
  kChosen: number | 'auto';
  seed: number;
  features: SegmentFeatureKey[];
  customers: number;
  /** Mean of each feature over all customers, natural units. */
  averages: Record<string, number>;
  /** Silhouette of each k tried when k was 'auto'. */
  candidates: { k: number; silhouette: number }[];
  segments: SegmentView[];
  movement: SegmentMovement | null;
}

export interface SegmentMapSeries {
  segment: number;
  lineage: number;
  name: Label;
  /** [x, y] in the axes' natural units. */
  points: [number, number][];
  customerIds: string[];
}

export interface SegmentMap {
  runId: number;
  x: SegmentFeatureKey;
  y: SegmentFeatureKey;
  /** Customers in the sample, of all the run's customers. */
  sampled: number;
  customers: number;
  series: SegmentMapSeries[];
}
