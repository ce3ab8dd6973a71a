// Which pages of the customer list are loaded, and how long the list is known to be. Pure, so the
// paging rules can be tested without a DOM.
import type { CustomerPage, CustomerRow } from '../../../electron/api/types.js';

export const pageSize = 100;

export interface PageCache {
  /** Identifies the filters and sort the pages belong to. */
  key: string;
  pages: ReadonlyMap<number, CustomerRow[]>;
  /** Rows known to exist: from the loaded pages, plus one page when more are known to follow. */
  knownLength: number;
}

export function emptyCache(key: string): PageCache {
  return { key, pages: new Map(), knownLength: 0 };
}

export function withPage(cache: PageCache, page: CustomerPage): PageCache {
  const index = Math.floor(page.offset / pageSize);
  const pages = new Map(cache.pages);
  pages.set(index, page.rows);
  const end = page.offset + page.rows.length;
  // A short page is the definitive end; a full one promises at least one more page.
  const knownLength = page.hasMore ? Math.max(cache.knownLength, end + pageSize) : end;
  return { key: cache.key, pages, knownLength };
}

/** Page indexes that cover rows first..last (inclusive) and are not loaded yet. */
export function missingPages(cache: PageCache, first: number, last: number): number[] {
  if (last < first) return [];
  const missing: number[] = [];
  for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) {
    if (!cache.pages.has(page)) missing.push(page);
  }
  return missing;
}

export function rowAt(cache: PageCache, index: number): CustomerRow | undefined {
  return cache.pages.get(Math.floor(index / pageSize))?.[index % pageSize];
}
