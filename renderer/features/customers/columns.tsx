// The customer list's columns: what each shows, how wide it is, and which ones sort in SQL.
import type { ColumnDef } from '@tanstack/react-table';
import type { CustomerSortColumn } from '../../../electron/api/contract.js';
import type { CustomerRow, FilterOptions } from '../../../electron/api/types.js';
import { formatMoney } from '../../app/format.js';
import type { Locale, Translate } from '../../app/i18n/i18n.js';

export type CustomerColumn = ColumnDef<CustomerRow> & { id: string; size: number; numeric?: boolean };

const sortable = new Set<string>(['customerId', 'name', 'age', 'depositBalance', 'loanBalance', 'customerSince']);

// Sorting happens in SQL; the accessors only tell TanStack Table which columns sort and whether
// a column sorts descending first (numbers) or ascending first (text).
export function isSortColumn(id: string): id is CustomerSortColumn {
  return sortable.has(id);
}

/** The latest run's labels, so that the tier and veto reasons read in the run's own words. */
export type AnalysisLabels = FilterOptions['analysis'];

function standing(row: CustomerRow, t: Translate, locale: Locale, analysis: AnalysisLabels) {
  const label = (l: { zh: string; en: string } | undefined, fallback: string) =>
    l ? (locale === 'en' ? l.en : l.zh) : fallback;
  const tier = row.tier ? label(analysis?.tiers.find((x) => x.key === row.tier)?.label, row.tier) : null;
  const reasons = row.vetoes.map((code) => label(analysis?.vetoes.find((v) => v.code === code)?.label, code));
  return (
    <span className="cell-standing">
      {tier && <span className={`tag tag-tier-${row.tier}`}>{tier}</span>}
      {reasons.length > 0 && (
        <span
          className="tag tag-veto"
          data-testid="veto-badge"
          title={t('customers.standing.vetoedBecause', { reasons: reasons.join(locale === 'en' ? '; ' : '；') })}
        >
          {t('customers.standing.vetoed')}
        </span>
      )}
      {!tier && reasons.length === 0 && '—'}
    </span>
  );
}

export function customerColumns(t: Translate, locale: Locale, analysis: AnalysisLabels = null): CustomerColumn[] {
  return [
    {
      id: 'customerId',
      accessorFn: (row) => row.customerId,
      header: t('customers.col.customerId'),
      size: 130,
      cell: ({ row }) => row.original.customerId,
    },
    {
      id: 'name',
      accessorFn: (row) => row.name,
      header: t('customers.col.name'),
      size: 100,
      cell: ({ row }) => <span className="cell-strong">{row.original.name}</span>,
    },
    {
      id: 'age',
      accessorFn: (row) => row.age,
      header: t('customers.col.age'),
      size: 80,
      numeric: true,
      cell: ({ row }) => {
        const { gender, age } = row.original;
        return `${gender ? t(`gender.short.${gender}`) : ''} ${age ?? '—'}`;
      },
    },
    {
      id: 'occupation',
      header: t('customers.col.occupation'),
      size: 118,
      enableSorting: false,
      cell: ({ row }) => t(`occupation.${row.original.occupation}`),
    },
    {
      id: 'area',
      header: t('customers.col.area'),
      size: 220,
      enableSorting: false,
      cell: ({ row }) => (
        <span className="cell-area">
          <span className={`tag tag-${row.original.areaType}`}>{t(`area.${row.original.areaType}`)}</span>
          <span className="cell-muted">
            {row.original.town}
            {row.original.village ? ` · ${row.original.village}` : ''}
          </span>
        </span>
      ),
    },
    {
      id: 'manager',
      header: t('customers.col.manager'),
      size: 90,
      enableSorting: false,
      cell: ({ row }) => row.original.managerName ?? '—',
    },
    {
      id: 'standing',
      header: t('customers.col.standing'),
      size: 130,
      enableSorting: false,
      cell: ({ row }) => standing(row.original, t, locale, analysis),
    },
    {
      id: 'phone',
      header: t('customers.col.phone'),
      size: 120,
      enableSorting: false,
      cell: ({ row }) => <span className="mono">{row.original.phoneMasked ?? '—'}</span>,
    },
    {
      id: 'depositBalance',
      accessorFn: (row) => row.depositBalanceFen,
      header: t('customers.col.depositBalance'),
      size: 130,
      numeric: true,
      cell: ({ row }) => formatMoney(row.original.depositBalanceFen, locale),
    },
    {
      id: 'loanBalance',
      accessorFn: (row) => row.loanBalanceFen,
      header: t('customers.col.loanBalance'),
      size: 120,
      numeric: true,
      cell: ({ row }) => (row.original.loanBalanceFen > 0 ? formatMoney(row.original.loanBalanceFen, locale) : '—'),
    },
    {
      id: 'customerSince',
      accessorFn: (row) => row.customerSince,
      header: t('customers.col.customerSince'),
      size: 110,
      cell: ({ row }) => row.original.customerSince,
    },
  ];
}
