// The customer card beside the list: a blacklist banner, profile with masked identifiers, consent,
// balances, the scores of the latest analysis, products, loans with their repayment record, complaints, and the
// last year's transactions per channel.
import { useEffect, useState } from 'react';
import type { CustomerDetail } from '../../../electron/api/types.js';
import { formatCount, formatMoney } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { ActivityChart } from './ActivityChart.js';
import { BlacklistBanner } from './BlacklistBanner.js';
import { CustomerComplaints } from './CustomerComplaints.js';
import { CustomerEditForm } from './CustomerEditForm.js';
import { CustomerHistory } from './CustomerHistory.js';
import { CustomerLoan } from './CustomerLoan.js';
import { ScorePanel } from './ScorePanel.js';
import { CustomerNeeds } from '../analysis/CustomerNeeds.js';
import { useCustomer } from './useCustomer.js';

export function CustomerDetailPanel(props: { customerId: string; onClose(): void }) {
  const { t } = useI18n();
  const state = useCustomer(props.customerId);
  const { onClose } = props;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <aside className="detail" aria-label={t('detail.profile')} data-testid="customer-detail">
      <button type="button" className="detail-close" aria-label={t('detail.close')} onClick={onClose}>
        ×
      </button>
      {state.state === 'loading' && <p className="cell-muted">{t('detail.loading')}</p>}
      {state.state === 'failed' && (
        <div className="notice notice-error" role="alert">
          {state.message}
        </div>
      )}
      {state.state === 'ready' && <CustomerCard key={state.customer.customerId} customer={state.customer} />}
    </aside>
  );
}

