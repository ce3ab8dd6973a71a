// Domain shapes that cross the contract. Money is integer fen; dates are ISO-8601 text.
import type { AnalysisTier, Label } from './analysisTypes.js';

export type AreaType = 'urban' | 'rural';
export type Occupation = 'farmer' | 'business' | 'salaried' | 'retired' | 'student' | 'other';
export type Channel = 'branch' | 'atm_pos' | 'internet' | 'mobile' | 'phone' | 'agent';
export type ProductCategory = 'deposit' | 'wealth' | 'loan' | 'card' | 'ebanking' | 'insurance' | 'agri';
export type LoanClassification = 'normal' | 'special_mention' | 'substandard' | 'doubtful' | 'loss';

export const channels: readonly Channel[] = ['branch', 'atm_pos', 'internet', 'mobile', 'phone', 'agent'];

export interface AppInfo {
  version: string;
  dataDir: string;
  databaseFile: string;
  schemaVersion: number;
  branch: { branchId: string; name: string; isDemo: boolean } | null;
  customerCount: number;
}

export interface CustomerRow {
  customerId: string;
  name: string;
  gender: 'M' | 'F' | null;
  age: number | null;
  occupation: Occupation;
  areaType: AreaType;
  town: string | null;
  village: string | null;
  managerId: string | null;
  managerName: string | null;
  phoneMasked: string | null;
  depositBalanceFen: number;
  loanBalanceFen: number;
  customerSince: string;
  /** From the latest analysis run (null before one): the tier, and the veto codes keeping marketing away. */
  tier: AnalysisTier | null;
  vetoes: string[];
}

export interface CustomerPage {
  offset: number;
  rows: CustomerRow[];
  /** True when rows beyond this page exist for the same filters. */
  hasMore: boolean;
}

export interface Holding {
  accountId: string;
  productId: string;
  productName: string;
  productNameEn: string | null;
  category: ProductCategory;
  openedOn: string;
  status: 'active' | 'dormant' | 'frozen' | 'closed';
  balanceFen: number;
}

export interface Loan {
  loanId: string;
  productName: string;
  productNameEn: string | null;
  principalFen: number;
  balanceFen: number;
  rateBp: number;
  startDate: string;
  maturityDate: string;
  status: 'active' | 'repaid' | 'overdue' | 'defaulted';
  classification: LoanClassification;
  instalments: number;
  paidLate: number;
  worstDaysPastDue: number;
}

/**
 * How one instalment stands, from its amounts and the days past due core banking reports:
 * paid in full on time or late; still owed and not yet past due, past due, or more than 90 days past
 * due — the point at which a loan becomes non-performing (次级 or worse in the five categories).
 */
export type RepaymentStatus = 'paid' | 'paidLate' | 'due' | 'overdue' | 'defaulted';

export interface Repayment {
  dueDate: string;
  dueFen: number;
  paidDate: string | null;
  paidFen: number;
  daysPastDue: number;
  status: RepaymentStatus;
}

/** An entry on the bank's blacklist; once lifted it stays on record but no longer counts. */
export interface BlacklistEntry {
  listedOn: string;
  reason: string;
  source: string | null;
  liftedOn: string | null;
}

export type ComplaintCategory = 'service' | 'fees' | 'product' | 'staff' | 'other';

export interface Complaint {
  complaintId: string;
  receivedOn: string;
  channel: Channel;
  category: ComplaintCategory;
  summary: string;
  /** Null while the complaint is open. */
  resolvedOn: string | null;
}

export interface ChannelActivity {
  channel: Channel;
  transactions: number;
  amountFen: number;
}

export interface CustomerDetail {
  customerId: string;
  name: string;
  gender: 'M' | 'F' | null;
  birthDate: string | null;
  age: number | null;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  occupation: Occupation;
  areaType: AreaType;
  town: string | null;
  village: string | null;
  address: string | null;
  customerSince: string;
  manager: { staffId: string; name: string } | null;
  /** What the manager has learnt the customer needs, and is interested in (free text, kept by BranchLoop). */
  needs: string | null;
  interests: string | null;
  consent: {
    marketing: boolean;
    sms: boolean;
    phone: boolean;
    visit: boolean;
    app: boolean;
    doNotContact: boolean;
  };
  depositBalanceFen: number;
  loanBalanceFen: number;
  holdings: Holding[];
  loans: Loan[];
  blacklist: BlacklistEntry | null;
  /** The latest complaints, newest first (a few), and how many there are in all. */
  complaints: { latest: Complaint[]; total: number };
  /** Totals per channel over the last twelve months on record. */
  activity: { months: string[]; byChannel: ChannelActivity[] };
}

export interface FilterOptions {
  towns: string[];
  villages: { town: string; village: string }[];
  managers: { staffId: string; name: string }[];
  /** The active catalogue, for "product held / not held"; nameEn is null where the catalogue has none. */
  products: FilterProduct[];
  /** The latest analysis run's tiers, persona tags and veto reasons with their labels; null before the first run. */
  analysis: {
    runId: number;
    tiers: { key: AnalysisTier; label: Label }[];
    personas: { key: string; label: Label }[];
    vetoes: { code: string; label: Label }[];
  } | null;
}

export interface FilterProduct {
  productId: string;
  name: string;
  nameEn: string | null;
  category: ProductCategory;
}

export interface DatabaseStats {
  schemaVersion: number;
  branches: number;
  staff: number;
  customers: number;
  products: number;
  holdings: number;
  activityRows: number;
  loans: number;
  repayments: number;
  depositBalanceFen: number;
  loanBalanceFen: number;
  isDemo: boolean;
}

export interface DemoLoadResult {
  branchId: string;
  customers: number;
  holdings: number;
  activityRows: number;
  loans: number;
  repayments: number;
  blacklist: number;
  complaints: number;
}

export interface Progress {
  /** What is being done, as an i18n key the UI can translate (e.g. "progress.customers"). */
  phase: string;
  done: number;
  total: number | null;
  /** Records handled so far, where the job counts records (imports), for a rows-per-second figure. */
  rows?: number;
}

export interface CustomerActivity {
  /** Months on record, oldest first (YYYY-MM). */
  months: string[];
  /** Per channel with any activity: one value per month. */
  series: { channel: Channel; transactions: number[]; amountFen: number[] }[];
}
