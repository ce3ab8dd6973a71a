// The card's change history: who changed which field when, from what to what, by edit or import.
import { useI18n } from '../../app/i18n/i18n.js';
import { fieldLabel, fieldValue } from './fieldText.js';
import { useCustomerHistory } from './useCustomerHistory.js';

/** "2026-11-23T14:51:28.123Z" → local "2026-11-23 22:51". */
function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function CustomerHistory(props: { customerId: string }) {
  const { t } = useI18n();
  const changes = useCustomerHistory(props.customerId);
  return (
    <section className="detail-section">
      <h3>{t('history.title')}</h3>
      {changes === null ? null : changes.length === 0 ? (
        <p className="cell-muted">{t('history.empty')}</p>
      ) : (
        <ul className="history" data-testid="customer-history">
          {changes.map((change) => (
            <li key={change.changeId} data-testid="history-entry" data-field={change.field}>
              <div className="history-head cell-muted">
                <span className="nowrap">{localTime(change.changedAt)}</span> · {change.actor} ·{' '}
                <span className={`tag tag-${change.source}`}>{t(`history.source.${change.source}`)}</span>
              </div>
              <div>
                <strong>{fieldLabel(t, change.field)}</strong>：
                <span className={change.oldValue === null ? 'cell-muted' : 'history-old'}>
                  {fieldValue(t, change.field, change.oldValue)}
                </span>{' '}
                → <span className="history-new">{fieldValue(t, change.field, change.newValue)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
