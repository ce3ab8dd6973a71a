// The demo branch's blacklist entries and complaints, drawn from each customer's group and credit
// record: defaulters are listed far more often than others, and groups complain at different rates,
// mostly through the channels they use. A stream of its own per customer, so that adding these left
// every other record of the branch as it was.
import type { Channel } from '../../api/types.js';
import type { CustomerRecord, LoanRecord, RepaymentRecord } from './generate.js';
import type { Profile, ProfileKey } from './profiles.js';
import { Random } from './random.js';

export interface BlacklistRecord {
  customer_id: string;
  listed_on: string;
  reason: string;
  source: string | null;
  lifted_on: string | null;
}

export type ComplaintCategory = 'service' | 'fees' | 'product' | 'staff' | 'other';

export interface ComplaintRecord {
  complaint_id: string;
  customer_id: string;
  received_on: string;
  channel: Channel;
  category: ComplaintCategory;
  summary: string;
  resolved_on: string | null;
}

/** Per group: the chance of a blacklist entry without any default, and of having complained. */
const groupRates: Readonly<Record<ProfileKey, { listed: number; complained: number }>> = {
  farmer_household: { listed: 0.006, complained: 0.018 },
  urban_salaried: { listed: 0.004, complained: 0.04 },
  small_business: { listed: 0.012, complained: 0.045 },
  retired_saver: { listed: 0.002, complained: 0.03 },
  affluent: { listed: 0.003, complained: 0.06 },
};

/** Chance of a listing for a borrower whose loan defaulted, and for one now overdue. */
const defaultedListed = 0.45;
const overdueListed = 0.05;
/** Share of listings since lifted. */
const liftedShare = 0.15;
/** Borrowers in arrears complain more, mostly about fees and collection calls. */
const arrearsComplaintBoost = 0.05;
/** How far back the complaint register reaches, in days. */
const complaintWindowDays = 730;

const otherReasons = [
  '冒用他人身份开户',
  '涉嫌电信网络诈骗涉案账户',
  '大额可疑交易未能合理说明',
  '提供虚假资料骗取开户',
] as const;
const otherSources = ['总行反洗钱中心', '公安机关协查通报', '本行运营管理部'] as const;

const summaries: Readonly<Record<ComplaintCategory, readonly string[]>> = {
  service: ['柜面排队时间过长', '网点工作人员解释不清', '挂失补卡办理时间过长', '手机银行转账失败后无人回复'],
  fees: [
    '短信提醒服务费未经同意扣收',
    '小额账户管理费扣收有异议',
    '跨行转账手续费与宣传不符',
    '贷款逾期催收电话过于频繁',
  ],
  product: ['理财产品收益低于预期', '定期存款提前支取利息有异议', '信用卡额度调整未通知'],
  staff: ['客户经理推销保险态度强硬', '工作人员服务态度差', '员工未按约定上门服务'],
  other: ['自助设备吞卡', '网点门前停车不便', '助农取款点经常无现金'],
};

const categoryWeights: readonly (readonly [ComplaintCategory, number])[] = [
  ['service', 0.35],
  ['fees', 0.25],
  ['product', 0.15],
  ['staff', 0.15],
  ['other', 0.1],
];

