// The customer card's inline edit form: the fields a manager may correct, each with the service's
// error beside it. Resident ID and phone stay masked: they are replaced only when a new one is typed.
import type { ReactNode } from 'react';
import type { CustomerEditableField } from '../../../electron/api/customerEdit.js';
import type { CustomerDetail } from '../../../electron/api/types.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { errorText, fieldLabel } from './fieldText.js';
import { useCustomerEdit, type CustomerEdit } from './useCustomerEdit.js';
import { useFilterOptions } from './useFilterOptions.js';

const occupations = ['farmer', 'business', 'salaried', 'retired', 'student', 'other'] as const;
const flags = [
  'consent_marketing',
  'consent_sms',
  'consent_phone',
  'consent_visit',
  'consent_app',
  'do_not_contact',
] as const;

export function CustomerEditForm(props: { customer: CustomerDetail; onDone(): void }) {
  const { t } = useI18n();
  const edit = useCustomerEdit(props.customer, props.onDone);
  const { managers } = useFilterOptions();
  const { draft, set } = edit;
  const current = props.customer.manager;
  // The current manager stays selectable while the list loads (or if they left the staff list).
  const managerOptions = [
    ...(current && !managers.some((m) => m.staffId === current.staffId) ? [current] : []),
    ...managers,
  ].map((m) => ({ value: m.staffId, label: `${m.name}（${m.staffId}）` }));

  const text = (field: CustomerEditableField, options: { placeholder?: string; masked?: string | null } = {}) => (
    <Row edit={edit} field={field}>
      <input
        id={`edit-${field}`}
        className="input"
        data-testid={`edit-${field}`}
        value={draft[field]}
        placeholder={options.masked ? `${options.masked}（${t('edit.unchanged')}）` : options.placeholder}
        aria-invalid={edit.errors[field] ? true : undefined}
        onChange={(event) => set(field, event.target.value)}
      />
    </Row>
  );
  const select = (field: CustomerEditableField, options: { value: string; label: string }[]) => (
    <Row edit={edit} field={field}>
      <select
        id={`edit-${field}`}
        className="input"
        data-testid={`edit-${field}`}
        value={draft[field]}
        onChange={(event) => set(field, event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Row>
  );
  const note = (field: 'needs' | 'interests') => (
    <Row edit={edit} field={field}>
      <textarea
        id={`edit-${field}`}
        className="input"
        data-testid={`edit-${field}`}
        rows={2}
        maxLength={500}
        value={draft[field]}
        onChange={(event) => set(field, event.target.value)}
      />
    </Row>
  );

  return (
    <form
      className="edit-form"
      data-testid="customer-edit"
      onSubmit={(event) => {
        event.preventDefault();
        void edit.save();
      }}
    >
      <h3>{t('edit.title')}</h3>
      {text('name')}
      {select('gender', [
        { value: '', label: t('value.empty') },
        { value: 'M', label: t('gender.M') },
        { value: 'F', label: t('gender.F') },
      ])}
      {text('birth_date', { placeholder: 'YYYY-MM-DD' })}
      {text('id_number', { masked: props.customer.idNumberMasked ?? t('value.empty') })}
      {text('phone', { masked: props.customer.phoneMasked ?? t('value.empty') })}
      {select(
        'occupation',
        occupations.map((value) => ({ value, label: t(`occupation.${value}`) })),
      )}
      {select('area_type', [
        { value: 'urban', label: t('area.urban') },
        { value: 'rural', label: t('area.rural') },
      ])}
      {text('town')}
      {text('village')}
      {text('address')}
      {select('manager_id', [{ value: '', label: t('detail.noManager') }, ...managerOptions])}
      <div className="edit-row">
        <span className="edit-label">{t('detail.consent')}</span>
        <div className="edit-flags">
          {flags.map((field) => (
            <label key={field} className="edit-flag">
              <input
                type="checkbox"
                data-testid={`edit-${field}`}
                checked={draft[field] === '1'}
                onChange={(event) => set(field, event.target.checked ? '1' : '0')}
              />
              {fieldLabel(t, field)}
              <FieldError edit={edit} field={field} />
            </label>
          ))}
        </div>
      </div>
      {note('needs')}
      {note('interests')}
      {edit.failure && (
        <div className="notice notice-error" role="alert">
          {edit.failure}
        </div>
      )}
      <div className="edit-actions">
        <button type="submit" className="button button-primary" data-testid="edit-save" disabled={edit.saving}>
          {edit.saving ? t('edit.saving') : t('edit.save')}
        </button>
        <button type="button" className="button" data-testid="edit-cancel" onClick={props.onDone}>
          {t('edit.cancel')}
        </button>
      </div>
    </form>
  );
}

function Row(props: { edit: CustomerEdit; field: CustomerEditableField; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="edit-row">
      <label className="edit-label" htmlFor={`edit-${props.field}`}>
        {fieldLabel(t, props.field)}
      </label>
      <div className="edit-control">
        {props.children}
        <FieldError edit={props.edit} field={props.field} />
      </div>
    </div>
  );
}

function FieldError(props: { edit: CustomerEdit; field: CustomerEditableField }) {
  const { t, locale } = useI18n();
  const error = props.edit.errors[props.field];
  if (!error) return null;
  // English readers get the service's own sentence, which names the exact problem ("has 5 digits").
  return (
    <span className="field-error" role="alert" data-testid={`field-error-${props.field}`} title={error.message}>
      {locale === 'en' ? error.message : errorText(t, error.code, error.message)}
    </span>
  );
}
