// Persona tags (用户画像) with weights on hand-made customers.
import { describe, expect, test } from 'vitest';
import type { CustomerFeatureRecord } from '../../electron/services/analysis/scoring/index.js';
import {
  defaultScoringModel,
  featuresFromRecords,
  scoreCustomers,
} from '../../electron/services/analysis/scoring/index.js';
import { customer, ordinaryCustomer } from './scoringFixtures.js';

const model = defaultScoringModel();

function tags(record: CustomerFeatureRecord): Record<string, number> {
  const run = scoreCustomers(featuresFromRecords([record]), model);
  return Object.fromEntries(
    Object.entries(run.personas)
      .map(([key, column]) => [key, column[0]!] as const)
      .filter(([, weight]) => weight > 0),
  );
}

describe('persona tags', () => {
  test('payroll customer: weight grows with the months of deposits', () => {
    expect(tags(customer({ payrollAccount: true, depositMonths12: 10 })).payroll_customer).toBe(1);
    expect(tags(customer({ payrollAccount: true, depositMonths12: 6 })).payroll_customer).toBeCloseTo(0.5, 6);
    expect(tags(customer({ payrollAccount: false, depositMonths12: 12 })).payroll_customer).toBeUndefined();
  });

  test('farmer household: rural, and a farmer, an agri product or the agent terminal', () => {
    expect(tags(customer({ rural: true, occupation: 'farmer' })).farmer_household).toBe(1);
    expect(tags(customer({ rural: true, categories: ['agri'] })).farmer_household).toBe(1);
    expect(tags(customer({ rural: false, occupation: 'farmer' })).farmer_household).toBeUndefined();
  });

  test('digital native needs a digital share and some volume', () => {
    const channelTx12 = { branch: 2, atm_pos: 0, internet: 10, mobile: 30, phone: 0, agent: 0 };
    expect(tags(customer({ channelTx12 })).digital_native).toBeCloseTo(1, 6);
    expect(tags(customer({ channelTx12: { ...channelTx12, branch: 40 } })).digital_native).toBeCloseTo(0.5, 5);
  });

  test('wealth prospect: large deposits and little in wealth management', () => {
    expect(tags(customer({ depositBalanceFen: 300_000_00 })).wealth_prospect).toBe(1);
    const holder = customer({ depositBalanceFen: 300_000_00, wealthBalanceFen: 300_000_00 });
    expect(tags(holder).wealth_prospect).toBeUndefined();
  });

  test('senior saver and small-business owner', () => {
    expect(tags(customer({ age: 70, depositBalanceFen: 100_000_00 })).senior_saver).toBe(1);
    expect(tags(customer({ age: 40, depositBalanceFen: 100_000_00 })).senior_saver).toBeUndefined();
    const shop = customer({ occupation: 'business', cardSwipes12: 120 });
    expect(tags(shop).small_business_owner).toBe(1);
  });

  test('dormant risk: fewer active months than the year before, or long silence', () => {
    expect(tags(ordinaryCustomer({ monthsActive12: 3, monthsActive24: 15 })).dormant_risk).toBe(1);
    expect(tags(ordinaryCustomer({ daysSinceLastTx: 120 })).dormant_risk).toBeCloseTo(0.5, 6);
    expect(tags(ordinaryCustomer()).dormant_risk).toBeUndefined();
  });

  test('loan prospect: active, no loan now, clean history, working age and a working occupation', () => {
    const active = {
      age: 35,
      occupation: 'business' as const,
      deposits12: 200,
      cardSwipes12: 100,
      monthsActive12: 12,
      daysSinceLastTx: 3,
    };
    expect(tags(customer(active)).loan_prospect).toBe(1);
    expect(tags(customer({ ...active, activeLoanCount: 1, loanCount: 1 })).loan_prospect).toBeUndefined();
    expect(tags(customer({ ...active, occupation: 'student' })).loan_prospect).toBeUndefined();
  });

  test('weights under the minimum are dropped', () => {
    expect(tags(customer({ payrollAccount: true, depositMonths12: 3 })).payroll_customer).toBeUndefined();
  });
});
