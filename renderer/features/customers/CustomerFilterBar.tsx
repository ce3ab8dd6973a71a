// The filters above the customer list: search box, area, town, village and manager, and behind
// "more filters" a second row (age, occupation, deposits, products) so the bar stays one line.
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.js';
import { FilterSelect } from '../../ui/FilterSelect.js';
import { moreFiltersSet, noFilters, type FilterDraft } from './filterDraft.js';
import { MoreFilters } from './MoreFilters.js';
import { useFilterOptions } from './useFilterOptions.js';

const areaTypes = ['urban', 'rural'] as const;

export function CustomerFilterBar(props: { draft: FilterDraft; onChange(draft: FilterDraft): void }) {
  const { t } = useI18n();
  const options = useFilterOptions();
  const { draft, onChange } = props;
  const [moreOpen, setMoreOpen] = useState(false);
  const all = t('customers.filter.all');
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
      <FilterSelect
        label={t('customers.filter.area')}
        testId="filter-area"
        allLabel={all}
        value={draft.areaType}
        options={areaTypes.map((area) => ({ value: area, label: t(`area.${area}`) }))}
        onChange={(areaType) => onChange({ ...draft, areaType })}
      />
      <FilterSelect
        label={t('customers.filter.town')}
        testId="filter-town"
        allLabel={all}
        value={draft.town}
        options={options.towns.map((town) => ({ value: town, label: town }))}
        onChange={(town) => onChange({ ...draft, town, village: '' })}
      />
      <FilterSelect
        label={t('customers.filter.village')}
        testId="filter-village"
        allLabel={all}
        value={draft.village}
        options={villages.map((v) => ({ value: v.village, label: v.village }))}
        onChange={(village) => onChange({ ...draft, village })}
      />
      <FilterSelect
        label={t('customers.filter.manager')}
        testId="filter-manager"
        allLabel={all}
        value={draft.managerId}
        options={options.managers.map((m) => ({ value: m.staffId, label: m.name }))}
        onChange={(managerId) => onChange({ ...draft, managerId })}
      />
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
      {showMore && (
        <MoreFilters draft={draft} products={options.products} analysis={options.analysis} onChange={onChange} />
      )}
    </div>
  );
}
