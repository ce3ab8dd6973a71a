// What the filter bar holds while the banker edits it, and the filters the list calls with; "" is "all".
import type { AgeBand, BalanceBand, CustomerFilters } from '../../../electron/api/contract.js';
import type { Occupation } from '../../../electron/api/types.js';
import type { AnalysisTier } from '../../../electron/api/analysisTypes.js';

export interface FilterDraft {
  text: string;
  areaType: '' | 'urban' | 'rural';
  town: string;
  village: string;
  managerId: string;
  ageBand: '' | AgeBand;
  occupation: '' | Occupation;
  balanceBand: '' | BalanceBand;
  productHeld: string;
  productNotHeld: string;
  tier: '' | AnalysisTier;
  persona: string;
  marketable: '' | 'yes' | 'no';
}

export const noFilters: FilterDraft = {
  text: '',
  areaType: '',
  town: '',
  village: '',
  managerId: '',
  ageBand: '',
  occupation: '',
  balanceBand: '',
  productHeld: '',
  productNotHeld: '',
  tier: '',
  persona: '',
  marketable: '',
};

/** The filters in the "more filters" row: the row stays open while any of them is set. */
export const moreFilterKeys = [
  'ageBand',
  'occupation',
  'balanceBand',
  'productHeld',
  'productNotHeld',
  'tier',
  'persona',
  'marketable',
] as const;

export function moreFiltersSet(draft: FilterDraft): number {
  return moreFilterKeys.filter((key) => draft[key] !== '').length;
}

/** `text` is the debounced search text, so that typing does not query on every key. */
export function toFilters(draft: FilterDraft, text: string): CustomerFilters {
  return {
    ...(text.trim() ? { text: text.trim() } : {}),
    ...(draft.areaType ? { areaType: draft.areaType } : {}),
    ...(draft.town ? { town: draft.town } : {}),
    ...(draft.village ? { village: draft.village } : {}),
    ...(draft.managerId ? { managerId: draft.managerId } : {}),
    ...(draft.ageBand ? { ageBand: draft.ageBand } : {}),
    ...(draft.occupation ? { occupation: draft.occupation } : {}),
    ...(draft.balanceBand ? { balanceBand: draft.balanceBand } : {}),
    ...(draft.productHeld ? { productHeld: draft.productHeld } : {}),
    ...(draft.productNotHeld ? { productNotHeld: draft.productNotHeld } : {}),
    ...(draft.tier ? { tier: draft.tier } : {}),
    ...(draft.persona ? { persona: draft.persona } : {}),
    ...(draft.marketable ? { marketable: draft.marketable } : {}),
  };
}
