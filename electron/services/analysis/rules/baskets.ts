// Baskets as the miner reads them: item ids in one flat array, basket b holding
// items[offsets[b] .. offsets[b + 1]). Ids are small non-negative integers (0 .. itemCount - 1).

export interface Baskets {
  /** Ids run from 0 to itemCount - 1. */
  itemCount: number;
  /** basketCount + 1 entries; offsets[0] is 0. */
  offsets: Int32Array;
  items: Int32Array;
}

export function basketCount(baskets: Baskets): number {
  return baskets.offsets.length - 1;
}

/** Packs lists of item ids (duplicates within a basket allowed, counted once). */
export function basketsFromLists(lists: readonly (readonly number[])[], itemCount?: number): Baskets {
  let total = 0;
  let maxId = -1;
  for (const list of lists) {
    total += list.length;
    for (const id of list) {
      if (!Number.isInteger(id) || id < 0) throw new RangeError(`item id ${id} is not a non-negative integer`);
      if (id > maxId) maxId = id;
    }
  }
  const count = itemCount ?? maxId + 1;
  if (maxId >= count) throw new RangeError(`item id ${maxId} is not below the item count ${count}`);
  const offsets = new Int32Array(lists.length + 1);
  const items = new Int32Array(total);
  let at = 0;
  lists.forEach((list, b) => {
    items.set(list, at);
    at += list.length;
    offsets[b + 1] = at;
  });
  return { itemCount: count, offsets, items };
}
