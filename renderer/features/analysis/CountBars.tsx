// A ranked list of counts as horizontal bars, each with its share of the run's customers: veto reasons, persona
// tags, dominant channels.
import { formatCount } from '../../app/format.js';
import { formatShare, rankedCounts, type CountRow } from './countRows.js';

export function CountBars(props: { rows: CountRow[]; total: number; testId: string; colour?: string }) {
  const rows = rankedCounts(props.rows);
  const max = Math.max(1, ...rows.map((row) => row.count));
  return (
    <div className="count-bars" data-testid={props.testId}>
      {rows.map((row) => (
        <div className="count-bar" key={row.key} data-key={row.key} data-count={row.count}>
          <span className="count-bar-label" title={row.label}>
            {row.label}
          </span>
          <span className="count-bar-track">
            <span
              className="count-bar-fill"
              style={{ width: `${(100 * row.count) / max}%`, ...(props.colour ? { background: props.colour } : {}) }}
            />
          </span>
          <span className="count-bar-value">{formatCount(row.count)}</span>
          <span className="count-bar-share">{formatShare(row.count, props.total)}</span>
        </div>
      ))}
    </div>
  );
}
