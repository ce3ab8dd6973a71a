// A manager's corrections to a customer's record: every value checked with the import's own field
// rules, all errors reported at once per field, and each changed field recorded in the history.
import type { ParsedInputOf } from '../../api/contract.js';
import type { CustomerEditableField, FieldErrors } from '../../api/customerEdit.js';
import { AppError } from '../../api/errors.js';
import type { CustomerDetail } from '../../api/types.js';
import { prepared } from '../../../db/queries/prepared.js';
import type { ServiceContext } from '../context.js';
import { kindSpecs, type FieldSpec, type Value } from '../import/kinds.js';
import { isEmpty, parseText } from '../validation/values.js';
import { getCustomer } from './detail.js';

/** Notes a manager keeps beyond core banking; not in any export, so they have no import rule. */
function noteField(name: 'needs' | 'interests'): FieldSpec {
  return {
    field: name,
    column: name,
    required: false,
    fallback: null,
    integer: false,
    parse: (raw) => parseText(raw, 500),
  };
}

const specs = new Map<string, FieldSpec>([
  ...kindSpecs.customers.fields.map((spec) => [spec.field, spec] as const),
  ['needs', noteField('needs')],
  ['interests', noteField('interests')],
]);

function specOf(field: CustomerEditableField): FieldSpec {
  const spec = specs.get(field);
  // The contract's field list and the import's customer fields are kept in step by the tests.
  if (!spec) throw new Error(`no field rule for customers.${field}`);
  return spec;
}

/** As the history stores values: text, the way the import records them (CAST AS TEXT). */
function asText(value: Value | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

function parseChanges(
  ctx: ServiceContext,
  changes: ParsedInputOf<'customers.update'>['changes'],
): { values: Map<string, Value>; errors: FieldErrors } {
  const values = new Map<string, Value>();
  const errors: FieldErrors = {};
  for (const [name, raw] of Object.entries(changes) as [CustomerEditableField, string | null | undefined][]) {
    if (raw === undefined) continue;
    const spec = specOf(name);
    if (raw === null || isEmpty(raw)) {
      if (spec.required)
        errors[name] = { code: 'required', message: 'A value is required here; it cannot be emptied.' };
      else values.set(spec.column, spec.fallback);
      continue;
    }
    const parsed = spec.parse(raw);
    if (!parsed.ok) {
      errors[name] = { code: parsed.code, message: parsed.message };
      continue;
    }
    values.set(spec.column, parsed.value);
  }
  const managerId = values.get('manager_id');
  if (typeof managerId === 'string' && !prepared(ctx.db, 'SELECT 1 FROM staff WHERE staff_id = ?').get(managerId)) {
    errors.manager_id = { code: 'unknown_reference', message: `No staff member with number ${managerId}.` };
  }
  return { values, errors };
}

function refuse(errors: FieldErrors): never {
  const entries = Object.entries(errors);
  const list = entries.map(([name, error]) => `${name}: ${error.message}`).join(' ');
  const sentence =
    entries.length === 1
      ? `Nothing was saved. ${list}`
      : `Nothing was saved: ${entries.length} fields need correcting. ${list}`;
  throw new AppError('invalid_input', sentence, { fields: errors });
}

export function updateCustomer(ctx: ServiceContext, input: ParsedInputOf<'customers.update'>): CustomerDetail {
  const { db } = ctx;
  const current = prepared(db, 'SELECT * FROM customers WHERE customer_id = ?').get(input.customerId) as
    Record<string, Value> | undefined;
  if (!current) {
    throw new AppError('not_found', `No customer with number ${input.customerId} in this branch.`, {
      customerId: input.customerId,
    });
  }
  const { values, errors } = parseChanges(ctx, input.changes);
  if (Object.keys(errors).length > 0) refuse(errors);

  const changed = [...values].filter(([column, value]) => asText(current[column]) !== asText(value));
  if (changed.length > 0) {
    const now = new Date().toISOString();
    // Columns come from the field rules above, never from the caller's text.
    const assignments = changed.map(([column]) => `${column} = @${column}`).join(', ');
    const update = db.prepare(
      `UPDATE customers SET ${assignments}, updated_at = @updated_at WHERE customer_id = @customer_id`,
    );
    const record = prepared(
      db,
      `INSERT INTO customer_changes (customer_id, field, old_value, new_value, source, actor, changed_at)
       VALUES (?, ?, ?, ?, 'edit', ?, ?)`,
    );
    db.transaction(() => {
      update.run({ ...Object.fromEntries(changed), updated_at: now, customer_id: input.customerId });
      for (const [column, value] of changed) {
        record.run(input.customerId, column, asText(current[column]), asText(value), input.actor, now);
      }
    })();
    ctx.dataChanged();
  }
  return getCustomer(ctx, { customerId: input.customerId });
}
