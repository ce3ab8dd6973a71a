// A deterministic synthetic feature table for scoring benchmarks and property tests: plausible mixes of savers,
// borrowers, digital and branch customers, dormant and vetoed ones, drawn from a seeded generator.
import type { CustomerFeatures } from '../../electron/services/analysis/scoring/index.js';
import {
  AREA_RURAL,
  channels,
  classificationCodes,
  createFeatures,
  occupations,
} from '../../electron/services/analysis/scoring/index.js';

/** mulberry32: small, fast and the same on every machine. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticFeatures(n: number, seed = 1, branches = 4): CustomerFeatures {
  const random = generator(seed);
  const int = (max: number) => Math.floor(random() * (max + 1));
  const f = createFeatures(n);
  for (let i = 0; i < n; i++) {
    const level = Math.exp(3 * random());
    f.branch[i] = int(branches - 1);
    f.depositBalanceFen[i] = Math.round(level * 400_000 * random());
    f.wealthBalanceFen[i] = random() < 0.15 ? Math.round(level * 1_000_000 * random()) : 0;
    f.feeIncome12Fen[i] = int(5_000);
    const dormant = random() < 0.08;
    const months = dormant ? 0 : int(12);
    f.monthsActive12[i] = months;
    f.monthsActive24[i] = months + (dormant ? int(12) : int(12));
    f.depositMonths12[i] = Math.min(months, int(12));
    f.daysSinceLastTx[i] = months === 0 ? (random() < 0.5 ? Number.NaN : 365 + int(400)) : int(90);
    let total = 0;
    for (const channel of channels) {
      const count = months === 0 || random() < 0.4 ? 0 : int(15) * months;
      f.channelTx12[channel][i] = count;
      total += count;
    }
    f.cardSwipes12[i] = Math.round(total * 0.3 * random());
    f.deposits12[i] = Math.round((total - f.cardSwipes12[i]!) * 0.5);
    f.withdrawals12[i] = total - f.cardSwipes12[i]! - f.deposits12[i]!;
    if (random() < 0.3) {
      f.loanCount[i] = 1 + int(2);
      f.activeLoanCount[i] = int(f.loanCount[i]!);
      f.loanBalanceFen[i] = f.activeLoanCount[i]! > 0 ? Math.round(level * 2_000_000 * random()) : 0;
      f.repaymentsDue[i] = int(36);
      f.repaymentsOnTime[i] = Math.max(0, f.repaymentsDue[i]! - (random() < 0.8 ? 0 : int(6)));
      f.worstDaysPastDue[i] = f.repaymentsOnTime[i] === f.repaymentsDue[i] ? 0 : int(200);
      f.overdueFlag[i] = random() < 0.05 ? 1 : 0;
      f.overdueFen[i] = f.overdueFlag[i] === 1 ? int(1_000_000) : 0;
      f.defaults[i] = random() < 0.02 ? 1 : 0;
      f.worstClassification[i] = 1 + (random() < 0.9 ? 0 : int(classificationCodes.length - 2));
    }
    f.tenureMonths[i] = int(360);
    f.categoryBits[i] = 1 | int(126);
    f.balanceCv[i] = random() < 0.1 ? Number.NaN : random() * 1.5;
    f.payroll[i] = random() < 0.3 ? 1 + int(1) : 0;
    f.age[i] = random() < 0.05 ? Number.NaN : 16 + int(74);
    f.occupation[i] = int(occupations.length - 1);
    f.area[i] = random() < 0.5 ? AREA_RURAL : 0;
    f.consent[i] = random() < 0.85 ? 1 | int(63) : int(32) & 32;
    f.blacklisted[i] = random() < 0.005 ? 1 : 0;
    f.openAccounts[i] = 1 + int(4);
    f.dormantAccounts[i] = dormant ? f.openAccounts[i]! : int(1);
    f.frozenAccounts[i] = random() < 0.01 ? 1 : 0;
    f.daysSinceComplaint[i] = random() < 0.03 ? int(720) : Number.NaN;
  }
  return f;
}