const dayMs = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function daysAfter(iso: string, days: number): string {
  return isoDay(Date.parse(iso) + days * dayMs);
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

export interface VetoFactsInput {
  seed: number;
  index: number;
  /** The day the data describes; nothing here is dated after it. */
  asOf: string;
  profile: Profile;
  customer: CustomerRecord;
  loans: readonly LoanRecord[];
  repayments: readonly RepaymentRecord[];
}

export function vetoFacts(input: VetoFactsInput): { blacklist: BlacklistRecord | null; complaints: ComplaintRecord[] } {
  const random = new Random(((input.seed * 2_654_435_761 + input.index * 40_503) ^ 0x6b43a9b5) >>> 0);
  return { blacklist: listing(random, input), complaints: complaints(random, input) };
}

function listing(random: Random, input: VetoFactsInput): BlacklistRecord | null {
  const { customer, loans, repayments, asOf } = input;
  const defaulted = loans.some((loan) => loan.status === 'defaulted');
  const overdue = loans.some((loan) => loan.status === 'overdue');
  const chance = defaulted ? defaultedListed : overdue ? overdueListed : groupRates[input.profile.key].listed;
  if (!random.chance(chance)) return null;
  const firstDay = daysAfter(customer.customer_since, 30);
  let listedOn: string;
  let reason: string;
  let source: string | null;
  if (defaulted || overdue) {
    // Listed some weeks after the first instalment that went unpaid.
    const unpaid = repayments.find((r) => r.paid_date === null)?.due_date ?? daysAfter(asOf, -60);
    listedOn = daysAfter(unpaid, defaulted ? random.int(91, 150) : random.int(30, 60));
    reason = defaulted ? random.pick(['贷款逾期超过90天，恶意拖欠', '逃废银行债务']) : '贷款多次逾期，催收不配合';
    source = '本行信贷管理部';
  } else {
    listedOn = daysAfter(asOf, -random.int(30, 1500));
    reason = random.pick(otherReasons);
    source = random.chance(0.8) ? random.pick(otherSources) : null;
  }
  listedOn = later(listedOn, firstDay);
  // Arrears too recent to have led to a listing by the as-of date.
  if (listedOn >= asOf) return null;
  const span = Math.round((Date.parse(asOf) - Date.parse(listedOn)) / dayMs);
  const lifted = !defaulted && span > 60 && random.chance(liftedShare);
  return {
    customer_id: customer.customer_id,
    listed_on: listedOn,
    reason,
    source,
    lifted_on: lifted ? daysAfter(listedOn, random.int(30, span)) : null,
  };
}

function complaints(random: Random, input: VetoFactsInput): ComplaintRecord[] {
  const { customer, loans, profile, asOf } = input;
  const inArrears = loans.some((loan) => loan.status === 'overdue' || loan.status === 'defaulted');
  const chance = groupRates[profile.key].complained + (inArrears ? arrearsComplaintBoost : 0);
  if (!random.chance(chance)) return [];
  const count = random.chance(0.2) ? 2 : 1;
  // Complaints come in by the channels the customer uses, and by the phone hotline and the counter.
  const channelWeights: (readonly [Channel, number])[] = [
    ...(Object.entries(profile.channelRates) as [Channel, number][]).filter(
      ([channel]) => channel !== 'agent' || customer.area_type === 'rural',
    ),
    ['phone', 1],
    ['branch', 0.5],
  ];
  const received = Array.from({ length: count }, () =>
    earlier(later(daysAfter(asOf, -random.int(1, complaintWindowDays)), customer.customer_since), asOf),
  ).sort();
  return received.map((receivedOn, i) => {
    const category: ComplaintCategory = inArrears && random.chance(0.5) ? 'fees' : random.weighted(categoryWeights);
    const summary = category === 'fees' && inArrears ? '贷款逾期催收电话过于频繁' : random.pick(summaries[category]);
    // Most complaints are closed within a few weeks; those of the last days are often still open.
    const days = random.weighted([
      [random.int(0, 3), 0.5],
      [random.int(4, 20), 0.4],
      [random.int(21, 60), 0.1],
    ] as const);
    const resolvedOn = daysAfter(receivedOn, days);
    const open = resolvedOn > asOf || random.chance(0.03);
    return {
      complaint_id: `TS${customer.customer_id}${String(i + 1).padStart(2, '0')}`,
      customer_id: customer.customer_id,
      received_on: receivedOn,
      channel: random.weighted(channelWeights),
      category,
      summary,
      resolved_on: open ? null : resolvedOn,
    };
  });
}
