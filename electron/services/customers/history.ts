// A customer's change history, newest first: what each edit and import changed, by whom and when.
import type { ParsedInputOf } from '../../api/contract.js';
import type { CustomerChange } from '../../api/customerEdit.js';
import { prepared } from '../../../db/queries/prepared.js';
import type { ServiceContext } from '../context.js';
import { maskIdNumber, maskPhone } from '../privacy.js';

const historySql = `
  SELECT change_id AS changeId, field, old_value AS oldValue, new_value AS newValue, source, actor,
         changed_at AS changedAt
  FROM customer_changes WHERE customer_id = ? ORDER BY change_id DESC LIMIT ?`;

/** The card shows identifiers masked, so their history must not give them away either. */
const masks: Record<string, (value: string | null) => string | null> = {
  id_number: maskIdNumber,
  phone: maskPhone,
};

export function customerHistory(ctx: ServiceContext, input: ParsedInputOf<'customers.history'>): CustomerChange[] {
  const changes = prepared(ctx.db, historySql).all(input.customerId, input.limit) as CustomerChange[];
  return changes.map((change) => {
    const mask = masks[change.field];
    return mask ? { ...change, oldValue: mask(change.oldValue), newValue: mask(change.newValue) } : change;
  });
}
