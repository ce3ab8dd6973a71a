// The filter bar's second row: age band, occupation, deposit band, and a product held or not held.
import { ageBands, balanceBands, occupations } from '../../../electron/api/contract.js';
import type { FilterProduct } from '../../../electron/api/types.js';
import { useI18n } from '../../app/i18n/i18n.js';
import type { FilterDraft } from './filterDraft.js';

/** The catalogue grouped by category, in the order the service lists it (category, then product id). */
function byCategory(products: readonly FilterProduct[]): [FilterProduct['category'], FilterProduct[]][] {
  const groups = new Map<FilterProduct['category'], FilterProduct[]>();
  for (const product of products) groups.set(product.category, [...(groups.get(product.category) ?? []), product]);
  return [...groups.entries()];
}

function ProductSelect(props: {
  testId: string;
  label: string;
  value: string;
  products: readonly FilterProduct[];
  onChange(productId: string): void;
}) {
  const { t, locale } = useI18n();
  return (
    <label className="field">
      <span>{props.label}</span>
      <select
        className="input product-select"
        data-testid={props.testId}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">{t('customers.filter.all')}</option>
        {byCategory(props.products).map(([category, products]) => (
          <optgroup key={category} label={t(`category.${category}`)}>
            {products.map((p) => (
              <option key={p.productId} value={p.productId}>
                {locale === 'en' && p.nameEn ? p.nameEn : p.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

export function MoreFilters(props: {
  draft: FilterDraft;
  products: readonly FilterProduct[];
  onChange(draft: FilterDraft): void;
}) {
  const { t } = useI18n();
  const { draft, onChange } = props;
  return (
    <div className="filter-more" data-testid="filter-more">
      <label className="field">
        <span>{t('customers.filter.age')}</span>
        <select
          className="input"
          data-testid="filter-age"
          value={draft.ageBand}
          onChange={(event) => onChange({ ...draft, ageBand: event.target.value as FilterDraft['ageBand'] })}
        >
          <option value="">{t('customers.filter.all')}</option>
          {ageBands.map((band) => (
            <option key={band} value={band}>
              {t(`ageBand.${band}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('customers.filter.occupation')}</span>
        <select
          className="input"
          data-testid="filter-occupation"
          value={draft.occupation}
          onChange={(event) => onChange({ ...draft, occupation: event.target.value as FilterDraft['occupation'] })}
        >
          <option value="">{t('customers.filter.all')}</option>
          {occupations.map((occupation) => (
            <option key={occupation} value={occupation}>
              {t(`occupation.${occupation}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('customers.filter.balance')}</span>
        <select
          className="input"
          data-testid="filter-balance"
          value={draft.balanceBand}
          onChange={(event) => onChange({ ...draft, balanceBand: event.target.value as FilterDraft['balanceBand'] })}
        >
          <option value="">{t('customers.filter.all')}</option>
          {balanceBands.map((band) => (
            <option key={band} value={band}>
              {t(`balanceBand.${band}`)}
            </option>
          ))}
        </select>
      </label>
      <ProductSelect
        testId="filter-product-held"
        label={t('customers.filter.productHeld')}
        value={draft.productHeld}
        products={props.products}
        onChange={(productHeld) => onChange({ ...draft, productHeld })}
      />
      <ProductSelect
        testId="filter-product-not-held"
        label={t('customers.filter.productNotHeld')}
        value={draft.productNotHeld}
        products={props.products}
        onChange={(productNotHeld) => onChange({ ...draft, productNotHeld })}
      />
    </div>
  );
}
