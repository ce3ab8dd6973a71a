// How customers moved between segments since the previous segmented run: previous segments down, current ones
// across, each cell shaded by its count; arrivals in the last row, departures in the last column.
import type { SegmentMovement, SegmentView } from '../../../electron/api/segmentTypes.js';
import { formatCount } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { movementShade } from './segmentColours.js';

export function MovementMatrix(props: { movement: SegmentMovement; current: SegmentView[] }) {
  const { t, locale } = useI18n();
  const { movement, current } = props;
  const largest = Math.max(0, ...movement.counts.flat(), ...movement.newCustomers, ...movement.leftCustomers);
  const cell = (count: number, key: string) => (
    <td
      key={key}
      className="numeric movement-cell"
      style={
        count > 0
          ? { background: movementShade(count, largest), color: count / largest > 0.5 ? '#fff' : undefined }
          : undefined
      }
    >
      {count > 0 ? formatCount(count) : '·'}
    </td>
  );
  return (
    <div className="segment-table-scroll">
      <table className="mini-table movement-matrix" data-testid="segment-movement">
        <thead>
          <tr>
            <th>{t('segments.previousCurrent')}</th>
            {current.map((segment) => (
              <th key={segment.segment} className="numeric">
                {segment.segment + 1} · {segment.name[locale]}
              </th>
            ))}
            <th className="numeric">{t('segments.leftCustomers')}</th>
          </tr>
        </thead>
        <tbody>
          {movement.previous.map((previous, p) => (
            <tr key={previous.segment}>
              <th>
                {previous.segment + 1} · {previous.name[locale]}
              </th>
              {current.map((segment, c) => cell(movement.counts[p]?.[c] ?? 0, `c${segment.segment}`))}
              {cell(movement.leftCustomers[p] ?? 0, 'left')}
            </tr>
          ))}
          <tr>
            <th>{t('segments.newCustomers')}</th>
            {current.map((segment, c) => cell(movement.newCustomers[c] ?? 0, `n${segment.segment}`))}
            <td />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
