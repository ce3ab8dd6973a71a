// Synthetic customer baskets for the rule-mining bench: each basket is one customer's traits (one value
// of each of nine attributes) and products held, drawn from latent segments, with product associations
// planted on top (payroll brings a debit card, a mortgage brings insurance, …). About 17 items a basket
// from a vocabulary of 60. The same seed always gives the same baskets.
import { Random } from '../../electron/services/demo/random.js';

const attributes: readonly (readonly string[])[] = [
  ['age_18_25', 'age_26_35', 'age_36_45', 'age_46_60', 'age_60_plus'],
  ['area_town', 'area_village_north', 'area_village_south', 'area_market', 'area_industrial'],
  [
    'occupation_farmer',
    'occupation_worker',
    'occupation_merchant',
    'occupation_civil_servant',
    'occupation_retired',
    'occupation_student',
  ],
  ['contribution_low', 'contribution_mid', 'contribution_high'],
  ['activity_low', 'activity_mid', 'activity_high'],
  ['credit_none', 'credit_good', 'credit_watch'],
  ['loyalty_low', 'loyalty_mid', 'loyalty_high'],
  ['channel_counter', 'channel_atm', 'channel_mobile', 'channel_internet', 'channel_agent'],
  ['digital_low', 'digital_high'],
];

export const products: readonly string[] = [
  'debit_card',
  'credit_card',
  'payroll',
  'pension',
  'time_deposit',
  'savings',
  'wealth_management',
  'fund',
  'insurance',
  'gold',
  'mobile_banking',
  'internet_banking',
  'sms_alerts',
  'farm_loan',
  'mortgage',
  'consumer_loan',
  'business_loan',
  'merchant_pos',
  'utility_autopay',
  'social_security_card',
  'education_savings',
  'forex',
  'safe_box',
  'agent_service',
  'qr_pay',
];

interface Segment {
  weight: number;
  /** Per attribute, the weights of its values. */
  traits: readonly (readonly number[])[];
  /** Product name → probability of holding it. */
  holds: Readonly<Record<string, number>>;
}

const base = 0.1;

