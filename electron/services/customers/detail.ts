// One customer's card: profile, consent, manager, holdings, loans, blacklist entry, complaints and recent
// channel activity.
import type { ParsedInputOf } from '../../api/contract.js';
import { AppError } from '../../api/errors.js';
import type {
  AreaType,
  BlacklistEntry,
  Channel,
  ChannelActivity,
  Complaint,
  CustomerDetail,
  Holding,
  Loan,
  Occupation,
} from '../../api/types.js';
import { prepared } from '../../../db/queries/prepared.js';
import type { ServiceContext } from '../context.js';
import { ageOn, todayIso } from '../dates.js';
import { maskIdNumber, maskPhone } from '../privacy.js';

interface CustomerRecord {
  customer_id: string;
  name: string;
  gender: 'M' | 'F' | null;
  birth_date: string | null;
  id_number: string | null;
  phone: string | null;
  occupation: string;
  area_type: string;
  town: string | null;
  village: string | null;
  address: string | null;
  needs: string | null;
  interests: string | null;
  customer_since: string;
  manager_id: string | null;
  manager_name: string | null;
  consent_marketing: number;
  consent_sms: number;
  consent_phone: number;
  consent_visit: number;
  consent_app: number;
  do_not_contact: number;
  deposit_balance_fen: number;
  loan_balance_fen: number;
}

const customerSql = `
  SELECT c.*, s.name AS manager_name
  FROM customers c LEFT JOIN staff s ON s.staff_id = c.manager_id
  WHERE c.customer_id = ?`;

const holdingsSql = `
  SELECT h.account_id AS accountId, h.product_id AS productId, p.name AS productName,
         p.name_en AS productNameEn, p.category, h.opened_on AS openedOn, h.status,
         h.balance_fen AS balanceFen
  FROM holdings h JOIN products p ON p.product_id = h.product_id
  WHERE h.customer_id = ?
  ORDER BY h.status = 'closed', p.category, h.opened_on`;

const loansSql = `
  SELECT l.loan_id AS loanId, p.name AS productName, p.name_en AS productNameEn,
         l.principal_fen AS principalFen, l.balance_fen AS balanceFen, l.rate_bp AS rateBp,
         l.start_date AS startDate, l.maturity_date AS maturityDate, l.status, l.classification,
         (SELECT count(*) FROM repayments r WHERE r.loan_id = l.loan_id) AS instalments,
         (SELECT count(*) FROM repayments r WHERE r.loan_id = l.loan_id AND r.days_past_due > 0) AS paidLate,
         (SELECT coalesce(max(r.days_past_due), 0) FROM repayments r WHERE r.loan_id = l.loan_id) AS worstDaysPastDue
  FROM loans l JOIN products p ON p.product_id = l.product_id
  WHERE l.customer_id = ?
  ORDER BY l.start_date DESC`;

const blacklistSql = `
  SELECT listed_on AS listedOn, reason, source, lifted_on AS liftedOn FROM blacklist WHERE customer_id = ?`;

/** The card shows the latest few; a customer with more is rare and the count says so. */
export const complaintsShown = 5;

const complaintsSql = `
  SELECT complaint_id AS complaintId, received_on AS receivedOn, channel, category, summary,
         resolved_on AS resolvedOn
  FROM complaints WHERE customer_id = ?
  ORDER BY received_on DESC, complaint_id DESC
  LIMIT ${complaintsShown}`;

const complaintCountSql = `SELECT count(*) FROM complaints WHERE customer_id = ?`;

const monthsSql = `
  SELECT DISTINCT month FROM activity_monthly WHERE customer_id = ? ORDER BY month DESC LIMIT 12`;

const activitySql = `
  SELECT channel,
         sum(deposit_count + withdrawal_count + card_swipes) AS transactions,
         sum(amount_fen) AS amountFen
  FROM activity_monthly
  WHERE customer_id = @customerId AND month >= @fromMonth
  GROUP BY channel`;

export function getCustomer(ctx: ServiceContext, input: ParsedInputOf<'customers.get'>): CustomerDetail {
  const { db } = ctx;
  const record = prepared(db, customerSql).get(input.customerId) as CustomerRecord | undefined;
  if (!record) {
    throw new AppError('not_found', `No customer with number ${input.customerId} in this branch.`, {
      customerId: input.customerId,
    });
  }
  const months = (prepared(db, monthsSql).pluck().all(input.customerId) as string[]).reverse();
  const byChannel =
    months.length === 0
      ? []
      : (prepared(db, activitySql).all({ customerId: input.customerId, fromMonth: months[0] }) as ChannelActivity[]);
  return {
    customerId: record.customer_id,
    name: record.name,
    gender: record.gender,
    birthDate: record.birth_date,
    age: ageOn(record.birth_date, todayIso()),
    idNumberMasked: maskIdNumber(record.id_number),
    phoneMasked: maskPhone(record.phone),
    occupation: record.occupation as Occupation,
    areaType: record.area_type as AreaType,
    town: record.town,
    village: record.village,
    address: record.address,
    customerSince: record.customer_since,
    manager: record.manager_id ? { staffId: record.manager_id, name: record.manager_name ?? record.manager_id } : null,
    needs: record.needs,
    interests: record.interests,
    consent: {
      marketing: record.consent_marketing === 1,
      sms: record.consent_sms === 1,
      phone: record.consent_phone === 1,
      visit: record.consent_visit === 1,
      app: record.consent_app === 1,
      doNotContact: record.do_not_contact === 1,
    },
    depositBalanceFen: record.deposit_balance_fen,
    loanBalanceFen: record.loan_balance_fen,
    holdings: prepared(db, holdingsSql).all(input.customerId) as Holding[],
    loans: prepared(db, loansSql).all(input.customerId) as Loan[],
    blacklist: (prepared(db, blacklistSql).get(input.customerId) as BlacklistEntry | undefined) ?? null,
    complaints: {
      latest: prepared(db, complaintsSql).all(input.customerId) as Complaint[],
      total: prepared(db, complaintCountSql).pluck().get(input.customerId) as number,
    },
    activity: {
      months,
      byChannel: byChannel.map((entry) => ({ ...entry, channel: entry.channel as Channel })),
    },
  };
}
