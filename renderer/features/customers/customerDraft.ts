// The edit form's draft: the card's values as form text, and the changes a draft makes to them.
// Resident ID and phone start empty (the card only has them masked) and are sent only when typed.
import type { CustomerChanges, CustomerEditableField } from '../../../electron/api/customerEdit.js';
import type { CustomerDetail } from '../../../electron/api/types.js';

export type CustomerDraft = Record<CustomerEditableField, string>;

const flag = (on: boolean) => (on ? '1' : '0');

export function draftOf(customer: CustomerDetail): CustomerDraft {
  return {
    name: customer.name,
    gender: customer.gender ?? '',
    birth_date: customer.birthDate ?? '',
    id_number: '',
    phone: '',
    occupation: customer.occupation,
    area_type: customer.areaType,
    town: customer.town ?? '',
    village: customer.village ?? '',
    address: customer.address ?? '',
    manager_id: customer.manager?.staffId ?? '',
    consent_marketing: flag(customer.consent.marketing),
    consent_sms: flag(customer.consent.sms),
    consent_phone: flag(customer.consent.phone),
    consent_visit: flag(customer.consent.visit),
    consent_app: flag(customer.consent.app),
    do_not_contact: flag(customer.consent.doNotContact),
    needs: customer.needs ?? '',
    interests: customer.interests ?? '',
  };
}

/** Only what the manager changed; an emptied field is sent as null, an untouched masked one not at all. */
export function changesOf(initial: CustomerDraft, draft: CustomerDraft): CustomerChanges {
  const changes: CustomerChanges = {};
  for (const field of Object.keys(draft) as CustomerEditableField[]) {
    const value = draft[field];
    if (value === initial[field]) continue;
    changes[field] = value.trim() === '' ? null : value;
  }
  return changes;
}
