// The analysis page's segments tab: the segment map on two chosen features, the table of segment profiles,
// and the movement of customers since the previous segmented run.
import { useState } from 'react';
import type { SegmentationView, SegmentFeatureKey } from '../../../electron/api/segmentTypes.js';
import { formatCount } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { CentroidTable } from './CentroidTable.js';
import { MovementMatrix } from './MovementMatrix.js';
import { SegmentMapChart } from './SegmentMapChart.js';
import { useSegmentMap, useSegments } from './useSegments.js';
import './segments.css';

/** The map opens on money against the way customers bank, when the run used them. */
function defaultAxes(features: readonly SegmentFeatureKey[]): [SegmentFeatureKey, SegmentFeatureKey] {
  const x = features.includes('deposits') ? 'deposits' : features[0]!;
  const y = features.includes('digitalShare') && x !== 'digitalShare' ? 'digitalShare' : features.find((f) => f !== x)!;
  return [x, y];
}

export function SegmentsTab(props: { runId?: number }) {
  const { t } = useI18n();
  const segments = useSegments(props.runId);
  if (segments.state === 'loading') return <p className="notice">{t('segments.loading')}</p>;
  if (segments.state === 'failed') return <p className="notice notice-error">{segments.message}</p>;
  if (segments.value === null) return <p className="notice">{t('segments.none')}</p>;
  return <SegmentsView segmentation={segments.value} />;
}

function SegmentsView(props: { segmentation: SegmentationView }) {
  const { t } = useI18n();
  const { segmentation } = props;
  const [axes, setAxes] = useState<{ runId: number; x: SegmentFeatureKey; y: SegmentFeatureKey } | null>(null);
  const [x, y] = axes?.runId === segmentation.runId ? [axes.x, axes.y] : defaultAxes(segmentation.features);
  const map = useSegmentMap(segmentation.runId, x, y);
  const choose = (next: { x?: SegmentFeatureKey; y?: SegmentFeatureKey }) =>
    setAxes({ runId: segmentation.runId, x: next.x ?? x, y: next.y ?? y });
  const axisSelect = (
    label: string,
    value: SegmentFeatureKey,
    testId: string,
    onChange: (v: SegmentFeatureKey) => void,
  ) => (
    <label className="field">
      <span>{label}</span>
      <select
        className="input"
        data-testid={testId}
        value={value}
        // The select offers only the run's features.
        onChange={(event) => onChange(event.target.value as SegmentFeatureKey)}
      >
        {segmentation.features.map((feature) => (
          <option key={feature} value={feature}>
            {t(`segments.feature.${feature}`)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="segments" data-testid="segments-tab">
      <p className="page-meta">
        {t('segments.summary', {
          k: segmentation.k,
          seed: segmentation.seed,
          features: segmentation.features.map((feature) => t(`segments.feature.${feature}`)).join('、'),
        })}
        {segmentation.kChosen === 'auto' ? t('segments.kAuto') : ''}
      </p>
      <section className="detail-section">
        <h3>{t('segments.map')}</h3>
        <div className="filter-bar">
          {axisSelect(t('segments.axisX'), x, 'segment-axis-x', (value) => choose({ x: value }))}
          {axisSelect(t('segments.axisY'), y, 'segment-axis-y', (value) => choose({ y: value }))}
          {map ? (
            <span className="page-meta">
              {t('segments.mapSample', { sampled: formatCount(map.sampled), customers: formatCount(map.customers) })}
            </span>
          ) : null}
        </div>
        {map ? <SegmentMapChart map={map} /> : <div className="segment-map" />}
      </section>
      <section className="detail-section">
        <h3>{t('segments.centroids')}</h3>
        <CentroidTable segmentation={segmentation} />
      </section>
      <section className="detail-section">
        <h3>
          {segmentation.movement
            ? t('segments.movement', { run: segmentation.movement.previousRunId })
            : t('segments.movementTitle')}
        </h3>
        {segmentation.movement ? (
          <MovementMatrix movement={segmentation.movement} current={segmentation.segments} />
        ) : (
          <p className="notice">{t('segments.movementNone')}</p>
        )}
      </section>
    </div>
  );
}
