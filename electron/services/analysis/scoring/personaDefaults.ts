// The standard persona tags (用户画像标签) of a rural branch: each a rule over signals whose degree is the tag's
// weight. Money in yuan. A branch head may edit them or add tags in the model.
import { bp } from './piecewise.js';
import type { SignalName } from './signalNames.js';

interface Term {
  signal: SignalName;
  points: [number, number][];
  ifMissing: number;
}

interface Rule {
  key: string;
  labelEn: string;
  labelZh: string;
  all: Term[];
  any: Term[];
  minWeight: number;
}

const yes = bp([0, 0], [1, 1]);
const no = bp([0, 1], [1, 0]);
const t = (signal: SignalName, points: [number, number][], ifMissing = 0): Term => ({ signal, points, ifMissing });

export const defaultPersonaRules: Rule[] = [
  {
    key: 'payroll_customer',
    labelEn: 'Payroll customer',
    labelZh: '代发工资客户',
    all: [t('payrollAccount', yes), t('depositMonths12', bp([2, 0], [10, 1]))],
    any: [],
    minWeight: 0.2,
  },
  {
    key: 'pension_customer',
    labelEn: 'Pension customer',
    labelZh: '养老金客户',
    all: [t('pensionAccount', yes), t('depositMonths12', bp([2, 0], [10, 1]))],
    any: [],
    minWeight: 0.2,
  },
  {
    key: 'digital_native',
    labelEn: 'Digital native',
    labelZh: '数字化客户',
    all: [t('digitalShare', bp([0.3, 0], [0.7, 1])), t('transactions12', bp([6, 0], [24, 1]))],
    any: [],
    minWeight: 0.2,
  },
  {
    key: 'branch_loyal',
    labelEn: 'Prefers the branch counter',
    labelZh: '柜面偏好',
    all: [t('share.branch', bp([0.4, 0], [0.8, 1])), t('transactions12', bp([3, 0], [12, 1]))],
    any: [],
    minWeight: 0.2,
  },
  {
    key: 'farmer_household',
    labelEn: 'Farmer household',
    labelZh: '农户',
    all: [t('rural', yes)],
    any: [t('occupation.farmer', yes), t('holds.agri', yes), t('share.agent', bp([0.1, 0], [0.4, 1]))],
    minWeight: 0.2,
  },
  {
    key: 'small_business_owner',
    labelEn: 'Small-business owner',
    labelZh: '个体工商户',
    all: [t('occupation.business', yes)],
    any: [t('cardSwipes12', bp([24, 0], [120, 1])), t('depositBalanceYuan', bp([30_000, 0], [150_000, 1]))],
    minWeight: 0.2,
  },
  {
    key: 'wealth_prospect',
    labelEn: 'Wealth-management prospect',
    labelZh: '理财潜力客户',
    all: [t('depositBalanceYuan', bp([50_000, 0], [200_000, 1])), t('wealthShare', bp([0, 1], [0.3, 0]))],
    any: [],
    minWeight: 0.2,
  },
  {
    key: 'loan_prospect',
    labelEn: 'Loan prospect',
    labelZh: '贷款潜力客户',
    all: [
      t('activeLoans', no),
      t('score.activity', bp([40, 0], [70, 1])),
      t('worstDaysPastDue', bp([0, 1], [30, 0])),
      t('age', bp([20, 0], [25, 1], [55, 1], [62, 0])),
    ],
    any: [t('occupation.business', yes), t('occupation.farmer', yes), t('occupation.salaried', yes)],
    minWeight: 0.2,
  },
  {
    key: 'dormant_risk',
    labelEn: 'At risk of going dormant',
    labelZh: '流失风险',
    all: [t('tenureMonths', bp([6, 0], [12, 1]))],
    any: [t('activeMonthsDrop', bp([1, 0], [6, 1])), t('daysSinceLastTx', bp([60, 0], [180, 1]), 1)],
    minWeight: 0.2,
  },
  {
    key: 'senior_saver',
    labelEn: 'Senior saver',
    labelZh: '老年储户',
    all: [t('age', bp([55, 0], [65, 1])), t('depositBalanceYuan', bp([20_000, 0], [100_000, 1]))],
    any: [],
    minWeight: 0.2,
  },
  {
    key: 'high_value',
    labelEn: 'High value',
    labelZh: '高价值客户',
    all: [t('score.contribution', bp([80, 0], [95, 1]))],
    any: [],
    minWeight: 0.2,
  },
];
