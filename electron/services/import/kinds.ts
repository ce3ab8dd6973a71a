// The kinds of core-banking export BranchLoop imports (docs/FORMATS.md): their fields, how each is
// parsed, the table and natural key they land in, and what they refer to.
import { todayIso } from '../dates.js';
import type { Parsed, RejectCode } from '../validation/values.js';
import {
  parseAmountFen,
  parseCount,
  parseDate,
  parseEnum,
  parseFlag,
  parseId,
  parseMobile,
  parseMonth,
  parseRateBp,
  parseResidentId,
  parseText,
} from '../validation/values.js';

export const importKinds = [
  'branches',
  'staff',
  'products',
  'customers',
  'blacklist',
  'complaints',
  'holdings',
  'activity',
  'loans',
  'repayments',
] as const;
export type ImportKind = (typeof importKinds)[number];

export type Value = string | number | null;

export interface FieldSpec {
  /** Name in the export (docs/FORMATS.md). */
  field: string;
  /** Column in the database. */
  column: string;
  required: boolean;
  /** Used when the value is empty and the field is optional. */
  fallback: Value;
  /** Parsed to a whole number (fen, basis points, counts, flags). */
  integer: boolean;
  parse(raw: string): Parsed<string | number>;
}

export interface Reference {
  field: string;
  table: string;
  column: string;
  what: string;
}

export interface CrossCheck {
  /** The field reported when the check fails. */
  field: string;
  code: RejectCode;
  test(row: Readonly<Record<string, Value>>): string | null;
}

export interface KindSpec {
  kind: ImportKind;
  table: string;
  /** Natural key, as database columns. */
  key: string[];
  fields: FieldSpec[];
  references: Reference[];
  checks: CrossCheck[];
}

function field(
  name: string,
  parse: (raw: string) => Parsed<string | number>,
  options: { required?: boolean; fallback?: Value; column?: string } = {},
): FieldSpec {
  return {
    field: name,
    column: options.column ?? name,
    required: options.required ?? false,
    fallback: options.fallback ?? null,
    integer: integerParsers.has(parse) || /_fen$|_bp$/.test(options.column ?? ''),
    parse,
  };
}

const required = { required: true };
const text = (max: number) => (raw: string) => parseText(raw, max);
const pastDate = (raw: string) => parseDate(raw, { min: '1900-01-01', max: todayIso() });
const anyDate = (raw: string) => parseDate(raw, { min: '1900-01-01', max: '2199-12-31' });
const amount = (raw: string) => parseAmountFen(raw, { allowNegative: true });
const nonNegativeAmount = (raw: string) => parseAmountFen(raw);
const enumOf =
  (allowed: readonly string[], aliases: Record<string, string> = {}) =>
  (raw: string) =>
    parseEnum(raw, allowed, aliases);

const occupations = ['farmer', 'business', 'salaried', 'retired', 'student', 'other'];
const channels = ['branch', 'atm_pos', 'internet', 'mobile', 'phone', 'agent'];
/** How complaint registers name the channel a complaint came in by. */
const complaintChannelAliases: Record<string, string> = {
  柜面: 'branch',
  网点: 'branch',
  自助设备: 'atm_pos',
  网上银行: 'internet',
  手机银行: 'mobile',
  电话: 'phone',
  电话银行: 'phone',
  助农点: 'agent',
};
const complaintCategories = ['service', 'fees', 'product', 'staff', 'other'];
const complaintCategoryAliases: Record<string, string> = {
  服务: 'service',
  收费: 'fees',
  产品: 'product',
  员工: 'staff',
  其他: 'other',
};

function notBefore(later: string, earlier: string, message: string): CrossCheck {
  return {
    field: later,
    code: 'date_range',
    test: (row) => {
      const a = row[later];
      const b = row[earlier];
      return typeof a === 'string' && typeof b === 'string' && a < b ? message : null;
    },
  };
}

const integerParsers = new Set<(raw: string) => Parsed<string | number>>([
  parseCount,
  parseFlag,
  parseRateBp,
  amount,
  nonNegativeAmount,
]);

