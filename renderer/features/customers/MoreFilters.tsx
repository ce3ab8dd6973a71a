// The filter bar's second row: age band, occupation, deposit band, and a product held or not held.
import { ageBands, balanceBands, occupations } from '../../../electron/api/contract.js';
import type { FilterProduct } from '../../../electron/api/types.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { FilterSelect, type SelectGroup } from '../../ui/FilterSelect.js';
import type { FilterDraft } from './filterDraft.js';

/** The catalogue grouped by category, in the order the service lists it (category, then product id). */
function byCategory(products: readonly FilterProduct[]): [FilterProduct['category'], FilterProduct[]][] {
  const groups = new Map<FilterProduct['category'], FilterProduct[]>();
  for (const product of products) groups.set(product.category, [...(groups.get(product.category) ?? []), product]);
  return [...groups.entries()];
}

export function MoreFilters(props: {
  draft: FilterDraft;
  products: readonly FilterProduct[];
  onChange(draft: FilterDraft): void;
}) {
  const { t, locale } = useI18n();
  const { draft, onChange } = props;
  const all = t('customers.filter.all');
  const productGroups: SelectGroup<string>[] = byCategory(props.products).map(([category, products]) => ({
    group: t(`category.${category}`),
    options: products.map((p) => ({ value: p.productId, label: locale === 'en' && p.nameEn ? p.nameEn : p.name })),
  }));
  return (
    <div className="filter-more" data-testid="filter-more">
      <FilterSelect
        label={t('customers.filter.age')}
        testId="filter-age"
        allLabel={all}
        value={draft.ageBand}
        options={ageBands.map((band) => ({ value: band, label: t(`ageBand.${band}`) }))}
        onChange={(ageBand) => onChange({ ...draft, ageBand })}
      />
      <FilterSelect
        label={t('customers.filter.occupation')}
        testId="filter-occupation"
        allLabel={all}
        value={draft.occupation}
        options={occupations.map((occupation) => ({ value: occupation, label: t(`occupation.${occupation}`) }))}
        onChange={(occupation) => onChange({ ...draft, occupation })}
      />
      <FilterSelect
        label={t('customers.filter.balance')}
        testId="filter-balance"
        allLabel={all}
        value={draft.balanceBand}
        options={balanceBands.map((band) => ({ value: band, label: t(`balanceBand.${band}`) }))}
        onChange={(balanceBand) => onChange({ ...draft, balanceBand })}
      />
      <FilterSelect
        label={t('customers.filter.productHeld')}
        testId="filter-product-held"
        className="product-select"
        allLabel={all}
        value={draft.productHeld}
        options={productGroups}
        onChange={(productHeld) => onChange({ ...draft, productHeld })}
      />
      <FilterSelect
        label={t('customers.filter.productNotHeld')}
        testId="filter-product-not-held"
        className="product-select"
        allLabel={all}
        value={draft.productNotHeld}
        options={productGroups}
        onChange={(productNotHeld) => onChange({ ...draft, productNotHeld })}
      />
    </div>
  );
}
