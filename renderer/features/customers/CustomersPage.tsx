// Step 1's customer list: filters, the count, the virtualized grid, and the selected customer's card.
import { useCallback, useMemo, useState } from 'react';
import type { CustomerSort } from '../../../electron/api/contract.js';
import { formatCount } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { customerHref } from '../../app/navigation.js';
import { useDebounced } from '../../ui/useDebounced.js';
import { CustomerDetailPanel } from './CustomerDetailPanel.js';
import { CustomerFilterBar } from './CustomerFilterBar.js';
import { CustomerGrid } from './CustomerGrid.js';
import { noFilters, toFilters, type FilterDraft } from './filterDraft.js';
import { useCustomerCount } from './useCustomerCount.js';
import { useCustomerPages } from './useCustomerPages.js';

export function CustomersPage(props: { selectedCustomerId: string | null }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<FilterDraft>(noFilters);
  const [sort, setSort] = useState<CustomerSort>({ column: 'depositBalance', direction: 'desc' });
  const text = useDebounced(draft.text, 250);
  const filtersKey = JSON.stringify(toFilters(draft, text));
  const filters = useMemo(() => JSON.parse(filtersKey) as ReturnType<typeof toFilters>, [filtersKey]);
  const pages = useCustomerPages(filters, sort);
  const total = useCustomerCount(filters);
  const open = useCallback((customerId: string) => {
    window.location.hash = customerHref(customerId);
  }, []);
  const close = useCallback(() => {
    window.location.hash = customerHref(null);
  }, []);

  return (
    <div className={props.selectedCustomerId ? 'customers with-detail' : 'customers'}>
      <section className="customers-main" aria-labelledby="customers-title">
        <div className="page-header">
          <h1 id="customers-title">{t('customers.title')}</h1>
          <span className="page-meta" data-testid="customer-count">
            {total === null ? t('customers.counting') : t('customers.count', { count: formatCount(total) })}
          </span>
        </div>
        <CustomerFilterBar draft={draft} onChange={setDraft} />
        {pages.error ? (
          <div className="notice notice-error" role="alert">
            {pages.error}
            <button type="button" className="button" onClick={pages.retry}>
              {t('error.retry')}
            </button>
          </div>
        ) : (
          <CustomerGrid
            cache={pages.cache}
            total={total}
            sort={sort}
            selectedCustomerId={props.selectedCustomerId}
            onSortChange={setSort}
            onRequestRows={pages.request}
            onOpen={open}
          />
        )}
      </section>
      {props.selectedCustomerId && <CustomerDetailPanel customerId={props.selectedCustomerId} onClose={close} />}
    </div>
  );
}
