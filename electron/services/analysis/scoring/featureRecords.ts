// One customer's features as a plain object, and its conversion to and from the columnar table: for a customer
// card, for tests on hand-made customers, and for anyone who builds a few customers without SQL.
import type { Occupation, ProductCategory } from '../../../api/types.js';
import type { Channel, ClassificationName, CustomerFeatures } from './features.js';
import {
  AREA_RURAL,
  AREA_URBAN,
  CONSENT_APP,
  CONSENT_MARKETING,
  CONSENT_PHONE,
  CONSENT_SMS,
  CONSENT_VISIT,
  DO_NOT_CONTACT,
  PAYROLL_ACCOUNT,
  PENSION_ACCOUNT,
  categoryBit,
  channels,
  classificationCodes,
  createFeatures,
  occupations,
  productCategories,
} from './features.js';

export interface CustomerFeatureRecord {
  branch: number;
  depositBalanceFen: number;
  wealthBalanceFen: number;
  loanBalanceFen: number;
  feeIncome12Fen: number;
  deposits12: number;
  withdrawals12: number;
  cardSwipes12: number;
  channelTx12: Record<Channel, number>;
  monthsActive12: number;
  monthsActive24: number;
  depositMonths12: number;
  /** null = never transacted. */
  daysSinceLastTx: number | null;
  loanCount: number;
  activeLoanCount: number;
  repaymentsDue: number;
  repaymentsOnTime: number;
  worstDaysPastDue: number;
  overdueFen: number;
  overdue: boolean;
  defaults: number;
  worstClassification: ClassificationName;
  tenureMonths: number;
  categories: ProductCategory[];
  /** null = under 3 months of balance data. */
  balanceCv: number | null;
  payrollAccount: boolean;
  pensionAccount: boolean;
  age: number | null;
  occupation: Occupation;
  rural: boolean;
  consent: { marketing: boolean; sms: boolean; phone: boolean; visit: boolean; app: boolean };
  doNotContact: boolean;
  blacklisted: boolean;
  openAccounts: number;
  dormantAccounts: number;
  frozenAccounts: number;
  /** null = no complaint on record. */
  daysSinceComplaint: number | null;
}

/** A customer with nothing: no balances, no activity, no loans, no consent, unknown age. */
export function emptyFeatureRecord(): CustomerFeatureRecord {
  return {
    branch: 0,
    depositBalanceFen: 0,
    wealthBalanceFen: 0,
    loanBalanceFen: 0,
    feeIncome12Fen: 0,
    deposits12: 0,
    withdrawals12: 0,
    cardSwipes12: 0,
    channelTx12: { branch: 0, atm_pos: 0, internet: 0, mobile: 0, phone: 0, agent: 0 },
    monthsActive12: 0,
    monthsActive24: 0,
    depositMonths12: 0,
    daysSinceLastTx: null,
    loanCount: 0,
    activeLoanCount: 0,
    repaymentsDue: 0,
    repaymentsOnTime: 0,
    worstDaysPastDue: 0,
    overdueFen: 0,
    overdue: false,
    defaults: 0,
    worstClassification: 'none',
    tenureMonths: 0,
    categories: [],
    balanceCv: null,
    payrollAccount: false,
    pensionAccount: false,
    age: null,
    occupation: 'other',
    rural: false,
    consent: { marketing: false, sms: false, phone: false, visit: false, app: false },
    doNotContact: false,
    blacklisted: false,
    openAccounts: 0,
    dormantAccounts: 0,
    frozenAccounts: 0,
    daysSinceComplaint: null,
  };
}

const nanIfNull = (value: number | null): number => (value === null ? Number.NaN : value);
const nullIfNaN = (value: number): number | null => (Number.isNaN(value) ? null : value);

