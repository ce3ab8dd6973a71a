// The boundary check every transport runs: unknown calls, bad input with a message naming the field,
// and the defaults good input receives.
import { describe, expect, test } from 'vitest';
import { methods } from '../../electron/api/contract.js';
import { validateCall } from '../../electron/api/validate.js';

function errorOf(method: string, input: unknown) {
  const result = validateCall(method, input);
  if (result.ok) throw new Error(`expected ${method} to refuse ${JSON.stringify(input)}`);
  return result.error;
}

describe('validateCall', () => {
  test('refuses a call that is not in the contract', () => {
    const error = errorOf('customers.drop', {});
    expect(error.code).toBe('unknown_method');
    expect(error.message).toContain('customers.drop');
  });

  test('refuses names inherited from Object.prototype', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(errorOf(name, {}).code).toBe('unknown_method');
    }
  });

  test.each([
    ['customers.list', { offset: -1 }, 'offset', /negative/],
    ['customers.list', { limit: 501 }, 'limit', /500/],
    ['customers.list', { limit: 0 }, 'limit', /.+/],
    ['customers.list', { offset: 1.5 }, 'offset', /.+/],
    ['customers.list', { offset: '10' }, 'offset', /.+/],
    ['customers.list', { sort: { column: 'password', direction: 'asc' } }, 'sort.column', /.+/],
    ['customers.list', { sort: { column: 'name', direction: 'up' } }, 'sort.direction', /.+/],
    ['customers.list', { filters: { areaType: 'suburban' } }, 'filters.areaType', /.+/],
    ['customers.list', { filters: { text: 'x'.repeat(65) } }, 'filters.text', /64/],
    ['customers.list', { pageSize: 10 }, 'pageSize', /.+/],
    ['customers.list', { filters: { sql: '1=1' } }, 'sql', /.+/],
    ['customers.count', { filters: 'all' }, 'filters', /.+/],
    ['customers.get', {}, 'customerId', /.+/],
    ['customers.get', { customerId: '   ' }, 'customerId', /empty/],
    ['customers.get', { customerId: 34130000001 }, 'customerId', /.+/],
    // Only the fields a manager may edit; balances and the customer number are not among them.
    ['customers.update', { customerId: '1', changes: { deposit_balance_fen: '1' } }, 'deposit_balance_fen', /.+/],
    ['customers.update', { customerId: '1', changes: { phone: 13912345678 } }, 'changes.phone', /.+/],
    ['customers.history', { customerId: '1', limit: 501 }, 'limit', /.+/],
    ['customers.repayments', {}, 'loanId', /.+/],
    ['customers.repayments', { loanId: '  ' }, 'loanId', /empty/],
    ['customers.repayments', { loanId: 'L1', customerId: '1' }, 'customerId', /.+/],
    ['demo.load', { customers: 5 }, 'customers', /at least 10/],
    ['demo.load', { replace: 'yes' }, 'replace', /.+/],
    ['settings.get', { key: 'db.password' }, 'key', /.+/],
    ['app.info', { verbose: true }, 'verbose', /.+/],
  ] as const)('%s refuses %j naming %s', (method, input, field, detail) => {
    const error = errorOf(method, input);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(method);
    expect(error.message).toContain(field);
    expect(error.message).toMatch(detail);
  });

  test('refuses input that is not an object', () => {
    for (const input of [[], 'customers', 42, true]) {
      expect(errorOf('customers.list', input).code).toBe('invalid_input');
    }
  });

  test('fills in the defaults of customers.list', () => {
    expect(validateCall('customers.list', {})).toEqual({
      ok: true,
      value: { filters: {}, sort: { column: 'depositBalance', direction: 'desc' }, offset: 0, limit: 100 },
    });
  });

  test('treats a missing input as an empty object', () => {
    for (const input of [undefined, null]) {
      const result = validateCall('customers.count', input);
      expect(result).toEqual({ ok: true, value: { filters: {} } });
    }
  });

  test('fills in the defaults of demo.load and keeps what was given', () => {
    expect(validateCall('demo.load', { customers: 300 })).toEqual({
      ok: true,
      value: { customers: 300, seed: 20261123, activityMonths: 24, replace: false },
    });
  });

  test('trims search text and customer numbers', () => {
    expect(validateCall('customers.count', { filters: { text: '  王  ' } })).toEqual({
      ok: true,
      value: { filters: { text: '王' } },
    });
    expect(validateCall('customers.get', { customerId: ' 0341300000001 ' })).toEqual({
      ok: true,
      value: { customerId: '0341300000001' },
    });
  });

  test('analysis.model.save takes an object of parameters; the service checks each one', () => {
    for (const model of [undefined, null, [], 'model', 3]) {
      expect(errorOf('analysis.model.save', { model }).message, String(model)).toMatch(/model/);
    }
    expect(validateCall('analysis.model.save', { model: { tiers: { vipMinComposite: 90 } } }).ok).toBe(true);
  });

  test('accepts the boundaries of paging', () => {
    const result = validateCall('customers.list', { offset: 0, limit: 500 });
    expect(result.ok).toBe(true);
    expect(validateCall('customers.list', { limit: 1 }).ok).toBe(true);
  });

  test('accepts an empty input for every call without required fields', () => {
    const needInput = new Set([
      'customers.get',
      'customers.activity',
      'customers.update',
      'customers.history',
      'customers.repayments',
      'settings.get',
      'settings.set',
      'import.inspect',
      'import.run',
      'import.rejections',
      'import.profiles.save',
      'analysis.customer',
      'analysis.segmentMap',
      'analysis.customerNeeds',
      'analysis.model.save',
    ]);
    for (const method of methods.filter((m) => !needInput.has(m))) {
      expect(validateCall(method, {}).ok, method).toBe(true);
    }
  });
});
