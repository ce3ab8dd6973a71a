// Baskets from text: one basket per line, items separated by commas, spaces around an item ignored.
// An empty line is a basket with no items (it counts toward the number of baskets, as an empty instance
// does in Weka); a final line break ends the last basket rather than starting an empty one. An item
// listed twice in a basket counts once. Item ids follow the names' sort order, so that the order of the
// lines changes nothing in what the miner reports.
import { AppError } from '../../../api/errors.js';
import type { Baskets } from './baskets.js';

export interface NamedBaskets {
  baskets: Baskets;
  /** names[id] is the item's name as written; names are sorted. */
  names: string[];
}

export function parseBasketText(text: string, fileName: string): NamedBaskets {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const ids = new Map<string, number>();
  const names: string[] = [];
  const offsets = new Int32Array(lines.length + 1);
  let items = new Int32Array(Math.max(16, lines.length * 4));
  let used = 0;
  lines.forEach((line, index) => {
    if (line.trim() !== '') {
      let column = 1;
      for (const field of line.split(',')) {
        const name = field.trim();
        if (name === '') {
          throw new AppError(
            'invalid_input',
            `${fileName}: line ${index + 1}, column ${column}: empty item (two commas in a row, or a comma at the start or end of the line).`,
            { file: fileName, line: index + 1, column },
          );
        }
        let id = ids.get(name);
        if (id === undefined) {
          id = names.length;
          ids.set(name, id);
          names.push(name);
        }
        if (used === items.length) {
          const bigger = new Int32Array(items.length * 2);
          bigger.set(items);
          items = bigger;
        }
        items[used++] = id;
        column += field.length + 1;
      }
    }
    offsets[index + 1] = used;
  });
  const sorted = names.map((name, id) => [name, id] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const idOf = new Int32Array(names.length);
  sorted.forEach(([, id], at) => (idOf[id] = at));
  const basketItems = items.slice(0, used).map((id) => idOf[id]!);
  return { baskets: { itemCount: names.length, offsets, items: basketItems }, names: sorted.map(([name]) => name) };
}
