// The edit form's state: the draft, saving, and the service's errors per field.
import { useState } from 'react';
import { fieldErrorsOf, type CustomerEditableField, type FieldErrors } from '../../../electron/api/customerEdit.js';
import type { CustomerDetail } from '../../../electron/api/types.js';
import { useApi } from '../../app/apiContext.js';
import { announceDataChanged } from '../../app/dataChanged.js';
import { changesOf, draftOf, type CustomerDraft } from './customerDraft.js';

export interface CustomerEdit {
  draft: CustomerDraft;
  errors: FieldErrors;
  /** A refusal not tied to one field (the customer is gone, the database is busy). */
  failure: string | null;
  saving: boolean;
  set(field: CustomerEditableField, value: string): void;
  save(): Promise<void>;
}

export function useCustomerEdit(customer: CustomerDetail, onSaved: () => void): CustomerEdit {
  const api = useApi();
  const [initial] = useState(() => draftOf(customer));
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const changes = changesOf(initial, draft);
    if (Object.keys(changes).length === 0) {
      onSaved();
      return;
    }
    setSaving(true);
    const result = await api.call('customers.update', { customerId: customer.customerId, changes });
    setSaving(false);
    if (result.ok) {
      announceDataChanged();
      onSaved();
      return;
    }
    const fields = fieldErrorsOf(result.error.details);
    setErrors(fields);
    setFailure(Object.keys(fields).length === 0 ? result.error.message : null);
  };

  const set = (field: CustomerEditableField, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    // The error stays until the next save, except at the field being corrected.
    setErrors((current) => {
      if (!current[field]) return current;
      return Object.fromEntries(Object.entries(current).filter(([name]) => name !== field)) as FieldErrors;
    });
  };

  return { draft, errors, failure, saving, set, save };
}
