// The rules of a run as a table: filtered (an item's name, rules ending in products, a minimum lift), sorted by
// support, confidence or lift, and paged — all in SQL in the data worker.
import { useState } from 'react';
import type { RuleSortColumn } from '../../../electron/api/associationTypes.js';
import { useApi } from '../../app/apiContext.js';
import { formatCount } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { useDebounced } from '../../ui/useDebounced.js';
import {
  formatLift,
  formatShare,
  parseMinLift,
  ruleSideText,
  toggleRuleSort,
  type RuleSort,
} from './associationFormat.js';
import { useAssociationCall } from './useAssociationCall.js';

const pageSize = 50;

export function RulesTable(props: { runId: number | undefined }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [search, setSearch] = useState('');
  const [productOnly, setProductOnly] = useState(true);
  const [minLiftText, setMinLiftText] = useState('1.2');
  const [sort, setSort] = useState<RuleSort>({ column: 'confidence', direction: 'desc' });
  const [offset, setOffset] = useState(0);
  const debouncedSearch = useDebounced(search.trim(), 250);
  const minLift = parseMinLift(minLiftText);
  const query = {
    ...(props.runId === undefined ? {} : { runId: props.runId }),
    ...(debouncedSearch === '' ? {} : { search: debouncedSearch }),
    ...(minLift.ok && minLift.value !== undefined ? { minLift: minLift.value } : {}),
    productOnly,
    sort,
    offset,
    limit: pageSize,
  };
  const page = useAssociationCall(JSON.stringify(query), () => api.call('analysis.rules', query));
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setOffset(0);
    };

  const header = (column: RuleSortColumn, label: string) => (
    <th
      className="numeric"
      aria-sort={sort.column === column ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" className="button-quiet" onClick={() => changed(setSort)(toggleRuleSort(sort, column))}>
        {label}
        {sort.column === column ? <span className="sort-indicator">{sort.direction === 'asc' ? '▲' : '▼'}</span> : null}
      </button>
    </th>
  );

  const total = page.state === 'ready' ? page.value.total : 0;
  return (
    <section className="detail-section" data-testid="rules-table">
      <h3>{t('associations.rulesTitle')}</h3>
      <div className="filter-bar">
        <input
          className="input"
          type="search"
          value={search}
          placeholder={t('associations.searchPlaceholder')}
          aria-label={t('associations.searchPlaceholder')}
          onChange={(e) => changed(setSearch)(e.target.value)}
        />
        <label className="field">
          <input type="checkbox" checked={productOnly} onChange={(e) => changed(setProductOnly)(e.target.checked)} />
          {t('associations.productOnly')}
        </label>
        <label className="field">
          {t('associations.minLift')}
          <input
            className="input"
            inputMode="decimal"
            size={5}
            value={minLiftText}
            aria-invalid={!minLift.ok}
            onChange={(e) => changed(setMinLiftText)(e.target.value)}
          />
        </label>
      </div>
      {page.state === 'failed' ? <p className="notice notice-error">{page.message}</p> : null}
      <table className="mini-table rules-table">
        <thead>
          <tr>
            <th>{t('associations.antecedent')}</th>
            <th>{t('associations.consequent')}</th>
            {header('support', t('associations.support'))}
            {header('confidence', t('associations.confidence'))}
            {header('lift', t('associations.lift'))}
          </tr>
        </thead>
        <tbody>
          {page.state === 'ready'
            ? page.value.rows.map((rule) => (
                <tr key={rule.rule}>
                  <td>{ruleSideText(rule.antecedent, locale)}</td>
                  <td className="cell-strong">{ruleSideText(rule.consequent, locale)}</td>
                  <td className="numeric">{formatShare(rule.support)}</td>
                  <td className="numeric">{formatShare(rule.confidence)}</td>
                  <td className="numeric">{formatLift(rule.lift)}</td>
                </tr>
              ))
            : null}
        </tbody>
      </table>
      {page.state === 'ready' && total === 0 ? <p className="grid-empty">{t('associations.noRules')}</p> : null}
      <div className="page-meta">
        <span>
          {total === 0
            ? ''
            : t('associations.rulesRange', {
                from: formatCount(offset + 1),
                to: formatCount(Math.min(total, offset + pageSize)),
                total: formatCount(total),
              })}
        </span>
        <button
          type="button"
          className="button button-quiet"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - pageSize))}
        >
          {t('associations.previous')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={offset + pageSize >= total}
          onClick={() => setOffset(offset + pageSize)}
        >
          {t('associations.next')}
        </button>
      </div>
    </section>
  );
}
