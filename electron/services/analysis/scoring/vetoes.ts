// Veto screening (一票否决): rules that keep a customer out of marketing whatever their scores. Each rule is a
// reason code and a bit; a customer may carry several. Vetoed customers stay visible, with their reasons.
import type { CustomerFeatures } from './features.js';
import { ANY_MARKETING_CONSENT, DO_NOT_CONTACT } from './features.js';
import type { ScoringModel } from './model.js';

export const vetoCodes = [
  'blacklist',
  'current_overdue',
  'no_consent',
  'do_not_contact',
  'frozen_account',
  'dormant',
  'recent_complaint',
  'under_age',
] as const;
export type VetoCode = (typeof vetoCodes)[number];

/** The bit of a reason in the veto mask. */
export function vetoBit(code: VetoCode): number {
  return 1 << vetoCodes.indexOf(code);
}

export const vetoLabels: Record<VetoCode, { en: string; zh: string }> = {
  blacklist: { en: 'On the blacklist', zh: '黑名单客户' },
  current_overdue: { en: 'Loan overdue now', zh: '贷款当前逾期' },
  no_consent: { en: 'No marketing consent on any channel', zh: '未授权任何营销渠道' },
  do_not_contact: { en: 'Asked not to be contacted', zh: '要求勿扰' },
  frozen_account: { en: 'Frozen account', zh: '账户冻结' },
  dormant: { en: 'Dormant: no activity or all accounts dormant', zh: '睡眠客户' },
  recent_complaint: { en: 'Complained recently', zh: '近期有投诉' },
  under_age: { en: 'Under age', zh: '未成年' },
};

const BLACKLIST = vetoBit('blacklist');
const CURRENT_OVERDUE = vetoBit('current_overdue');
const NO_CONSENT = vetoBit('no_consent');
const DO_NOT_CONTACT_BIT = vetoBit('do_not_contact');
const FROZEN_ACCOUNT = vetoBit('frozen_account');
const DORMANT = vetoBit('dormant');
const RECENT_COMPLAINT = vetoBit('recent_complaint');
const UNDER_AGE = vetoBit('under_age');

/** Average days in a month, for "no transaction for N months". */
const DAYS_PER_MONTH = 30.4375;

/** The veto mask of every customer (0 = may be marketed to). */
export function screenVetoes(f: CustomerFeatures, model: ScoringModel): Uint8Array {
  const v = model.vetoes;
  const out = new Uint8Array(f.n);
  // Each rule is its own pass over one or two columns: tight loops, each reading few arrays.
  if (v.blacklist.enabled) {
    const blacklisted = f.blacklisted;
    for (let i = 0; i < f.n; i++) if (blacklisted[i] === 1) out[i]! |= BLACKLIST;
  }
  if (v.currentOverdue.enabled) {
    const { overdueFlag, overdueFen } = f;
    const min = v.currentOverdue.minOverdueFen;
    for (let i = 0; i < f.n; i++) if (overdueFlag[i] === 1 && overdueFen[i]! >= min) out[i]! |= CURRENT_OVERDUE;
  }
  const consent = f.consent;
  if (v.noConsent.enabled) {
    for (let i = 0; i < f.n; i++) if ((consent[i]! & ANY_MARKETING_CONSENT) === 0) out[i]! |= NO_CONSENT;
  }
  if (v.doNotContact.enabled) {
    for (let i = 0; i < f.n; i++) if ((consent[i]! & DO_NOT_CONTACT) !== 0) out[i]! |= DO_NOT_CONTACT_BIT;
  }
  if (v.frozenAccount.enabled) {
    const { frozenAccounts } = f;
    const min = v.frozenAccount.minFrozenAccounts;
    for (let i = 0; i < f.n; i++) if (frozenAccounts[i]! >= min) out[i]! |= FROZEN_ACCOUNT;
  }
  if (v.dormant.enabled) {
    const { openAccounts, dormantAccounts, daysSinceLastTx, tenureMonths } = f;
    const months = v.dormant.inactiveMonths;
    const inactiveDays = months * DAYS_PER_MONTH;
    for (let i = 0; i < f.n; i++) {
      const open = openAccounts[i]!;
      const allDormant = open > 0 && dormantAccounts[i] === open;
      const days = daysSinceLastTx[i]!;
      // A customer who joined within the window has had no time to go quiet.
      const quiet = tenureMonths[i]! >= months && (days !== days || days >= inactiveDays);
      if (allDormant || quiet) out[i]! |= DORMANT;
    }
  }
  if (v.recentComplaint.enabled) {
    const { daysSinceComplaint } = f;
    const within = v.recentComplaint.withinDays;
    for (let i = 0; i < f.n; i++) if (daysSinceComplaint[i]! <= within) out[i]! |= RECENT_COMPLAINT;
  }
  if (v.underAge.enabled) {
    const { age } = f;
    const min = v.underAge.minAge;
    for (let i = 0; i < f.n; i++) if (age[i]! < min) out[i]! |= UNDER_AGE;
  }
  return out;
}

/** The reasons in a mask, in the order of vetoCodes. */
export function vetoReasons(mask: number): VetoCode[] {
  return vetoCodes.filter((code) => (mask & vetoBit(code)) !== 0);
}
