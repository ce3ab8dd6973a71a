// Rows a --dirty export adds that the importer must reject, at least one for every reason code of
// docs/FORMATS.md. Each has exactly one fault and a key of its own, so it is an extra row with one
// expected rejection and never hides or replaces a clean row.
import { residentIdCheckDigit } from '../validation/residentId.js';
import { activityFields, csvHeaders, customerFields, holdingFields, type CsvFileName } from './csvColumns.js';
import { demoBranch } from './branchStaff.js';
import { extraLoanId } from './dirtyExtras.js';
import { shiftMonth, type DirtyContext, type PlantedRow, type RejectionCode } from './dirtyTypes.js';
import type { GeneratedCustomer } from './generate.js';
import { demoAreaCode } from './places.js';

function columnIndex(file: CsvFileName, column: string): number {
  const index = csvHeaders[file].indexOf(column);
  if (index < 0) throw new Error(`${file} has no column ${column}`);
  return index;
}

/** A copy of the fields with some columns replaced. */
function withValues(file: CsvFileName, fields: readonly string[], values: Record<string, string>): string[] {
  const copy = [...fields];
  for (const [column, value] of Object.entries(values)) copy[columnIndex(file, column)] = value;
  return copy;
}

function current(ctx: DirtyContext): GeneratedCustomer {
  if (!ctx.customer) throw new Error('a customer-level planted row needs a customer');
  return ctx.customer;
}

function rejected(
  file: CsvFileName,
  column: string,
  code: RejectionCode,
  note: string,
  build: PlantedRow['build'],
  at?: number,
): PlantedRow {
  return at === undefined
    ? { file, build, reject: { column, code }, note }
    : { file, at, build, reject: { column, code }, note };
}

/** Dirty rows get numbers of their own, in ranges the clean branch never uses. */
function dirtyCustomerId(serial: number): string {
  return `0${demoBranch.branch_id}91${String(serial).padStart(6, '0')}`;
}

function dirtyAccountId(ctx: DirtyContext, serial: number): string {
  return `${current(ctx).customer.customer_id}9${String(serial).padStart(2, '0')}`;
}

/** A customer row copied from the clean customer at hand, under a new number, with its ID number dropped. */
function customerRow(serial: number, values: Record<string, string>): PlantedRow['build'] {
  return (ctx) =>
    withValues('customers.csv', customerFields(current(ctx).customer), {
      customer_id: dirtyCustomerId(serial),
      id_number: '',
      ...values,
    });
}

function holdingRow(serial: number, values: Record<string, string>): PlantedRow['build'] {
  return (ctx) => {
    const first = current(ctx).holdings[0];
    if (!first) throw new Error('every demo customer holds demand savings');
    return withValues('holdings.csv', holdingFields(first), { account_id: dirtyAccountId(ctx, serial), ...values });
  };
}

/** An activity row in a month before the window, which the clean data never fills. */
function activityRow(monthsBefore: number, values: Record<string, string>): PlantedRow['build'] {
  return (ctx) => {
    const customerId = current(ctx).customer.customer_id;
    const month = shiftMonth(ctx.firstMonth, -monthsBefore);
    const base = activityFields({
      customer_id: customerId,
      month,
      channel: 'branch',
      deposit_count: 2,
      withdrawal_count: 1,
      card_swipes: 0,
      amount_fen: 300_000,
      avg_balance_fen: 1_250_000,
      fee_income_fen: 0,
    });
    return withValues('activity.csv', base, values);
  };
}

function loanRow(serial: number, values: Record<string, string>): PlantedRow['build'] {
  return (ctx) =>
    withValues(
      'loans.csv',
      [
        `L${current(ctx).customer.customer_id}9${String(serial).padStart(2, '0')}`,
        current(ctx).customer.customer_id,
        'L01',
        '50000.00',
        '20000.00',
        '5.20',
        `${shiftMonth(ctx.asOf, -12)}-10`,
        `${shiftMonth(ctx.asOf, 24)}-10`,
        'active',
        'normal',
      ],
      values,
    );
}

