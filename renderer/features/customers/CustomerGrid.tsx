// The customer grid: TanStack Table for columns and sorting (done in SQL by the worker), TanStack
// Virtual for the rows, so only what is on screen is rendered, however large the branch.
import { flexRender, getCoreRowModel, useReactTable, type Row, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { CustomerSort } from '../../../electron/api/contract.js';
import type { CustomerRow } from '../../../electron/api/types.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { customerColumns, isSortColumn } from './columns.js';
import { useFilterOptions } from './useFilterOptions.js';
import { pageSize, type PageCache } from './pageCache.js';

const rowHeight = 38;

interface Props {
  cache: PageCache;
  total: number | null;
  sort: CustomerSort;
  selectedCustomerId: string | null;
  onSortChange(sort: CustomerSort): void;
  onRequestRows(first: number, last: number): void;
  onOpen(customerId: string): void;
}

export function CustomerGrid(props: Props) {
  const { t, locale } = useI18n();
  const { cache, total, sort, onRequestRows } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? cache.knownLength;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    onRequestRows(first, last);
  }, [first, last, onRequestRows]);

  // A new filter or sort starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [cache.key]);

  // Only the pages around the visible rows go through the table model.
  const windowRows = useMemo(() => {
    const entries: { index: number; row: CustomerRow }[] = [];
    for (let page = Math.floor(first / pageSize); page <= Math.floor(Math.max(first, last) / pageSize); page++) {
      cache.pages.get(page)?.forEach((row, i) => entries.push({ index: page * pageSize + i, row }));
    }
    return entries;
  }, [cache, first, last]);

  const { analysis } = useFilterOptions();
  const columns = useMemo(() => customerColumns(t, locale, analysis), [t, locale, analysis]);
  const sorting: SortingState = [{ id: sort.column, desc: sort.direction === 'desc' }];
  const table = useReactTable({
    data: useMemo(() => windowRows.map((entry) => entry.row), [windowRows]),
    columns,
    state: { sorting },
    manualSorting: true,
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.customerId,
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const head = next[0];
      if (head && isSortColumn(head.id)) props.onSortChange({ column: head.id, direction: head.desc ? 'desc' : 'asc' });
    },
  });
  const tableRows = table.getRowModel().rows;
  const rowByIndex = new Map<number, Row<CustomerRow>>();
  windowRows.forEach((entry, i) => {
    const row = tableRows[i];
    if (row) rowByIndex.set(entry.index, row);
  });

  const template = columns.map((column) => `${column.size}px`).join(' ') + ' minmax(0, 1fr)';
  const minWidth = columns.reduce((sum, column) => sum + column.size, 0);

  return (
    <div className="grid" role="table" aria-rowcount={count} data-testid="customer-grid">
      <div className="grid-body" ref={scrollRef}>
        <div className="grid-header" role="row" style={{ gridTemplateColumns: template, minWidth }}>
          {table.getHeaderGroups()[0]?.headers.map((header) => {
            const canSort = header.column.getCanSort();
            const direction = header.column.getIsSorted();
            const numeric = columns.find((c) => c.id === header.column.id)?.numeric;
            return (
              <div
                key={header.id}
                role="columnheader"
                className={`grid-cell grid-head${numeric ? ' numeric' : ''}${canSort ? ' sortable' : ''}`}
                aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
                data-testid={`col-${header.column.id}`}
              >
                {canSort ? (
                  <button
                    type="button"
                    title={t('customers.sortHint')}
                    onClick={header.column.getToggleSortingHandler()}
                  >
                    {flexRender(header.column.columnDef.header, header.getContext())}
                    <span className="sort-indicator" aria-hidden="true">
                      {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
                    </span>
                  </button>
                ) : (
                  flexRender(header.column.columnDef.header, header.getContext())
                )}
              </div>
            );
          })}
          <div className="grid-cell grid-head" />
        </div>
        {count === 0 && cache.pages.size > 0 ? (
          <p className="grid-empty">{t('customers.empty')}</p>
        ) : (
          <div className="grid-canvas" style={{ height: virtualizer.getTotalSize(), minWidth }}>
            {items.map((item) => {
              const row = rowByIndex.get(item.index);
              const selected = row?.original.customerId === props.selectedCustomerId;
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 1}
                  aria-selected={selected}
                  tabIndex={row ? 0 : -1}
                  className={`grid-row${selected ? ' selected' : ''}${row ? '' : ' placeholder'}`}
                  data-testid={row ? 'customer-row' : 'customer-row-loading'}
                  data-customer-id={row?.original.customerId}
                  style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: template, height: rowHeight }}
                  onClick={row ? () => props.onOpen(row.original.customerId) : undefined}
                  onKeyDown={
                    row
                      ? (event) => {
                          if (event.key === 'Enter') props.onOpen(row.original.customerId);
                        }
                      : undefined
                  }
                >
                  {row ? (
                    row.getVisibleCells().map((cell) => {
                      const numeric = columns.find((c) => c.id === cell.column.id)?.numeric;
                      return (
                        <div key={cell.id} role="cell" className={`grid-cell${numeric ? ' numeric' : ''}`}>
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </div>
                      );
                    })
                  ) : (
                    <div role="cell" className="grid-cell cell-muted">
                      {t('customers.loadingRows')}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
