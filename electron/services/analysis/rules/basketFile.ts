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

const CARRIAGE_RETURN = 0x0d;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c || code === 0xa0 || code === 0xfeff;
}

export function parseBasketText(text: string, fileName: string): NamedBaskets {
  const ids = new Map<string, number>();
  const names: string[] = [];
  let offsets = new Int32Array(1024);
  let items = new Int32Array(4096);
  let used = 0;
  let basket = 0;
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // One scan of the text: a field runs to the next comma or the end of its line, spaces trimmed.
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const next = lineEnd + 1;
    if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === CARRIAGE_RETURN) lineEnd--;
    let blank = true;
    for (let i = lineStart; i < lineEnd && blank; i++) blank = isSpace(text.charCodeAt(i));
    if (!blank) {
      for (let fieldStart = lineStart; fieldStart <= lineEnd;) {
        let fieldEnd = text.indexOf(',', fieldStart);
        if (fieldEnd < 0 || fieldEnd > lineEnd) fieldEnd = lineEnd;
        let a = fieldStart;
        let b = fieldEnd;
        while (a < b && isSpace(text.charCodeAt(a))) a++;
        while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
        if (a === b) {
          const column = fieldStart - lineStart + 1;
          throw new AppError(
            'invalid_input',
            `${fileName}: line ${basket + 1}, column ${column}: empty item (two commas in a row, or a comma at the start or end of the line).`,
            { file: fileName, line: basket + 1, column },
          );
        }
        const name = text.slice(a, b);
        let id = ids.get(name);
        if (id === undefined) {
          id = names.length;
          ids.set(name, id);
          names.push(name);
        }
        if (used === items.length) items = grow(items);
        items[used++] = id;
        fieldStart = fieldEnd + 1;
      }
    }
    basket++;
    if (basket >= offsets.length) offsets = grow(offsets);
    offsets[basket] = used;
    lineStart = next;
  }
  const sorted = names.map((name, id) => [name, id] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const idOf = new Int32Array(names.length);
  sorted.forEach(([, id], at) => (idOf[id] = at));
  const basketItems = items.slice(0, used).map((id) => idOf[id]!);
  return {
    baskets: { itemCount: names.length, offsets: offsets.slice(0, basket + 1), items: basketItems },
    names: sorted.map(([name]) => name),
  };
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