/** A future instalment of the extra customer's loan, a month of its own per planted row. */
function repaymentRow(monthsAhead: number, values: Record<string, string>): PlantedRow['build'] {
  return (ctx) =>
    withValues(
      'repayments.csv',
      [extraLoanId(), `${shiftMonth(ctx.asOf, monthsAhead)}-15`, '3333.33', '', '0.00', '0'],
      values,
    );
}

function duplicateOfLast(file: CsvFileName, values: Record<string, string>): PlantedRow['build'] {
  return (ctx) => withValues(file, ctx.lastRow(file), values);
}

/** Drops a column, or splits it in two at ", " as an export that forgot to quote it would. */
function wrongColumns(
  file: CsvFileName,
  column: string,
  split: boolean,
  build: PlantedRow['build'],
): PlantedRow['build'] {
  return (ctx) => {
    const fields = build(ctx);
    const index = columnIndex(file, column);
    const value = fields[index] ?? '';
    const parts = split ? value.split(', ') : [];
    if (split && parts.length !== 2) throw new Error(`cannot split "${value}" in two`);
    fields.splice(index, 1, ...parts);
    return fields;
  };
}

function characters(count: number): string {
  const text = '青山县城关镇人民路社区锦绣花园小区东门对面农资门市部后院';
  return Array.from({ length: count }, (_, i) => text[i % text.length]).join('');
}

function wrongCheckDigit(idNumber: string): string {
  const right = idNumber.slice(-1);
  return idNumber.slice(0, 17) + (right === '0' ? '1' : '0');
}

