// The factors of the four weighted scores — activity (活跃度), channel preference (渠道偏好, as digital adoption),
// credit (信用等级) and loyalty (忠诚度) — each tied to its value column and its parameters in the model.
import type { DerivedMeasures } from './derived.js';
import type { CustomerFeatures } from './features.js';
import type { ScoringModel } from './model.js';
import type { FactorSpec } from './weightedScore.js';

export type WeightedScoreKey = 'activity' | 'channel' | 'credit' | 'loyalty';

export function activityFactors(f: CustomerFeatures, d: DerivedMeasures, model: ScoringModel): FactorSpec[] {
  const p = model.activity.factors;
  return [
    {
      key: 'transactions',
      labelEn: 'Deposits and withdrawals, last 12 months',
      labelZh: '近12个月存取款笔数',
      unit: 'count',
      values: d.transactions12,
      params: p.transactions,
    },
    {
      key: 'cardSwipes',
      labelEn: 'Card payments, last 12 months',
      labelZh: '近12个月刷卡消费笔数',
      unit: 'count',
      values: f.cardSwipes12,
      params: p.cardSwipes,
    },
    {
      key: 'eChannel',
      labelEn: 'E-channel transactions, last 12 months',
      labelZh: '近12个月电子渠道交易笔数',
      unit: 'count',
      values: d.eChannelTx12,
      params: p.eChannel,
    },
    {
      key: 'monthsActive',
      labelEn: 'Months with transactions, of the last 12',
      labelZh: '近12个月有交易的月数',
      unit: 'months',
      values: f.monthsActive12,
      params: p.monthsActive,
    },
    {
      key: 'recency',
      labelEn: 'Days since the last transaction',
      labelZh: '距最近一次交易天数',
      unit: 'days',
      values: f.daysSinceLastTx,
      params: p.recency,
    },
  ];
}

export function channelFactors(_f: CustomerFeatures, d: DerivedMeasures, model: ScoringModel): FactorSpec[] {
  const p = model.channel.factors;
  return [
    {
      key: 'digitalShare',
      labelEn: 'Share of transactions on digital channels',
      labelZh: '线上渠道交易占比',
      unit: 'ratio',
      values: d.digitalShare,
      params: p.digitalShare,
    },
    {
      key: 'digitalVolume',
      labelEn: 'Digital transactions, last 12 months',
      labelZh: '近12个月线上交易笔数',
      unit: 'count',
      values: d.digitalTx12,
      params: p.digitalVolume,
    },
    {
      key: 'ebankingHeld',
      labelEn: 'Holds mobile or internet banking',
      labelZh: '已开通电子银行',
      unit: 'flag',
      values: d.ebankingHeld,
      params: p.ebankingHeld,
    },
  ];
}

export function creditFactors(f: CustomerFeatures, d: DerivedMeasures, model: ScoringModel): FactorSpec[] {
  const p = model.credit.factors;
  return [
    {
      key: 'onTimeRatio',
      labelEn: 'Instalments paid on time',
      labelZh: '按期还款比例',
      unit: 'ratio',
      values: d.onTimeRatio,
      params: p.onTimeRatio,
    },
    {
      key: 'worstDaysPastDue',
      labelEn: 'Worst days past due, last 24 months',
      labelZh: '近24个月最长逾期天数',
      unit: 'days',
      values: f.worstDaysPastDue,
      params: p.worstDaysPastDue,
    },
    {
      key: 'currentOverdue',
      labelEn: 'Overdue now',
      labelZh: '当前逾期',
      unit: 'flag',
      values: f.overdueFlag,
      params: p.currentOverdue,
    },
    {
      key: 'defaults',
      labelEn: 'Defaulted loans',
      labelZh: '违约贷款笔数',
      unit: 'count',
      values: f.defaults,
      params: p.defaults,
    },
    {
      key: 'classification',
      labelEn: 'Worst five-category classification',
      labelZh: '贷款五级分类（最差）',
      unit: 'classification',
      values: f.worstClassification,
      params: p.classification,
    },
  ];
}

export function loyaltyFactors(f: CustomerFeatures, d: DerivedMeasures, model: ScoringModel): FactorSpec[] {
  const p = model.loyalty.factors;
  return [
    {
      key: 'tenure',
      labelEn: 'Months as a customer',
      labelZh: '开户时长（月）',
      unit: 'months',
      values: f.tenureMonths,
      params: p.tenure,
    },
    {
      key: 'breadth',
      labelEn: 'Product categories held',
      labelZh: '持有产品类别数',
      unit: 'categories',
      values: d.breadth,
      params: p.breadth,
    },
    {
      key: 'balanceStability',
      labelEn: 'Swing of the monthly balance (coefficient of variation)',
      labelZh: '月均余额波动（变异系数）',
      unit: 'ratio',
      values: f.balanceCv,
      params: p.balanceStability,
    },
    {
      key: 'payrollPension',
      labelEn: 'Payroll or pension account',
      labelZh: '代发工资或养老金账户',
      unit: 'flag',
      values: d.payrollHeld,
      params: p.payrollPension,
    },
    {
      key: 'regularDeposits',
      labelEn: 'Months with deposits, of the last 12',
      labelZh: '近12个月有存入的月数',
      unit: 'months',
      values: f.depositMonths12,
      params: p.regularDeposits,
    },
  ];
}

export const weightedScoreFactors: Record<
  WeightedScoreKey,
  (f: CustomerFeatures, d: DerivedMeasures, model: ScoringModel) => FactorSpec[]
> = {
  activity: activityFactors,
  channel: channelFactors,
  credit: creditFactors,
  loyalty: loyaltyFactors,
};