const segments: readonly Segment[] = [
  {
    // Farmer households in the villages: agent terminals, farm loans, pension later in life.
    weight: 0.3,
    traits: [
      [1, 2, 3, 4, 3],
      [1, 5, 5, 1, 0.5],
      [8, 1, 1, 0.2, 1, 0.2],
      [5, 3, 1],
      [3, 4, 2],
      [3, 5, 1],
      [1, 2, 4],
      [3, 2, 1, 0.3, 5],
      [5, 1],
    ],
    holds: {
      debit_card: 0.8,
      savings: 0.85,
      farm_loan: 0.55,
      agent_service: 0.7,
      social_security_card: 0.75,
      sms_alerts: 0.5,
      time_deposit: 0.45,
      utility_autopay: 0.35,
      insurance: 0.3,
    },
  },
  {
    // Salaried workers in town: payroll, cards, mobile banking.
    weight: 0.3,
    traits: [
      [2, 5, 4, 2, 0.2],
      [5, 1, 1, 2, 5],
      [0.3, 8, 1, 2, 0.2, 0.5],
      [2, 5, 2],
      [1, 3, 5],
      [2, 6, 1],
      [3, 4, 2],
      [1, 3, 6, 2, 0.3],
      [1, 4],
    ],
    holds: {
      payroll: 0.85,
      debit_card: 0.9,
      credit_card: 0.55,
      mobile_banking: 0.8,
      qr_pay: 0.6,
      consumer_loan: 0.3,
      mortgage: 0.25,
      sms_alerts: 0.6,
      utility_autopay: 0.5,
      savings: 0.6,
      fund: 0.2,
    },
  },
  {
    // Merchants at the market: POS terminals, business loans, busy accounts.
    weight: 0.12,
    traits: [
      [0.5, 3, 5, 3, 0.5],
      [2, 0.5, 0.5, 8, 1],
      [0.2, 0.5, 9, 0.2, 0.2, 0.1],
      [1, 4, 5],
      [0.2, 2, 8],
      [1, 6, 2],
      [2, 4, 3],
      [3, 2, 3, 2, 0.5],
      [2, 3],
    ],
    holds: {
      merchant_pos: 0.8,
      business_loan: 0.55,
      debit_card: 0.95,
      qr_pay: 0.75,
      mobile_banking: 0.7,
      internet_banking: 0.6,
      savings: 0.7,
      time_deposit: 0.3,
      safe_box: 0.15,
    },
  },
  {
    // Retirees: pensions, time deposits, the counter.
    weight: 0.18,
    traits: [
      [0, 0, 0.1, 1, 9],
      [3, 2, 2, 1, 1],
      [0.5, 0.2, 0.2, 0.5, 9, 0],
      [3, 5, 2],
      [5, 4, 1],
      [7, 3, 0.5],
      [0.5, 3, 6],
      [7, 3, 0.2, 0.2, 2],
      [9, 1],
    ],
    holds: {
      pension: 0.9,
      social_security_card: 0.85,
      time_deposit: 0.7,
      savings: 0.8,
      debit_card: 0.75,
      insurance: 0.35,
      gold: 0.15,
      sms_alerts: 0.4,
    },
  },
  {
    // Wealthy customers: wealth management, funds, insurance.
    weight: 0.1,
    traits: [
      [0.2, 2, 4, 4, 2],
      [6, 0.5, 0.5, 2, 1],
      [0.2, 1, 4, 4, 2, 0],
      [0.1, 2, 9],
      [0.5, 4, 5],
      [2, 7, 0.3],
      [0.5, 3, 6],
      [3, 1, 4, 3, 0.2],
      [2, 3],
    ],
    holds: {
      wealth_management: 0.8,
      fund: 0.6,
      insurance: 0.55,
      time_deposit: 0.75,
      debit_card: 0.95,
      credit_card: 0.6,
      internet_banking: 0.55,
      mobile_banking: 0.6,
      gold: 0.3,
      safe_box: 0.35,
      forex: 0.2,
      education_savings: 0.3,
    },
  },
];

/** Associations the generator plants on top of the segments: holding the first brings the second. */
export const plantedAssociations: readonly (readonly [string, string, number])[] = [
  ['payroll', 'debit_card', 0.98],
  ['pension', 'social_security_card', 0.95],
  ['mortgage', 'insurance', 0.8],
  ['merchant_pos', 'qr_pay', 0.9],
  ['mobile_banking', 'sms_alerts', 0.7],
];

export const basketVocabulary: readonly string[] = [...attributes.flat(), ...products];

/** Baskets as lists of item ids into basketVocabulary. */
export function generateBaskets(count: number, seed: number): number[][] {
  const random = new Random(seed);
  const productBase = attributes.flat().length;
  const traitIds = attributes.map((values, a) => values.map((_, v) => attributes.slice(0, a).flat().length + v));
  const productId = new Map(products.map((name, i) => [name, productBase + i]));
  const segmentWeights = segments.map((s, i) => [i, s.weight] as const);
  const traitChoices = segments.map((s) =>
    s.traits.map((weights, a) => traitIds[a]!.map((id, v) => [id, weights[v]!] as const)),
  );
  const holdProbabilities = segments.map((s) => products.map((name) => s.holds[name] ?? base));
  const planted = plantedAssociations.map(([from, to, p]) => [productId.get(from)!, productId.get(to)!, p] as const);
  const baskets: number[][] = [];
  for (let c = 0; c < count; c++) {
    const segment = random.weighted(segmentWeights);
    const basket: number[] = [];
    traitChoices[segment]!.forEach((choices) => basket.push(random.weighted(choices)));
    const held = new Set<number>();
    holdProbabilities[segment]!.forEach((p, i) => {
      if (random.chance(p)) held.add(productBase + i);
    });
    for (const [from, to, p] of planted) if (held.has(from) && random.chance(p)) held.add(to);
    baskets.push([...basket, ...[...held].sort((a, b) => a - b)]);
  }
  return baskets;
}
