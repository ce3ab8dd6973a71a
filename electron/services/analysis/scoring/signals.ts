// The columns persona rules read, each computed once per run and only when a rule asks for it.
import type { ScoreColumns } from './composite.js';
import type { DerivedMeasures } from './derived.js';
import type { Channel, CustomerFeatures } from './features.js';
import { AREA_RURAL, PAYROLL_ACCOUNT, PENSION_ACCOUNT, categoryBit, occupations } from './features.js';
import type { NumericColumn } from './piecewise.js';
import type { SignalName } from './signalNames.js';
import type { ProductCategory } from '../../../api/types.js';

export interface SignalSources {
  features: CustomerFeatures;
  derived: DerivedMeasures;
  scores: ScoreColumns;
  composite: Float64Array;
}

function map(n: number, at: (i: number) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = at(i);
  return out;
}

const FEN_PER_YUAN = 100;

function computeSignal(name: SignalName, s: SignalSources): NumericColumn {
  const { features: f, derived: d, scores } = s;
  const n = f.n;
  if (name.startsWith('occupation.')) {
    const code = occupations.indexOf(name.slice('occupation.'.length) as (typeof occupations)[number]);
    return map(n, (i) => (f.occupation[i] === code ? 1 : 0));
  }
  if (name.startsWith('share.')) return d.channelShares[name.slice('share.'.length) as Channel];
  if (name.startsWith('holds.')) {
    const bit = categoryBit(name.slice('holds.'.length) as ProductCategory);
    return map(n, (i) => ((f.categoryBits[i]! & bit) !== 0 ? 1 : 0));
  }
  switch (name) {
    case 'age':
      return f.age;
    case 'rural':
      return map(n, (i) => (f.area[i] === AREA_RURAL ? 1 : 0));
    case 'payrollAccount':
      return map(n, (i) => ((f.payroll[i]! & PAYROLL_ACCOUNT) !== 0 ? 1 : 0));
    case 'pensionAccount':
      return map(n, (i) => ((f.payroll[i]! & PENSION_ACCOUNT) !== 0 ? 1 : 0));
    case 'depositMonths12':
      return f.depositMonths12;
    case 'depositBalanceYuan':
      return map(n, (i) => f.depositBalanceFen[i]! / FEN_PER_YUAN);
    case 'wealthBalanceYuan':
      return map(n, (i) => f.wealthBalanceFen[i]! / FEN_PER_YUAN);
    case 'wealthShare':
      return map(n, (i) => {
        const deposit = Math.max(0, f.depositBalanceFen[i]!);
        const wealth = Math.max(0, f.wealthBalanceFen[i]!);
        return deposit + wealth > 0 ? wealth / (deposit + wealth) : 0;
      });
    case 'loanBalanceYuan':
      return map(n, (i) => f.loanBalanceFen[i]! / FEN_PER_YUAN);
    case 'activeLoans':
      return f.activeLoanCount;
    case 'digitalShare':
      return d.digitalShare;
    case 'cardSwipes12':
      return f.cardSwipes12;
    case 'transactions12':
      return d.totalTx12;
    case 'monthsActive12':
      return f.monthsActive12;
    case 'activeMonthsDrop':
      return map(n, (i) => f.monthsActive24[i]! - 2 * f.monthsActive12[i]!);
    case 'daysSinceLastTx':
      return f.daysSinceLastTx;
    case 'worstDaysPastDue':
      return f.worstDaysPastDue;
    case 'productCategories':
      return d.breadth;
    case 'tenureMonths':
      return f.tenureMonths;
    case 'score.contribution':
      return scores.contribution;
    case 'score.activity':
      return scores.activity;
    case 'score.channel':
      return scores.channel;
    case 'score.credit':
      return scores.credit;
    case 'score.loyalty':
      return scores.loyalty;
    case 'score.composite':
      return s.composite;
    default:
      throw new Error(`persona signal ${name} has no definition`);
  }
}

/** Reads signals, computing each at most once. */
export class SignalTable {
  private readonly cache = new Map<SignalName, NumericColumn>();
  constructor(private readonly sources: SignalSources) {}

  column(name: SignalName): NumericColumn {
    let column = this.cache.get(name);
    if (!column) {
      column = computeSignal(name, this.sources);
      this.cache.set(name, column);
    }
    return column;
  }
}
