// Basket files: one basket per line, items by commas, spaces trimmed; blank lines are empty baskets; the
// final line break starts nothing; item ids follow the names' sort order; an empty item is an error.
import { describe, expect, test } from 'vitest';
import { parseBasketText } from '../../electron/services/analysis/rules/basketFile.js';

function lists(text: string): string[][] {
  const { baskets, names } = parseBasketText(text, 'baskets.txt');
  return Array.from({ length: baskets.offsets.length - 1 }, (_, b) =>
    Array.from(baskets.items.subarray(baskets.offsets[b], baskets.offsets[b + 1]), (id) => names[id]!),
  );
}

describe('parseBasketText', () => {
  test('items trimmed, blank lines kept as empty baskets, CRLF and a BOM accepted', () => {
    expect(lists('\uFEFFmilk , bread\r\n\r\n  \n eggs,milk,milk \n')).toEqual([
      ['milk', 'bread'],
      [],
      [],
      ['eggs', 'milk', 'milk'],
    ]);
    expect(lists('a\nb')).toEqual([['a'], ['b']]);
    expect(lists('\n')).toEqual([[]]);
    expect(lists('')).toEqual([]);
  });

  test('ids follow the sorted names, whatever the order of the lines', () => {
    const { baskets, names } = parseBasketText('zeta,alpha\nmid\n', 'baskets.txt');
    expect(names).toEqual(['alpha', 'mid', 'zeta']);
    expect(Array.from(baskets.items)).toEqual([2, 0, 1]);
    expect(baskets.itemCount).toBe(3);
  });

  test('an empty item names its line and column', () => {
    expect(() => parseBasketText('a,b\n\nc,,d\n', 'f.txt')).toThrow('f.txt: line 3, column 3: empty item');
    expect(() => parseBasketText('a,b,\n', 'f.txt')).toThrow('f.txt: line 1, column 5: empty item');
    expect(() => parseBasketText(' ,a\n', 'f.txt')).toThrow('f.txt: line 1, column 1: empty item');
  });
});
