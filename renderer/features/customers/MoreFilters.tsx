// The filter bar's second row: age band, occupation, deposit band, a product held or not held, and from the
// latest analysis run the tier, a persona tag and whether marketing may approach.
import { ageBands, balanceBands, occupations } from '../../../electron/api/contract.js';
import type { FilterOptions, FilterProduct } from '../../../electron/api/types.js';
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
  analysis: FilterOptions['analysis'];
  onChange(draft: FilterDraft): void;
}) {
  const { t, locale } = useI18n();
  const label = (l: { zh: string; en: string }) => (locale === 'en' ? l.en : l.zh);
  const { analysis } = props;
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
      {analysis && (
        <>
          <FilterSelect
            label={t('customers.filter.tier')}
            testId="filter-tier"
            allLabel={all}
            value={draft.tier}
            options={analysis.tiers.map((tier) => ({ value: tier.key, label: label(tier.label) }))}
            onChange={(tier) => onChange({ ...draft, tier })}
          />
          <FilterSelect
            label={t('customers.filter.persona')}
            testId="filter-persona"
            allLabel={all}
            value={draft.persona}
            options={analysis.personas.map((persona) => ({ value: persona.key, label: label(persona.label) }))}
            onChange={(persona) => onChange({ ...draft, persona })}
          />
          <FilterSelect
            label={t('customers.filter.marketable')}
            testId="filter-marketable"
            allLabel={all}
            value={draft.marketable}
            options={(['yes', 'no'] as const).map((value) => ({ value, label: t(`customers.marketable.${value}`) }))}
            onChange={(marketable) => onChange({ ...draft, marketable })}
          />
        </>
      )}
    </div>
  );
}
