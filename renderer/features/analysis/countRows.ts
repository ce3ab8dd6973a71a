// The rows of a count list (veto reasons, persona tags, channels): ranked, each with its share of the run. Pure.
export interface CountRow {
  key: string;
  label: string;
  count: number;
}

/** Largest first; equal counts keep their given order. */
export function rankedCounts(rows: CountRow[]): CountRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => b.row.count - a.row.count || a.index - b.index)
    .map(({ row }) => row);
}

export function formatShare(count: number, total: number): string {
  if (total <= 0) return '—';
  const percent = (100 * count) / total;
  return `${percent > 0 && percent < 0.1 ? '<0.1' : percent.toFixed(1)}%`;
}
