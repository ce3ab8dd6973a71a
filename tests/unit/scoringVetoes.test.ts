// Veto screening (一票否决) on hand-made customers: every reason, several at once, and each rule switched off.
import { describe, expect, test } from 'vitest';
import type { CustomerFeatureRecord, ScoringModel, VetoCode } from '../../electron/services/analysis/scoring/index.js';
import {
  defaultScoringModel,
  featuresFromRecords,
  screenVetoes,
  vetoBit,
  vetoCodes,
  vetoReasons,
} from '../../electron/services/analysis/scoring/index.js';
import { ordinaryCustomer } from './scoringFixtures.js';

const model = defaultScoringModel();

function reasons(record: CustomerFeatureRecord, m: ScoringModel = model): VetoCode[] {
  return vetoReasons(screenVetoes(featuresFromRecords([record]), m)[0]!);
}

const vetoed: Record<VetoCode, Partial<CustomerFeatureRecord>> = {
  blacklist: { blacklisted: true },
  current_overdue: { loanCount: 1, activeLoanCount: 1, overdue: true, overdueFen: 120_00 },
  no_consent: { consent: { marketing: false, sms: false, phone: false, visit: false, app: false } },
  do_not_contact: { doNotContact: true },
  frozen_account: { frozenAccounts: 1 },
  dormant: { openAccounts: 2, dormantAccounts: 2 },
  recent_complaint: { daysSinceComplaint: 30 },
  under_age: { age: 16 },
};

describe('veto screening', () => {
  test('an ordinary customer passes', () => {
    expect(reasons(ordinaryCustomer())).toEqual([]);
  });

  test.each(vetoCodes.map((code) => [code]))('%s vetoes with its own reason', (code) => {
    expect(reasons(ordinaryCustomer(vetoed[code]))).toEqual([code]);
  });

  test.each(vetoCodes.map((code) => [code]))('%s is not applied when switched off', (code) => {
    const key = {
      blacklist: 'blacklist',
      current_overdue: 'currentOverdue',
      no_consent: 'noConsent',
      do_not_contact: 'doNotContact',
      frozen_account: 'frozenAccount',
      dormant: 'dormant',
      recent_complaint: 'recentComplaint',
      under_age: 'underAge',
    } as const satisfies Record<VetoCode, keyof ScoringModel['vetoes']>;
    const off = { ...model, vetoes: { ...model.vetoes, [key[code]]: { ...model.vetoes[key[code]], enabled: false } } };
    expect(reasons(ordinaryCustomer(vetoed[code]), off)).toEqual([]);
  });

  test('a customer can carry several reasons, as bits of one mask', () => {
    const mask = screenVetoes(featuresFromRecords([ordinaryCustomer({ blacklisted: true, age: 15 })]), model)[0]!;
    expect(mask).toBe(vetoBit('blacklist') | vetoBit('under_age'));
    expect(vetoReasons(mask)).toEqual(['blacklist', 'under_age']);
  });

  test('dormant also means no transaction for the configured months, but not for a new customer', () => {
    expect(reasons(ordinaryCustomer({ daysSinceLastTx: 400 }))).toEqual(['dormant']);
    expect(reasons(ordinaryCustomer({ daysSinceLastTx: null }))).toEqual(['dormant']);
    expect(reasons(ordinaryCustomer({ daysSinceLastTx: 200 }))).toEqual([]);
    expect(reasons(ordinaryCustomer({ daysSinceLastTx: null, tenureMonths: 3 }))).toEqual([]);
    expect(reasons(ordinaryCustomer({ openAccounts: 2, dormantAccounts: 1 }))).toEqual([]);
  });

  test('thresholds: complaint window, minimum age, overdue amount', () => {
    expect(reasons(ordinaryCustomer({ daysSinceComplaint: 91 }))).toEqual([]);
    expect(reasons(ordinaryCustomer({ age: 18 }))).toEqual([]);
    expect(reasons(ordinaryCustomer({ age: null }))).toEqual([]);
    const tolerant = {
      ...model,
      vetoes: { ...model.vetoes, currentOverdue: { enabled: true, minOverdueFen: 500_00 } },
    };
    expect(reasons(ordinaryCustomer(vetoed.current_overdue), tolerant)).toEqual([]);
  });

  test('any one channel consent is consent; none at all is a veto', () => {
    const smsOnly = { marketing: false, sms: true, phone: false, visit: false, app: false };
    expect(reasons(ordinaryCustomer({ consent: smsOnly }))).toEqual([]);
  });
});
