// How the edit form and the change history name a customer field and show its stored value.
import type { Translate } from '../../app/i18n/i18n.js';
import { zh, type MessageKey } from '../../app/i18n/zh.js';

function keyOf(key: string): MessageKey | null {
  return Object.hasOwn(zh, key) ? (key as MessageKey) : null;
}

/** The field's label; a field only the import knows (branch_id…) keeps its column name. */
export function fieldLabel(t: Translate, field: string): string {
  const key = keyOf(`field.${field}`);
  return key ? t(key) : field;
}

const flagFields = new Set([
  'consent_marketing',
  'consent_sms',
  'consent_phone',
  'consent_visit',
  'consent_app',
  'do_not_contact',
]);

/** A value as stored (text), in the banker's words: 男 for M, 农户 for farmer, 是 for 1. */
export function fieldValue(t: Translate, field: string, value: string | null): string {
  if (value === null || value === '') return t('value.empty');
  if (flagFields.has(field)) return value === '1' ? t('value.yes') : t('value.no');
  const prefix = { gender: 'gender', occupation: 'occupation', area_type: 'area' }[field];
  const key = prefix ? keyOf(`${prefix}.${value}`) : null;
  return key ? t(key) : value;
}

/** The localized sentence for a refusal code, or the service's own sentence where there is none. */
export function errorText(t: Translate, code: string, message: string): string {
  const key = keyOf(`edit.error.${code}`);
  return key ? t(key) : message;
}
