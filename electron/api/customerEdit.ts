// What a manager may edit on a customer's record, the change history it leaves, and the per-field
// errors an edit is refused with. Pure TypeScript: the contract, the services and the renderer share it.

export const customerEditableFields = [
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
  'manager_id',
  'consent_marketing',
  'consent_sms',
  'consent_phone',
  'consent_visit',
  'consent_app',
  'do_not_contact',
  'needs',
  'interests',
] as const;

export type CustomerEditableField = (typeof customerEditableFields)[number];

/** New values as the manager typed them; null or empty text clears an optional field. */
export type CustomerChanges = Partial<Record<CustomerEditableField, string | null>>;

export interface CustomerChange {
  changeId: number;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  source: 'edit' | 'import';
  actor: string;
  changedAt: string;
}

export interface FieldError {
  code: string;
  message: string;
}

export type FieldErrors = Partial<Record<CustomerEditableField, FieldError>>;

/** The per-field errors carried in an invalid_input error's details, if it has any. */
export function fieldErrorsOf(details: unknown): FieldErrors {
  if (typeof details !== 'object' || details === null || !('fields' in details)) return {};
  const fields = (details as { fields: unknown }).fields;
  if (typeof fields !== 'object' || fields === null) return {};
  const errors: FieldErrors = {};
  for (const name of customerEditableFields) {
    const entry = (fields as Record<string, unknown>)[name];
    if (typeof entry === 'object' && entry !== null && 'code' in entry && 'message' in entry) {
      errors[name] = { code: String(entry.code), message: String(entry.message) };
    }
  }
  return errors;
}
