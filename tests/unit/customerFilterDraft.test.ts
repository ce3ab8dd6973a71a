// The filter bar's draft as list filters: empty menus are left out, every set one passes the contract.
import { describe, expect, test } from 'vitest';
import { customerFilters } from '../../electron/api/contract.js';
import { moreFiltersSet, noFilters, toFilters } from '../../renderer/features/customers/filterDraft.js';

describe('filter draft', () => {
  test('no filters is an empty filter object, and no "more filters" set', () => {
    expect(toFilters(noFilters, '  ')).toEqual({});
    expect(moreFiltersSet(noFilters)).toBe(0);
  });

  test('every menu that is set reaches the filters, and the contract accepts them', () => {
    const draft = {
      ...noFilters,
      areaType: 'rural' as const,
      ageBand: 'over60' as const,
      occupation: 'farmer' as const,
      balanceBand: '10kTo50k' as const,
      productHeld: 'A01',
      productNotHeld: 'E01',
    };
    const filters = toFilters(draft, ' 王 ');
    expect(filters).toEqual({
      text: '王',
      areaType: 'rural',
      ageBand: 'over60',
      occupation: 'farmer',
      balanceBand: '10kTo50k',
      productHeld: 'A01',
      productNotHeld: 'E01',
    });
    expect(customerFilters.parse(filters)).toEqual(filters);
    expect(moreFiltersSet(draft)).toBe(5);
  });
});