/** Writes one record into row i of a table. */
export function writeFeatureRecord(features: CustomerFeatures, i: number, r: CustomerFeatureRecord): void {
  const f = features;
  f.branch[i] = r.branch;
  f.depositBalanceFen[i] = r.depositBalanceFen;
  f.wealthBalanceFen[i] = r.wealthBalanceFen;
  f.loanBalanceFen[i] = r.loanBalanceFen;
  f.feeIncome12Fen[i] = r.feeIncome12Fen;
  f.deposits12[i] = r.deposits12;
  f.withdrawals12[i] = r.withdrawals12;
  f.cardSwipes12[i] = r.cardSwipes12;
  for (const c of channels) f.channelTx12[c][i] = r.channelTx12[c];
  f.monthsActive12[i] = r.monthsActive12;
  f.monthsActive24[i] = r.monthsActive24;
  f.depositMonths12[i] = r.depositMonths12;
  f.daysSinceLastTx[i] = nanIfNull(r.daysSinceLastTx);
  f.loanCount[i] = r.loanCount;
  f.activeLoanCount[i] = r.activeLoanCount;
  f.repaymentsDue[i] = r.repaymentsDue;
  f.repaymentsOnTime[i] = r.repaymentsOnTime;
  f.worstDaysPastDue[i] = r.worstDaysPastDue;
  f.overdueFen[i] = r.overdueFen;
  f.overdueFlag[i] = r.overdue ? 1 : 0;
  f.defaults[i] = r.defaults;
  f.worstClassification[i] = classificationCodes.indexOf(r.worstClassification);
  f.tenureMonths[i] = r.tenureMonths;
  f.categoryBits[i] = r.categories.reduce((bits, c) => bits | categoryBit(c), 0);
  f.balanceCv[i] = nanIfNull(r.balanceCv);
  f.payroll[i] = (r.payrollAccount ? PAYROLL_ACCOUNT : 0) | (r.pensionAccount ? PENSION_ACCOUNT : 0);
  f.age[i] = nanIfNull(r.age);
  f.occupation[i] = occupations.indexOf(r.occupation);
  f.area[i] = r.rural ? AREA_RURAL : AREA_URBAN;
  f.consent[i] =
    (r.consent.marketing ? CONSENT_MARKETING : 0) |
    (r.consent.sms ? CONSENT_SMS : 0) |
    (r.consent.phone ? CONSENT_PHONE : 0) |
    (r.consent.visit ? CONSENT_VISIT : 0) |
    (r.consent.app ? CONSENT_APP : 0) |
    (r.doNotContact ? DO_NOT_CONTACT : 0);
  f.blacklisted[i] = r.blacklisted ? 1 : 0;
  f.openAccounts[i] = r.openAccounts;
  f.dormantAccounts[i] = r.dormantAccounts;
  f.frozenAccounts[i] = r.frozenAccounts;
  f.daysSinceComplaint[i] = nanIfNull(r.daysSinceComplaint);
}

/** A table of the given customers, in order. */
export function featuresFromRecords(records: readonly CustomerFeatureRecord[]): CustomerFeatures {
  const features = createFeatures(records.length);
  records.forEach((record, i) => writeFeatureRecord(features, i, record));
  return features;
}

/** Row i of a table as a record (what the typed arrays hold: Float32 columns come back rounded to 32 bits). */
export function readFeatureRecord(f: CustomerFeatures, i: number): CustomerFeatureRecord {
  const consent = f.consent[i]!;
  return {
    branch: f.branch[i]!,
    depositBalanceFen: f.depositBalanceFen[i]!,
    wealthBalanceFen: f.wealthBalanceFen[i]!,
    loanBalanceFen: f.loanBalanceFen[i]!,
    feeIncome12Fen: f.feeIncome12Fen[i]!,
    deposits12: f.deposits12[i]!,
    withdrawals12: f.withdrawals12[i]!,
    cardSwipes12: f.cardSwipes12[i]!,
    channelTx12: Object.fromEntries(channels.map((c) => [c, f.channelTx12[c][i]!])) as Record<Channel, number>,
    monthsActive12: f.monthsActive12[i]!,
    monthsActive24: f.monthsActive24[i]!,
    depositMonths12: f.depositMonths12[i]!,
    daysSinceLastTx: nullIfNaN(f.daysSinceLastTx[i]!),
    loanCount: f.loanCount[i]!,
    activeLoanCount: f.activeLoanCount[i]!,
    repaymentsDue: f.repaymentsDue[i]!,
    repaymentsOnTime: f.repaymentsOnTime[i]!,
    worstDaysPastDue: f.worstDaysPastDue[i]!,
    overdueFen: f.overdueFen[i]!,
    overdue: f.overdueFlag[i] === 1,
    defaults: f.defaults[i]!,
    worstClassification: classificationCodes[f.worstClassification[i]!] ?? 'none',
    tenureMonths: f.tenureMonths[i]!,
    categories: productCategories.filter((c) => (f.categoryBits[i]! & categoryBit(c)) !== 0),
    balanceCv: nullIfNaN(f.balanceCv[i]!),
    payrollAccount: (f.payroll[i]! & PAYROLL_ACCOUNT) !== 0,
    pensionAccount: (f.payroll[i]! & PENSION_ACCOUNT) !== 0,
    age: nullIfNaN(f.age[i]!),
    occupation: occupations[f.occupation[i]!] ?? 'other',
    rural: f.area[i] === AREA_RURAL,
    consent: {
      marketing: (consent & CONSENT_MARKETING) !== 0,
      sms: (consent & CONSENT_SMS) !== 0,
      phone: (consent & CONSENT_PHONE) !== 0,
      visit: (consent & CONSENT_VISIT) !== 0,
      app: (consent & CONSENT_APP) !== 0,
    },
    doNotContact: (consent & DO_NOT_CONTACT) !== 0,
    blacklisted: f.blacklisted[i] === 1,
    openAccounts: f.openAccounts[i]!,
    dormantAccounts: f.dormantAccounts[i]!,
    frozenAccounts: f.frozenAccounts[i]!,
    daysSinceComplaint: nullIfNaN(f.daysSinceComplaint[i]!),
  };
}
