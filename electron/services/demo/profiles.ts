// The latent groups of the demo branch. Each group differs in contribution, activity, channel habits,
// credit behaviour and the products that go together, so that analysis has true patterns to find.
import type { Channel, Occupation } from '../../api/types.js';
import type { DemoProductId } from './catalogue.js';

export type ProfileKey = 'farmer_household' | 'urban_salaried' | 'small_business' | 'retired_saver' | 'affluent';

export interface Profile {
  key: ProfileKey;
  weight: number;
  urbanShare: number;
  occupations: readonly (readonly [Occupation, number])[];
  ageRange: readonly [number, number];
  /** Median demand balance in yuan, and its spread (log-normal sigma). */
  demandMedianYuan: number;
  sigma: number;
  /** Mean transactions a month per channel for an active customer. */
  channelRates: Partial<Record<Channel, number>>;
  /** Chance of holding each product beyond demand savings and a debit card. */
  products: Partial<Record<DemoProductId, number>>;
  loanProducts: readonly (readonly [DemoProductId, number])[];
  loanChance: number;
  /** Shares of borrowers who pay late now and then, and who default. */
  lateShare: number;
  defaultShare: number;
}

export const profiles: readonly Profile[] = [
  {
    key: 'farmer_household',
    weight: 0.34,
    urbanShare: 0.03,
    occupations: [
      ['farmer', 0.92],
      ['other', 0.08],
    ],
    ageRange: [28, 70],
    demandMedianYuan: 9_000,
    sigma: 0.8,
    channelRates: { agent: 3.5, branch: 1.6, atm_pos: 0.8, mobile: 0.5 },
    products: { D02: 0.25, A01: 0.7, A02: 0.45, E01: 0.18, I01: 0.08 },
    loanProducts: [
      ['L01', 0.9],
      ['L02', 0.1],
    ],
    loanChance: 0.42,
    lateShare: 0.14,
    defaultShare: 0.05,
  },
  {
    key: 'urban_salaried',
    weight: 0.26,
    urbanShare: 0.9,
    occupations: [
      ['salaried', 0.88],
      ['other', 0.12],
    ],
    ageRange: [22, 55],
    demandMedianYuan: 22_000,
    sigma: 0.7,
    channelRates: { mobile: 9, internet: 2.5, atm_pos: 4, branch: 0.3 },
    products: { D04: 0.85, E01: 0.92, E02: 0.5, C02: 0.55, W02: 0.2, D02: 0.2 },
    loanProducts: [
      ['L03', 0.6],
      ['L04', 0.4],
    ],
    loanChance: 0.3,
    lateShare: 0.08,
    defaultShare: 0.015,
  },
  {
    key: 'small_business',
    weight: 0.14,
    urbanShare: 0.6,
    occupations: [
      ['business', 0.95],
      ['other', 0.05],
    ],
    ageRange: [26, 62],
    demandMedianYuan: 85_000,
    sigma: 0.9,
    channelRates: { atm_pos: 12, mobile: 6, internet: 3, branch: 2 },
    products: { E01: 0.8, E02: 0.65, C02: 0.45, D02: 0.3, I01: 0.15 },
    loanProducts: [
      ['L02', 0.9],
      ['L03', 0.1],
    ],
    loanChance: 0.55,
    lateShare: 0.16,
    defaultShare: 0.04,
  },
  {
    key: 'retired_saver',
    weight: 0.18,
    urbanShare: 0.45,
    occupations: [
      ['retired', 0.85],
      ['farmer', 0.15],
    ],
    ageRange: [58, 88],
    demandMedianYuan: 30_000,
    sigma: 0.8,
    channelRates: { branch: 3, atm_pos: 0.8, phone: 0.4 },
    products: { D05: 0.8, D02: 0.75, D03: 0.2, I01: 0.2, W01: 0.12 },
    loanProducts: [['L01', 1]],
    loanChance: 0.04,
    lateShare: 0.05,
    defaultShare: 0.01,
  },
  {
    key: 'affluent',
    weight: 0.08,
    urbanShare: 0.75,
    occupations: [
      ['business', 0.5],
      ['salaried', 0.35],
      ['retired', 0.15],
    ],
    ageRange: [32, 68],
    demandMedianYuan: 260_000,
    sigma: 0.7,
    channelRates: { mobile: 6, internet: 4, branch: 1.2, atm_pos: 2 },
    products: { D03: 0.7, W01: 0.8, W02: 0.55, E01: 0.85, E02: 0.7, C02: 0.6, I01: 0.45, D02: 0.5 },
    loanProducts: [
      ['L04', 0.6],
      ['L02', 0.4],
    ],
    loanChance: 0.25,
    lateShare: 0.03,
    defaultShare: 0.005,
  },
];
