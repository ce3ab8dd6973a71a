// The columns persona rules read, each computed once per run and only when a rule asks for it.
import type { ScoreColumns } from './composite.js';
import type { DerivedMeasures } from './derived.js';
import type { Channel, CustomerFeatures } from './features.js';
import { AREA_RURAL, PAYROLL_ACCOUNT, PENSION_ACCOUNT, categoryBit, occupations } from './features.js';
import type { NumericColumn } from './piecewise.js';
import { asFloat64 } from './piecewise.js';
import type { SignalName } from './signalNames.js';
import type { ProductCategory } from '../../../api/types.js';

export interface SignalSources {
  features: CustomerFeatures;
  derived: DerivedMeasures;
  scores: ScoreColumns;
  composite: Float64Array;
}

/** 1 where (column & bit) !== 0 (or column === bit when exact), else 0. */
function flag(column: Uint8Array, bit: number, exact = false): Float64Array {
  const out = new Float64Array(column.length);
  for (let i = 0; i < out.length; i++) out[i] = (exact ? column[i] === bit : (column[i]! & bit) !== 0) ? 1 : 0;
  return out;
}

function yuan(column: Float64Array): Float64Array {
  const out = new Float64Array(column.length);
  for (let i = 0; i < out.length; i++) out[i] = column[i]! / FEN_PER_YUAN;
  return out;
}

const FEN_PER_YUAN = 100;

function wealthShare(deposits: Float64Array, wealth: Float64Array): Float64Array {
  const out = new Float64Array(deposits.length);
  for (let i = 0; i < out.length; i++) {
    const d = Math.max(0, deposits[i]!);
    const w = Math.max(0, wealth[i]!);
    if (d + w > 0) out[i] = w / (d + w);
  }
  return out;
}

/** Active months in months 13–24 back minus active months in the last 12. */
function activeMonthsDrop(last12: Uint8Array, last24: Uint8Array): Float64Array {
  const out = new Float64Array(last12.length);
  for (let i = 0; i < out.length; i++) out[i] = last24[i]! - 2 * last12[i]!;
  return out;
}

function computeSignal(name: SignalName, s: SignalSources): NumericColumn {
  const { features: f, derived: d, scores } = s;
  if (name.startsWith('occupation.')) {
    const code = occupations.indexOf(name.slice('occupation.'.length) as (typeof occupations)[number]);
    return flag(f.occupation, code, true);
  }
  if (name.startsWith('share.')) return d.channelShares[name.slice('share.'.length) as Channel];
  if (name.startsWith('holds.')) {
    return flag(f.categoryBits, categoryBit(name.slice('holds.'.length) as ProductCategory));
  }
  switch (name) {
    case 'age':
      return f.age;
    case 'rural':
      return flag(f.area, AREA_RURAL, true);
    case 'payrollAccount':
      return flag(f.payroll, PAYROLL_ACCOUNT);
    case 'pensionAccount':
      return flag(f.payroll, PENSION_ACCOUNT);
    case 'depositMonths12':
      return f.depositMonths12;
    case 'depositBalanceYuan':
      return yuan(f.depositBalanceFen);
    case 'wealthBalanceYuan':
      return yuan(f.wealthBalanceFen);
    case 'wealthShare':
      return wealthShare(f.depositBalanceFen, f.wealthBalanceFen);
    case 'loanBalanceYuan':
      return yuan(f.loanBalanceFen);
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
      return activeMonthsDrop(f.monthsActive12, f.monthsActive24);
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

/**
 * Reads signals for a run, computing each column at most once while the persona rules are evaluated; `release()`
 * then drops the columns (about 8 MB each at 1,000,000 customers), and `value` reads one customer's signal.
 */
export class SignalTable {
  private readonly cache = new Map<SignalName, Float64Array>();
  constructor(private readonly sources: SignalSources) {}

  column(name: SignalName): Float64Array {
    let column = this.cache.get(name);
    if (!column) {
      column = asFloat64(computeSignal(name, this.sources));
      this.cache.set(name, column);
    }
    return column;
  }

  /** One customer's value (computing the column when it is not held: for explanations, not for loops). */
  value(name: SignalName, i: number): number {
    return (this.cache.get(name) ?? computeSignal(name, this.sources))[i]!;
  }

  release(): void {
    this.cache.clear();
  }
}
