// The core-banking files of docs/FORMATS.md: their names, columns in order, and how a generated
// record becomes a row of text.
import type { DemoProduct } from './catalogue.js';
import { flagText, percentText, yuanText } from './csvValues.js';
import type { ActivityRecord, CustomerRecord, HoldingRecord, LoanRecord, RepaymentRecord } from './generate.js';
import type { BlacklistRecord, ComplaintRecord } from './vetoFacts.js';

export const csvFileNames = [
  'branches.csv',
  'staff.csv',
  'products.csv',
  'customers.csv',
  'blacklist.csv',
  'complaints.csv',
  'holdings.csv',
  'activity.csv',
  'loans.csv',
  'repayments.csv',
] as const;

export type CsvFileName = (typeof csvFileNames)[number];

export const csvHeaders: Readonly<Record<CsvFileName, readonly string[]>> = {
  'branches.csv': ['branch_id', 'name', 'region'],
  'staff.csv': ['staff_id', 'branch_id', 'name', 'role', 'phone'],
  'products.csv': ['product_id', 'name', 'name_en', 'category'],
  'customers.csv': [
    'customer_id',
    'branch_id',
    'name',
    'gender',
    'birth_date',
    'id_number',
    'phone',
    'occupation',
    'area_type',
    'town',
    'village',
    'address',
    'customer_since',
    'manager_id',
    'consent_marketing',
    'consent_sms',
    'consent_phone',
    'consent_visit',
    'consent_app',
    'do_not_contact',
  ],
  'blacklist.csv': ['customer_id', 'listed_on', 'reason', 'source', 'lifted_on'],
  'complaints.csv': ['complaint_id', 'customer_id', 'received_on', 'channel', 'category', 'summary', 'resolved_on'],
  'holdings.csv': ['account_id', 'customer_id', 'product_id', 'opened_on', 'closed_on', 'status', 'balance'],
  'activity.csv': [
    'customer_id',
    'month',
    'channel',
    'deposit_count',
    'withdrawal_count',
    'card_swipes',
    'amount',
    'avg_balance',
    'fee_income',
  ],
  'loans.csv': [
    'loan_id',
    'customer_id',
    'product_id',
    'principal',
    'balance',
    'rate',
    'start_date',
    'maturity_date',
    'status',
    'classification',
  ],
  'repayments.csv': ['loan_id', 'due_date', 'due_amount', 'paid_date', 'paid_amount', 'days_past_due'],
};

/** Each file's natural key, the columns a duplicate is recognised by. */
export const csvKeys: Readonly<Record<CsvFileName, readonly string[]>> = {
  'branches.csv': ['branch_id'],
  'staff.csv': ['staff_id'],
  'products.csv': ['product_id'],
  'customers.csv': ['customer_id'],
  'blacklist.csv': ['customer_id'],
  'complaints.csv': ['complaint_id'],
  'holdings.csv': ['account_id'],
  'activity.csv': ['customer_id', 'month', 'channel'],
  'loans.csv': ['loan_id'],
  'repayments.csv': ['loan_id', 'due_date'],
};

export interface BranchRow {
  branch_id: string;
  name: string;
  region: string;
}

export interface StaffRow {
  staff_id: string;
  branch_id: string;
  name: string;
  role: 'rm' | 'head' | 'operator';
  phone: string | null;
}

export function branchFields(branch: BranchRow): string[] {
  return [branch.branch_id, branch.name, branch.region];
}

export function staffFields(member: StaffRow): string[] {
  return [member.staff_id, member.branch_id, member.name, member.role, member.phone ?? ''];
}

export function productFields(product: DemoProduct): string[] {
  return [product.productId, product.name, product.nameEn, product.category];
}

export function customerFields(c: CustomerRecord): string[] {
  return [
    c.customer_id,
    c.branch_id,
    c.name,
    c.gender,
    c.birth_date,
    c.id_number,
    c.phone ?? '',
    c.occupation,
    c.area_type,
    c.town,
    c.village,
    c.address,
    c.customer_since,
    c.manager_id,
    flagText(c.consent_marketing),
    flagText(c.consent_sms),
    flagText(c.consent_phone),
    flagText(c.consent_visit),
    flagText(c.consent_app),
    flagText(c.do_not_contact),
  ];
}

export function blacklistFields(b: BlacklistRecord): string[] {
  return [b.customer_id, b.listed_on, b.reason, b.source ?? '', b.lifted_on ?? ''];
}

export function complaintFields(c: ComplaintRecord): string[] {
  return [c.complaint_id, c.customer_id, c.received_on, c.channel, c.category, c.summary, c.resolved_on ?? ''];
}

export function holdingFields(h: HoldingRecord): string[] {
  // The generator opens no account it later closes, so closed_on stays empty.
  return [h.account_id, h.customer_id, h.product_id, h.opened_on, '', h.status, yuanText(h.balance_fen)];
}

export function activityFields(a: ActivityRecord): string[] {
  return [
    a.customer_id,
    a.month,
    a.channel,
    String(a.deposit_count),
    String(a.withdrawal_count),
    String(a.card_swipes),
    yuanText(a.amount_fen),
    yuanText(a.avg_balance_fen),
    yuanText(a.fee_income_fen),
  ];
}

export function loanFields(l: LoanRecord): string[] {
  return [
    l.loan_id,
    l.customer_id,
    l.product_id,
    yuanText(l.principal_fen),
    yuanText(l.balance_fen),
    percentText(l.rate_bp),
    l.start_date,
    l.maturity_date,
    l.status,
    l.classification,
  ];
}

export function repaymentFields(r: RepaymentRecord): string[] {
  return [r.loan_id, r.due_date, yuanText(r.due_fen), r.paid_date ?? '', yuanText(r.paid_fen), String(r.days_past_due)];
}