function CustomerCard({ customer }: { customer: CustomerDetail }) {
  const { t, locale } = useI18n();
  const consentKeys = ['marketing', 'sms', 'phone', 'visit', 'app'] as const;
  const [editing, setEditing] = useState(false);
  const maxTransactions = Math.max(1, ...customer.activity.byChannel.map((c) => c.transactions));
  return (
    <>
      <header className="detail-header">
        <div className="avatar" aria-hidden="true">
          {customer.name.slice(0, 1)}
        </div>
        <div>
          <h2 data-testid="detail-name">{customer.name}</h2>
          <div className="cell-muted">
            <span className="mono">{customer.customerId}</span> ·{' '}
            <span className={`tag tag-${customer.areaType}`}>{t(`area.${customer.areaType}`)}</span>{' '}
            {t(`occupation.${customer.occupation}`)}
          </div>
        </div>
      </header>

      {customer.blacklist && <BlacklistBanner entry={customer.blacklist} />}

      <section className="detail-section">
        <h3>{t('detail.balances')}</h3>
        <div className="kpis">
          <div className="kpi">
            <span className="kpi-label">{t('detail.deposits')}</span>
            <span className="kpi-value" data-testid="detail-deposits">
              {formatMoney(customer.depositBalanceFen, locale)}
            </span>
          </div>
          <div className="kpi">
            <span className="kpi-label">{t('detail.loans')}</span>
            <span className="kpi-value">{formatMoney(customer.loanBalanceFen, locale)}</span>
          </div>
        </div>
      </section>

      <ScorePanel customerId={customer.customerId} />
      <CustomerNeeds customerId={customer.customerId} />

      <ActivityChart customerId={customer.customerId} />

      <section className="detail-section">
        <h3 className="detail-section-head">
          {t('detail.profile')}
          {!editing && (
            <button
              type="button"
              className="button button-quiet"
              data-testid="customer-edit-open"
              onClick={() => setEditing(true)}
            >
              {t('detail.edit')}
            </button>
          )}
        </h3>
        <dl className="facts">
          <dt>{t('detail.idNumber')}</dt>
          <dd className="mono" data-testid="detail-id-number" title={t('detail.masked')}>
            {customer.idNumberMasked ?? '—'}
          </dd>
          <dt>{t('detail.phone')}</dt>
          <dd className="mono" data-testid="detail-phone" title={t('detail.masked')}>
            {customer.phoneMasked ?? '—'}
          </dd>
          <dt>{t('detail.genderAge')}</dt>
          <dd>
            {customer.gender ? t(`gender.${customer.gender}`) : '—'} /{' '}
            {customer.age === null ? '—' : t('detail.ageValue', { age: customer.age })}
          </dd>
          <dt>{t('detail.address')}</dt>
          <dd data-testid="detail-address">
            {customer.address ?? [customer.town, customer.village].filter(Boolean).join(' ')}
          </dd>
          <dt>{t('detail.customerSince')}</dt>
          <dd>{customer.customerSince}</dd>
          <dt>{t('detail.manager')}</dt>
          <dd>
            {customer.manager ? `${customer.manager.name}（${customer.manager.staffId}）` : t('detail.noManager')}
          </dd>
          <dt>{t('detail.needs')}</dt>
          <dd data-testid="detail-needs">{customer.needs ?? '—'}</dd>
          <dt>{t('detail.interests')}</dt>
          <dd data-testid="detail-interests">{customer.interests ?? '—'}</dd>
        </dl>
      </section>

      {editing && <CustomerEditForm customer={customer} onDone={() => setEditing(false)} />}

      <section className="detail-section">
        <h3>{t('detail.consent')}</h3>
        <div className="chips">
          {consentKeys.map((key) => (
            <span key={key} className={customer.consent[key] ? 'chip chip-on' : 'chip chip-off'}>
              {customer.consent[key] ? '✓ ' : '✕ '}
              {t(`detail.consent.${key}`)}
            </span>
          ))}
          {customer.consent.doNotContact && <span className="chip chip-warn">{t('detail.consent.doNotContact')}</span>}
        </div>
      </section>

      <section className="detail-section">
        <h3>{t('detail.holdings')}</h3>
        {customer.holdings.length === 0 ? (
          <p className="cell-muted">{t('detail.holdingsEmpty')}</p>
        ) : (
          <table className="mini-table" data-testid="detail-holdings">
            <thead>
              <tr>
                <th>{t('detail.product')}</th>
                <th>{t('detail.openedOn')}</th>
                <th>{t('detail.status')}</th>
                <th className="numeric">{t('detail.balance')}</th>
              </tr>
            </thead>
            <tbody>
              {customer.holdings.map((holding) => (
                <tr key={holding.accountId}>
                  <td>
                    {locale === 'en' && holding.productNameEn ? holding.productNameEn : holding.productName}
                    <span className="cell-muted"> · {t(`category.${holding.category}`)}</span>
                  </td>
                  <td className="nowrap">{holding.openedOn}</td>
                  <td>
                    <span className={`status status-${holding.status}`}>{t(`holding.${holding.status}`)}</span>
                  </td>
                  <td className="numeric">{holding.balanceFen ? formatMoney(holding.balanceFen, locale) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="detail-section">
        <h3>{t('detail.loanList')}</h3>
        {customer.loans.length === 0 ? (
          <p className="cell-muted">{t('detail.loansEmpty')}</p>
        ) : (
          customer.loans.map((loan) => <CustomerLoan key={loan.loanId} loan={loan} />)
        )}
      </section>

      <CustomerComplaints complaints={customer.complaints} />

      <section className="detail-section">
        <h3>{t('detail.activity', { months: customer.activity.months.length || 12 })}</h3>
        {customer.activity.byChannel.length === 0 ? (
          <p className="cell-muted">{t('detail.activityEmpty')}</p>
        ) : (
          <div className="bars">
            {[...customer.activity.byChannel]
              .sort((a, b) => b.transactions - a.transactions)
              .map((entry) => (
                <div className="bar-row" key={entry.channel}>
                  <span className="bar-label">{t(`channel.${entry.channel}`)}</span>
                  <span className="bar-track">
                    <span className="bar-fill" style={{ width: `${(100 * entry.transactions) / maxTransactions}%` }} />
                  </span>
                  <span className="bar-value">
                    {t('detail.transactions', { count: formatCount(entry.transactions) })}
                  </span>
                </div>
              ))}
          </div>
        )}
      </section>

      <CustomerHistory customerId={customer.customerId} />
    </>
  );
}
