// Generates one demo customer at a time with holdings, monthly channel activity, loans and
// repayments, blacklist entry and complaints. Deterministic: the same seed, index and reference date give the same records.
import type { Channel } from '../../api/types.js';
import { residentIdCheckDigit } from '../validation/residentId.js';
import { addressWithDetail } from './addresses.js';
import type { DemoProductId } from './catalogue.js';
import { chineseName } from './names.js';
import { demoAreaCode, demoTowns, type Town } from './places.js';
import { profiles, type Profile } from './profiles.js';
import { Random } from './random.js';
import { vetoFacts, type BlacklistRecord, type ComplaintRecord } from './vetoFacts.js';

export interface CustomerRecord {
  customer_id: string;
  branch_id: string;
  name: string;
  gender: 'M' | 'F';
  birth_date: string;
  id_number: string;
  phone: string | null;
  occupation: string;
  area_type: 'urban' | 'rural';
  town: string;
  village: string;
  address: string;
  customer_since: string;
  manager_id: string;
  consent_marketing: number;
  consent_sms: number;
  consent_phone: number;
  consent_visit: number;
  consent_app: number;
  do_not_contact: number;
  deposit_balance_fen: number;
  loan_balance_fen: number;
  updated_at: string;
}

export interface HoldingRecord {
  account_id: string;
  customer_id: string;
  product_id: DemoProductId;
  opened_on: string;
  status: 'active' | 'dormant' | 'frozen';
  balance_fen: number;
}

export interface ActivityRecord {
  customer_id: string;
  month: string;
  channel: Channel;
  deposit_count: number;
  withdrawal_count: number;
  card_swipes: number;
  amount_fen: number;
  avg_balance_fen: number;
  fee_income_fen: number;
}

export interface LoanRecord {
  loan_id: string;
  customer_id: string;
  product_id: DemoProductId;
  principal_fen: number;
  balance_fen: number;
  rate_bp: number;
  start_date: string;
  maturity_date: string;
  status: 'active' | 'repaid' | 'overdue' | 'defaulted';
  classification: 'normal' | 'special_mention' | 'substandard' | 'doubtful' | 'loss';
}

export interface RepaymentRecord {
  loan_id: string;
  due_date: string;
  due_fen: number;
  paid_date: string | null;
  paid_fen: number;
  days_past_due: number;
}

export interface GeneratedCustomer {
  profile: Profile['key'];
  customer: CustomerRecord;
  holdings: HoldingRecord[];
  activity: ActivityRecord[];
  loans: LoanRecord[];
  repayments: RepaymentRecord[];
  blacklist: BlacklistRecord | null;
  complaints: ComplaintRecord[];
}

export interface GeneratorOptions {
  seed: number;
  branchId: string;
  managerIds: readonly string[];
  /** The day the data describes (ISO date); activity ends with the month before it. */
  asOf: string;
  activityMonths: number;
  /** Adds building and landmark details to a few addresses (some with commas or quotes); off by default. */
  addressDetails?: boolean;
}

const dayMs = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const day = Math.min(d, 28);
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthsBefore(asOf: string, count: number): string[] {
  const months: string[] = [];
  for (let i = count; i >= 1; i--) months.push(addMonths(asOf.slice(0, 8) + '01', -i).slice(0, 7));
  return months;
}

const urbanTowns = demoTowns.filter((town) => town.urban);
const ruralTowns = demoTowns.filter((town) => !town.urban);

export class DemoGenerator {
  private readonly months: string[];
  private readonly asOfMs: number;

  constructor(private readonly options: GeneratorOptions) {
    this.months = monthsBefore(options.asOf, options.activityMonths);
    this.asOfMs = Date.parse(options.asOf);
  }

  customerId(index: number): string {
    return `0${this.options.branchId}${String(index + 1).padStart(8, '0')}`;
  }