export const kindSpecs: Record<ImportKind, KindSpec> = {
  branches: {
    kind: 'branches',
    table: 'branches',
    key: ['branch_id'],
    fields: [field('branch_id', parseId, required), field('name', text(100), required), field('region', text(100))],
    references: [],
    checks: [],
  },
  staff: {
    kind: 'staff',
    table: 'staff',
    key: ['staff_id'],
    fields: [
      field('staff_id', parseId, required),
      field('branch_id', parseId, required),
      field('name', text(50), required),
      field('role', enumOf(['rm', 'head', 'operator']), required),
      field('phone', parseMobile),
    ],
    references: [{ field: 'branch_id', table: 'branches', column: 'branch_id', what: 'branch' }],
    checks: [],
  },
  products: {
    kind: 'products',
    table: 'products',
    key: ['product_id'],
    fields: [
      field('product_id', parseId, required),
      field('name', text(100), required),
      field('name_en', text(100)),
      field('category', enumOf(['deposit', 'wealth', 'loan', 'card', 'ebanking', 'insurance', 'agri']), required),
    ],
    references: [],
    checks: [],
  },
  customers: {
    kind: 'customers',
    table: 'customers',
    key: ['customer_id'],
    fields: [
      field('customer_id', parseId, required),
      field('branch_id', parseId, required),
      field('name', text(50), required),
      field('gender', enumOf(['M', 'F'], { 男: 'M', 女: 'F' })),
      field('birth_date', pastDate),
      field('id_number', parseResidentId),
      field('phone', parseMobile),
      field('occupation', enumOf(occupations), { fallback: 'other' }),
      field('area_type', enumOf(['urban', 'rural'], { 城镇: 'urban', 城市: 'urban', 农村: 'rural' }), required),
      field('town', text(50)),
      field('village', text(50)),
      field('address', text(200)),
      field('customer_since', pastDate, required),
      field('manager_id', parseId),
      field('consent_marketing', parseFlag, { fallback: 0 }),
      field('consent_sms', parseFlag, { fallback: 0 }),
      field('consent_phone', parseFlag, { fallback: 0 }),
      field('consent_visit', parseFlag, { fallback: 0 }),
      field('consent_app', parseFlag, { fallback: 0 }),
      field('do_not_contact', parseFlag, { fallback: 0 }),
    ],
    references: [
      { field: 'branch_id', table: 'branches', column: 'branch_id', what: 'branch' },
      { field: 'manager_id', table: 'staff', column: 'staff_id', what: 'staff member' },
    ],
    checks: [],
  },
  blacklist: {
    kind: 'blacklist',
    table: 'blacklist',
    key: ['customer_id'],
    fields: [
      field('customer_id', parseId, required),
      field('listed_on', pastDate, required),
      field('reason', text(200), required),
      field('source', text(100)),
      field('lifted_on', pastDate),
    ],
    references: [{ field: 'customer_id', table: 'customers', column: 'customer_id', what: 'customer' }],
    checks: [notBefore('lifted_on', 'listed_on', 'the listing is lifted before it was made')],
  },
  complaints: {
    kind: 'complaints',
    table: 'complaints',
    key: ['complaint_id'],
    fields: [
      field('complaint_id', parseId, required),
      field('customer_id', parseId, required),
      field('received_on', pastDate, required),
      field('channel', enumOf(channels, complaintChannelAliases), required),
      field('category', enumOf(complaintCategories, complaintCategoryAliases), required),
      field('summary', text(500), required),
      field('resolved_on', pastDate),
    ],
    references: [{ field: 'customer_id', table: 'customers', column: 'customer_id', what: 'customer' }],
    checks: [notBefore('resolved_on', 'received_on', 'the complaint is resolved before it was received')],
  },
  holdings: {
    kind: 'holdings',
    table: 'holdings',
    key: ['account_id'],
    fields: [
      field('account_id', parseId, required),
      field('customer_id', parseId, required),
      field('product_id', parseId, required),
      field('opened_on', anyDate, required),
      field('closed_on', anyDate),
      field('status', enumOf(['active', 'dormant', 'frozen', 'closed']), { fallback: 'active' }),
      field('balance', amount, { column: 'balance_fen', fallback: 0 }),
    ],
    references: [
      { field: 'customer_id', table: 'customers', column: 'customer_id', what: 'customer' },
      { field: 'product_id', table: 'products', column: 'product_id', what: 'product' },
    ],
    checks: [notBefore('closed_on', 'opened_on', 'the account closes before it opens')],
  },
  activity: {
    kind: 'activity',
    table: 'activity_monthly',
    key: ['customer_id', 'month', 'channel'],
    fields: [
      field('customer_id', parseId, required),
      field('month', parseMonth, required),
      field('channel', enumOf(channels), required),
      field('deposit_count', parseCount, { fallback: 0 }),
      field('withdrawal_count', parseCount, { fallback: 0 }),
      field('card_swipes', parseCount, { fallback: 0 }),
      field('amount', nonNegativeAmount, { column: 'amount_fen', fallback: 0 }),
      field('avg_balance', amount, { column: 'avg_balance_fen', fallback: 0 }),
      field('fee_income', nonNegativeAmount, { column: 'fee_income_fen', fallback: 0 }),
    ],
    references: [{ field: 'customer_id', table: 'customers', column: 'customer_id', what: 'customer' }],
    checks: [],
  },
  loans: {
    kind: 'loans',
    table: 'loans',
    key: ['loan_id'],
    fields: [
      field('loan_id', parseId, required),
      field('customer_id', parseId, required),
      field('product_id', parseId, required),
      field('principal', (raw) => parseAmountFen(raw, { min: 1 }), { column: 'principal_fen', required: true }),
      field('balance', nonNegativeAmount, { column: 'balance_fen', required: true }),
      field('rate', parseRateBp, { column: 'rate_bp', required: true }),
      field('start_date', anyDate, required),
      field('maturity_date', anyDate, required),
      field('status', enumOf(['active', 'repaid', 'overdue', 'defaulted']), required),
      field(
        'classification',
        enumOf(['normal', 'special_mention', 'substandard', 'doubtful', 'loss'], {
          正常: 'normal',
          关注: 'special_mention',
          次级: 'substandard',
          可疑: 'doubtful',
          损失: 'loss',
        }),
        { fallback: 'normal' },
      ),
    ],
    references: [
      { field: 'customer_id', table: 'customers', column: 'customer_id', what: 'customer' },
      { field: 'product_id', table: 'products', column: 'product_id', what: 'product' },
    ],
    checks: [
      {
        field: 'maturity_date',
        code: 'date_range',
        test: (row) =>
          typeof row.maturity_date === 'string' &&
          typeof row.start_date === 'string' &&
          row.maturity_date <= row.start_date
            ? 'the loan matures on or before its start date'
            : null,
      },
      {
        field: 'balance',
        code: 'bad_amount',
        test: (row) =>
          typeof row.balance_fen === 'number' &&
          typeof row.principal_fen === 'number' &&
          row.balance_fen > row.principal_fen
            ? 'the balance is larger than the principal'
            : null,
      },
    ],
  },
  repayments: {
    kind: 'repayments',
    table: 'repayments',
    key: ['loan_id', 'due_date'],
    fields: [
      field('loan_id', parseId, required),
      field('due_date', anyDate, required),
      field('due_amount', nonNegativeAmount, { column: 'due_fen', required: true }),
      field('paid_date', anyDate),
      field('paid_amount', nonNegativeAmount, { column: 'paid_fen', fallback: 0 }),
      field('days_past_due', parseCount, { fallback: 0 }),
    ],
    references: [{ field: 'loan_id', table: 'loans', column: 'loan_id', what: 'loan' }],
    checks: [],
  },
};

/** Files of one import are applied in this order, so that references resolve within the import. */
export const applyOrder: readonly ImportKind[] = importKinds;
