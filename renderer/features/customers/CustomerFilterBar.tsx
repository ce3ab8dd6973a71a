// The filters above the customer list: search box, area, town, village and manager, and behind
// "more filters" a second row (age, occupation, deposits, products) so the bar stays one line.
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.js';
import { moreFiltersSet, noFilters, type FilterDraft } from './filterDraft.js';
import { MoreFilters } from './MoreFilters.js';
import { useFilterOptions } from './useFilterOptions.js';

export function CustomerFilterBar(props: { draft: FilterDraft; onChange(draft: FilterDraft): void }) {
  const { t } = useI18n();
  const options = useFilterOptions();
  const { draft, onChange } = props;
  const [moreOpen, setMoreOpen] = useState(false);
  const villages = options.villages.filter((v) => !draft.town || v.town === draft.town);
  const active = JSON.stringify(draft) !== JSON.stringify(noFilters);
  const moreSet = moreFiltersSet(draft);
  // A set filter is never hidden: the row stays open while any of its filters is in use.
  const showMore = moreOpen || moreSet > 0;
  return (
    <div className="filter-bar" role="search">
      <input
        type="search"
        className="input search"
        placeholder={t('customers.searchPlaceholder')}
        aria-label={t('customers.searchPlaceholder')}
        data-testid="customer-search"
        value={draft.text}
        maxLength={64}
        onChange={(event) => onChange({ ...draft, text: event.target.value })}
      />
      <label className="field">
        <span>{t('customers.filter.area')}</span>
        <select
          className="input"
          data-testid="filter-area"
          value={draft.areaType}
          onChange={(event) => onChange({ ...draft, areaType: event.target.value as FilterDraft['areaType'] })}
        >
          <option value="">{t('customers.filter.all')}</option>
          <option value="urban">{t('area.urban')}</option>
          <option value="rural">{t('area.rural')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('customers.filter.town')}</span>
        <select
          className="input"
          data-testid="filter-town"
          value={draft.town}
          onChange={(event) => onChange({ ...draft, town: event.target.value, village: '' })}
        >
          <option value="">{t('customers.filter.all')}</option>
          {options.towns.map((town) => (
            <option key={town} value={town}>
              {town}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('customers.filter.village')}</span>
        <select
          className="input"
          data-testid="filter-village"
          value={draft.village}
          onChange={(event) => onChange({ ...draft, village: event.target.value })}
        >
          <option value="">{t('customers.filter.all')}</option>
          {villages.map((v) => (
            <option key={v.village} value={v.village}>
              {v.village}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('customers.filter.manager')}</span>
        <select
          className="input"
          data-testid="filter-manager"
          value={draft.managerId}
          onChange={(event) => onChange({ ...draft, managerId: event.target.value })}
        >
          <option value="">{t('customers.filter.all')}</option>
          {options.managers.map((m) => (
            <option key={m.staffId} value={m.staffId}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button button-quiet"
        data-testid="filter-more-toggle"
        aria-expanded={showMore}
        disabled={moreSet > 0}
        onClick={() => setMoreOpen(!moreOpen)}
      >
        {showMore
          ? moreSet > 0
            ? t('customers.filter.moreActive', { count: moreSet })
            : t('customers.filter.fewer')
          : t('customers.filter.more')}
      </button>
      {active && (
        <button type="button" className="button button-quiet" onClick={() => onChange(noFilters)}>
          {t('customers.filter.clear')}
        </button>
      )}
      {showMore && <MoreFilters draft={draft} products={options.products} onChange={onChange} />}
    </div>
  );
}