  customer(index: number): GeneratedCustomer {
    // One stream per customer: a customer's records do not depend on how many came before.
    const random = new Random((this.options.seed * 2_654_435_761 + index * 40_503) >>> 0);
    const profile = random.weighted(profiles.map((p) => [p, p.weight] as const));
    const urban = random.chance(profile.urbanShare);
    const town: Town = random.pick(urban ? urbanTowns : ruralTowns);
    const village = random.pick(town.villages);
    const gender = random.chance(0.5) ? 'M' : 'F';
    const age = random.int(profile.ageRange[0], profile.ageRange[1]);
    const birthMs = this.asOfMs - (age * 365.25 + random.int(0, 364)) * dayMs;
    const birthDate = isoDay(birthMs);
    const customerId = this.customerId(index);
    // Sequence digits: the last is odd for men and even for women, as GB 11643 prescribes.
    const idSeq = String(random.int(0, 99)).padStart(2, '0') + String(random.int(0, 4) * 2 + (gender === 'M' ? 1 : 0));
    const id17 = demoAreaCode + birthDate.replaceAll('-', '') + idSeq;
    const tenureYears = Math.min(age - 16, random.int(1, 25));
    const customerSince = isoDay(this.asOfMs - (tenureYears * 365 + random.int(0, 364)) * dayMs);
    const consentMarketing = random.chance(0.82);
    const managerIds = this.options.managerIds;
    // Managers look after areas: a village's customers mostly share one manager.
    const villageHash = [...village].reduce((h, ch) => (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0, 7);
    const managerIndex = random.chance(0.85) ? villageHash % managerIds.length : random.int(0, managerIds.length - 1);

    const customer: CustomerRecord = {
      customer_id: customerId,
      branch_id: this.options.branchId,
      name: chineseName(random, gender),
      gender,
      birth_date: birthDate,
      id_number: id17 + residentIdCheckDigit(id17),
      phone: random.chance(0.94)
        ? `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`
        : null,
      occupation: random.weighted(profile.occupations),
      area_type: urban ? 'urban' : 'rural',
      town: town.name,
      village,
      address: `${town.name}${village}${random.int(1, 120)}号`,
      customer_since: customerSince,
      manager_id: managerIds[managerIndex] ?? managerIds[0] ?? '',
      consent_marketing: consentMarketing ? 1 : 0,
      consent_sms: consentMarketing && random.chance(0.85) ? 1 : 0,
      consent_phone: consentMarketing && random.chance(0.7) ? 1 : 0,
      consent_visit: consentMarketing && random.chance(0.6) ? 1 : 0,
      consent_app: consentMarketing && random.chance(0.5) ? 1 : 0,
      do_not_contact: random.chance(0.02) ? 1 : 0,
      deposit_balance_fen: 0,
      loan_balance_fen: 0,
      updated_at: this.options.asOf + 'T00:00:00Z',
    };
    if (this.options.addressDetails) {
      customer.address = addressWithDetail(customer.address, urban, this.options.seed, index);
    }

    const dormant = random.chance(0.05);
    const holdings = this.holdings(random, profile, customer, dormant);
    customer.deposit_balance_fen = holdings
      .filter((h) => h.product_id.startsWith('D'))
      .reduce((sum, h) => sum + h.balance_fen, 0);
    const activity = this.activity(random, profile, customer, dormant);
    const { loans, repayments } = this.loans(random, profile, customer);
    customer.loan_balance_fen = loans.reduce((sum, loan) => sum + loan.balance_fen, 0);
    const { seed, asOf } = this.options;
    const { blacklist, complaints } = vetoFacts({ seed, index, asOf, profile, customer, loans, repayments });
    return { profile: profile.key, customer, holdings, activity, loans, repayments, blacklist, complaints };
  }

  private holdings(random: Random, profile: Profile, customer: CustomerRecord, dormant: boolean): HoldingRecord[] {
    const holdings: HoldingRecord[] = [];
    let accountSeq = 0;
    const add = (productId: DemoProductId, balanceYuan: number) => {
      accountSeq += 1;
      const openedMs = Math.max(Date.parse(customer.customer_since), this.asOfMs - random.int(30, 3000) * dayMs);
      holdings.push({
        account_id: `${customer.customer_id}${String(accountSeq).padStart(2, '0')}`,
        customer_id: customer.customer_id,
        product_id: productId,
        opened_on: isoDay(openedMs),
        status: dormant && productId === 'D01' ? 'dormant' : random.chance(0.003) ? 'frozen' : 'active',
        balance_fen: balanceYuan > 0 ? balanceYuan * 100 + random.int(0, 99) : 0,
      });
    };
    add('D01', random.logNormal(profile.demandMedianYuan, profile.sigma));
    if (random.chance(0.9)) add('C01', 0);
    for (const [productId, chance] of Object.entries(profile.products) as [DemoProductId, number][]) {
      if (!random.chance(chance)) continue;
      const scale = profile.demandMedianYuan;
      switch (productId.charAt(0)) {
        case 'D':
          add(
            productId,
            productId === 'D03' ? 200_000 + random.logNormal(scale, 0.6) : random.logNormal(scale * 1.5, 0.8),
          );
          break;
        case 'W':
          add(productId, random.logNormal(scale * 1.2, 0.7));
          break;
        default:
          add(productId, 0);
      }
    }
    return holdings;
  }

  private activity(random: Random, profile: Profile, customer: CustomerRecord, dormant: boolean): ActivityRecord[] {
    const rows: ActivityRecord[] = [];
    const level = Math.exp(0.5 * random.normal());
    const balance = customer.deposit_balance_fen;
    const lastActive = dormant ? random.int(0, Math.max(0, this.months.length - 9)) : this.months.length;
    for (let m = 0; m < this.months.length; m++) {
      if (m >= lastActive) break;
      const month = this.months[m] as string;
      for (const [channel, rate] of Object.entries(profile.channelRates) as [Channel, number][]) {
        if (channel === 'agent' && customer.area_type === 'urban') continue;
        const expected = rate * level;
        const count = Math.max(0, Math.round(expected * (0.4 + 1.2 * random.next())));
        if (count === 0) continue;
        const swipes = channel === 'atm_pos' ? Math.round(count * 0.6) : 0;
        const deposits = Math.round((count - swipes) * 0.45);
        const withdrawals = count - swipes - deposits;
        rows.push({
          customer_id: customer.customer_id,
          month,
          channel,
          deposit_count: deposits,
          withdrawal_count: withdrawals,
          card_swipes: swipes,
          amount_fen: count * random.logNormal(800, 0.9) * 100,
          avg_balance_fen: Math.max(0, Math.round(balance * (0.85 + 0.3 * random.next()))),
          fee_income_fen: channel === 'branch' || channel === 'atm_pos' ? random.int(0, 3) * 100 : 0,
        });
      }
    }
    return rows;
  }

  private loans(
    random: Random,
    profile: Profile,
    customer: CustomerRecord,
  ): { loans: LoanRecord[]; repayments: RepaymentRecord[] } {
    const loans: LoanRecord[] = [];
    const repayments: RepaymentRecord[] = [];
    if (!random.chance(profile.loanChance)) return { loans, repayments };
    const behaviour = random.weighted([
      ['on_time', 1 - profile.lateShare - profile.defaultShare],
      ['late', profile.lateShare],
      ['default', profile.defaultShare],
    ] as const);
    const productId = random.weighted(profile.loanProducts);
    const termMonths = productId === 'L04' ? random.pick([120, 180, 240]) : random.pick([12, 24, 36]);
    const principalYuan =
      productId === 'L04'
        ? random.int(20, 80) * 10_000
        : productId === 'L02'
          ? random.int(5, 50) * 10_000
          : random.int(1, 10) * 10_000;
    const principal = principalYuan * 100;
    const startDate = addMonths(this.options.asOf, -random.int(2, Math.min(termMonths + 6, 40)));
    const maturity = addMonths(startDate, termMonths);
    const rateBp = productId === 'L04' ? 390 : productId === 'L01' ? random.int(520, 650) : random.int(450, 780);
    const loanId = `L${customer.customer_id}01`;
    const instalment = Math.round(principal / termMonths);
    const defaultAfter = behaviour === 'default' ? random.int(2, 10) : Infinity;
    let paid = 0;
    let worstOpenDpd = 0;
    for (let k = 1; k <= termMonths; k++) {
      const due = addMonths(startDate, k);
      if (due >= this.options.asOf) break;
      const dueFen = k === termMonths ? principal - instalment * (termMonths - 1) : instalment;
      const dueMs = Date.parse(due);
      if (k > defaultAfter) {
        const dpd = Math.round((this.asOfMs - dueMs) / dayMs);
        worstOpenDpd = Math.max(worstOpenDpd, dpd);
        repayments.push({
          loan_id: loanId,
          due_date: due,
          due_fen: dueFen,
          paid_date: null,
          paid_fen: 0,
          days_past_due: dpd,
        });
        continue;
      }
      const late = behaviour === 'late' && random.chance(0.25);
      const dpd = late
        ? random.weighted([
            [random.int(1, 15), 0.7],
            [random.int(16, 60), 0.25],
            [random.int(61, 95), 0.05],
          ] as const)
        : 0;
      const paidMs = dueMs + dpd * dayMs;
      if (paidMs >= this.asOfMs) {
        const openDpd = Math.round((this.asOfMs - dueMs) / dayMs);
        worstOpenDpd = Math.max(worstOpenDpd, openDpd);
        repayments.push({
          loan_id: loanId,
          due_date: due,
          due_fen: dueFen,
          paid_date: null,
          paid_fen: 0,
          days_past_due: openDpd,
        });
        continue;
      }
      paid += dueFen;
      repayments.push({
        loan_id: loanId,
        due_date: due,
        due_fen: dueFen,
        paid_date: isoDay(paidMs),
        paid_fen: dueFen,
        days_past_due: dpd,
      });
    }
    const balance = principal - paid;
    const status: LoanRecord['status'] =
      balance === 0 ? 'repaid' : worstOpenDpd > 90 ? 'defaulted' : worstOpenDpd > 0 ? 'overdue' : 'active';
    const classification: LoanRecord['classification'] =
      worstOpenDpd > 360
        ? 'loss'
        : worstOpenDpd > 180
          ? 'doubtful'
          : worstOpenDpd > 90
            ? 'substandard'
            : worstOpenDpd > 0
              ? 'special_mention'
              : 'normal';
    loans.push({
      loan_id: loanId,
      customer_id: customer.customer_id,
      product_id: productId,
      principal_fen: principal,
      balance_fen: balance,
      rate_bp: rateBp,
      start_date: startDate,
      maturity_date: maturity,
      status,
      classification,
    });
    return { loans, repayments };
  }
}
