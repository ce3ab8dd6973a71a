// One customer's monthly transactions per channel over the last months on record, for the card's chart.
import type { ParsedInputOf } from '../../api/contract.js';
import type { Channel, CustomerActivity } from '../../api/types.js';
import { channels } from '../../api/types.js';
import { prepared } from '../../../db/queries/prepared.js';
import type { ServiceContext } from '../context.js';

interface MonthRow {
  month: string;
  channel: Channel;
  transactions: number;
  amountFen: number;
}

export function customerActivity(ctx: ServiceContext, input: ParsedInputOf<'customers.activity'>): CustomerActivity {
  const months = (
    prepared(ctx.db, 'SELECT DISTINCT month FROM activity_monthly WHERE customer_id = ? ORDER BY month DESC LIMIT ?')
      .pluck()
      .all(input.customerId, input.months) as string[]
  ).reverse();
  if (months.length === 0) return { months: [], series: [] };
  const rows = prepared(
    ctx.db,
    `SELECT month, channel, deposit_count + withdrawal_count + card_swipes AS transactions, amount_fen AS amountFen
     FROM activity_monthly WHERE customer_id = ? AND month >= ? ORDER BY month`,
  ).all(input.customerId, months[0]) as MonthRow[];
  const position = new Map(months.map((month, i) => [month, i]));
  const series = channels
    .map((channel) => {
      const transactions = new Array<number>(months.length).fill(0);
      const amountFen = new Array<number>(months.length).fill(0);
      for (const row of rows) {
        if (row.channel !== channel) continue;
        const i = position.get(row.month);
        if (i === undefined) continue;
        transactions[i] = row.transactions;
        amountFen[i] = row.amountFen;
      }
      return { channel, transactions, amountFen };
    })
    .filter((s) => s.transactions.some((n) => n > 0));
  return { months, series };
}