/** Every planted rejection, in file order; rows without `at` are spread evenly over their file. */
export function rejectedRows(): PlantedRow[] {
  return [
    rejected('branches.csv', 'name', 'required', 'branch without a name', () => ['3499', '', demoBranch.region], 1),

    rejected('staff.csv', 'role', 'bad_enum', 'role outside rm/head/operator', (ctx) =>
      withValues('staff.csv', ctx.lastRow('staff.csv'), { staff_id: 'R901', role: 'manager' }),
    ),
    rejected('staff.csv', 'phone', 'bad_mobile', 'nine-digit mobile', (ctx) =>
      withValues('staff.csv', ctx.lastRow('staff.csv'), { staff_id: 'R902', phone: '138001380' }),
    ),
    rejected('staff.csv', 'branch_id', 'unknown_reference', 'staff of an unknown branch', (ctx) =>
      withValues('staff.csv', ctx.lastRow('staff.csv'), { staff_id: 'R903', branch_id: '3420' }),
    ),
    rejected('staff.csv', 'staff_id', 'bad_id', 'staff number with a space', (ctx) =>
      withValues('staff.csv', ctx.lastRow('staff.csv'), { staff_id: 'R 904' }),
    ),
    rejected('staff.csv', 'staff_id', 'duplicate_key', 'staff number given twice', (ctx) =>
      withValues('staff.csv', ctx.lastRow('staff.csv'), { phone: '13912345678' }),
    ),

    rejected('products.csv', 'category', 'bad_enum', 'category outside the list', () => [
      'W09',
      '基金定投',
      'Fund plan',
      'fund',
    ]),
    rejected('products.csv', 'name', 'too_long', 'name of 101 characters', () => [
      'W08',
      characters(101),
      'Long name',
      'wealth',
    ]),
    rejected(
      'products.csv',
      'product_id',
      'duplicate_key',
      'product given twice',
      duplicateOfLast('products.csv', { name: '农业保险代办（新）' }),
      1,
    ),

    rejected('customers.csv', 'id_number', 'bad_resident_id', 'wrong check digit', (ctx) =>
      withValues('customers.csv', customerFields(current(ctx).customer), {
        customer_id: dirtyCustomerId(1),
        id_number: wrongCheckDigit(current(ctx).customer.id_number),
      }),
    ),
    rejected('customers.csv', 'id_number', 'bad_resident_id', 'impossible birth date 1987-02-31', (ctx) => {
      const first17 = `${demoAreaCode}19870231123`;
      return customerRow(2, { birth_date: '', id_number: first17 + residentIdCheckDigit(first17) })(ctx);
    }),
    rejected(
      'customers.csv',
      'birth_date',
      'date_range',
      'birth date in the future',
      customerRow(3, { birth_date: '2091-03-15' }),
    ),
    rejected('customers.csv', 'birth_date', 'bad_date', 'no 30 February', customerRow(4, { birth_date: '1985-02-30' })),
    rejected(
      'customers.csv',
      'birth_date',
      'date_range',
      'born before 1900',
      customerRow(5, { birth_date: '1899-12-31' }),
    ),
    rejected('customers.csv', 'phone', 'bad_mobile', 'landline number', customerRow(6, { phone: '0571-8888666' })),
    rejected('customers.csv', 'gender', 'bad_enum', 'gender outside M/F', customerRow(7, { gender: '未知' })),
    rejected('customers.csv', 'consent_sms', 'bad_flag', 'flag 2', customerRow(8, { consent_sms: '2' })),
    rejected(
      'customers.csv',
      'manager_id',
      'unknown_reference',
      'unknown manager',
      customerRow(9, { manager_id: 'R999' }),
    ),
    rejected(
      'customers.csv',
      'customer_id',
      'excel_scientific',
      'customer number through Excel',
      customerRow(10, { customer_id: '3.41391E+11' }),
    ),
    rejected('customers.csv', 'name', 'required', 'no name', customerRow(11, { name: '' })),
    rejected(
      'customers.csv',
      'address',
      'too_long',
      'address of 201 characters',
      customerRow(12, { address: characters(201) }),
    ),
    rejected(
      'customers.csv',
      'customer_id',
      'bad_id',
      'customer number with a slash',
      customerRow(13, { customer_id: '0341391/000013' }),
    ),
    rejected(
      'customers.csv',
      'area_type',
      'bad_enum',
      'area type outside urban/rural',
      customerRow(14, { area_type: '郊区' }),
    ),
    rejected(
      'customers.csv',
      'customer_id',
      'duplicate_key',
      'customer given twice',
      duplicateOfLast('customers.csv', { phone: '' }),
    ),
    rejected('customers.csv', '', 'wrong_columns', 'address with an unquoted comma', (ctx) =>
      wrongColumns(
        'customers.csv',
        'address',
        true,
        customerRow(15, { address: `${current(ctx).customer.town}5号, 2组` }),
      )(ctx),
    ),

    rejected(
      'holdings.csv',
      'customer_id',
      'unknown_reference',
      'holding of an unknown customer',
      holdingRow(1, { customer_id: `0${demoBranch.branch_id}98000001` }),
    ),
    rejected('holdings.csv', 'balance', 'bad_amount', 'three decimals', holdingRow(2, { balance: '12.345' })),
    rejected(
      'holdings.csv',
      'opened_on',
      'bad_date',
      'no 29 February in 2023',
      holdingRow(3, { opened_on: '2023-02-29' }),
    ),
    rejected(
      'holdings.csv',
      'closed_on',
      'date_range',
      'closed before it opened',
      holdingRow(4, { opened_on: '2022-06-01', closed_on: '2021-06-01', status: 'closed' }),
    ),
    rejected('holdings.csv', 'status', 'bad_enum', 'status outside the list', holdingRow(5, { status: 'open' })),
    rejected(
      'holdings.csv',
      'product_id',
      'unknown_reference',
      'unknown product',
      holdingRow(6, { product_id: 'X99' }),
    ),
    rejected('holdings.csv', 'account_id', 'required', 'no account number', holdingRow(7, { account_id: '' })),
    rejected(
      'holdings.csv',
      'customer_id',
      'excel_scientific',
      'customer number through Excel',
      holdingRow(8, { customer_id: '3.413E+11' }),
    ),
    rejected(
      'holdings.csv',
      'account_id',
      'duplicate_key',
      'account given twice',
      duplicateOfLast('holdings.csv', { balance: '1.00' }),
    ),

    rejected('activity.csv', 'month', 'bad_month', 'month 13', activityRow(1, { month: '2025-13' })),
    rejected('activity.csv', 'deposit_count', 'bad_count', 'negative count', activityRow(2, { deposit_count: '-1' })),
    rejected(
      'activity.csv',
      'withdrawal_count',
      'bad_count',
      'fractional count',
      activityRow(3, { withdrawal_count: '2.5' }),
    ),
    rejected('activity.csv', 'amount', 'bad_amount', 'negative amount', activityRow(4, { amount: '-50.00' })),
    rejected('activity.csv', 'channel', 'bad_enum', 'channel outside the list', activityRow(5, { channel: 'wechat' })),
    rejected('activity.csv', 'customer_id', 'required', 'no customer', activityRow(6, { customer_id: '' })),
    rejected(
      'activity.csv',
      'customer_id+month+channel',
      'duplicate_key',
      'month and channel given twice',
      duplicateOfLast('activity.csv', { fee_income: '9.00' }),
    ),
    rejected(
      'activity.csv',
      '',
      'wrong_columns',
      'fee income missing',
      wrongColumns('activity.csv', 'fee_income', false, activityRow(7, {})),
    ),

    rejected(
      'loans.csv',
      'product_id',
      'unknown_reference',
      'loan of an unknown product',
      loanRow(1, { product_id: 'L99' }),
    ),
    rejected('loans.csv', 'rate', 'bad_rate', 'rate with three decimals', loanRow(2, { rate: '5.205' })),
    rejected('loans.csv', 'balance', 'bad_amount', 'balance above the principal', loanRow(3, { balance: '60000.00' })),
    rejected('loans.csv', 'maturity_date', 'date_range', 'matures before it starts', (ctx) =>
      loanRow(4, { maturity_date: `${shiftMonth(ctx.asOf, -13)}-10` })(ctx),
    ),
    rejected('loans.csv', 'status', 'bad_enum', 'status outside the list', loanRow(5, { status: 'closed' })),
    rejected(
      'loans.csv',
      'principal',
      'bad_amount',
      'zero principal',
      loanRow(6, { principal: '0.00', balance: '0.00' }),
    ),
    rejected('loans.csv', 'start_date', 'bad_date', 'no 30 February', loanRow(7, { start_date: '2024-02-30' })),
    rejected(
      'loans.csv',
      'loan_id',
      'duplicate_key',
      'loan given twice',
      duplicateOfLast('loans.csv', { rate: '9.99' }),
    ),

    rejected(
      'repayments.csv',
      'loan_id',
      'unknown_reference',
      'repayment of an unknown loan',
      repaymentRow(1, { loan_id: `L0${demoBranch.branch_id}9800000101` }),
    ),
    rejected(
      'repayments.csv',
      'days_past_due',
      'bad_count',
      'days with a unit',
      repaymentRow(2, { days_past_due: '3天' }),
    ),
    rejected('repayments.csv', 'due_date', 'required', 'no due date', repaymentRow(3, { due_date: '' })),
    rejected(
      'repayments.csv',
      'paid_amount',
      'bad_amount',
      'negative payment',
      repaymentRow(4, { paid_amount: '-10.00' }),
    ),
    rejected('repayments.csv', 'paid_date', 'bad_date', 'no 30 February', repaymentRow(5, { paid_date: '2025/02/30' })),
    rejected(
      'repayments.csv',
      'loan_id+due_date',
      'duplicate_key',
      'instalment given twice',
      duplicateOfLast('repayments.csv', { days_past_due: '1' }),
    ),
    rejected(
      'repayments.csv',
      '',
      'wrong_columns',
      'one field short',
      wrongColumns('repayments.csv', 'days_past_due', false, repaymentRow(6, {})),
    ),
  ];
}
