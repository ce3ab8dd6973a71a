// The segments side by side: size, the average of every feature in its own unit, and what sets each apart.
import type { SegmentationView } from '../../../electron/api/segmentTypes.js';
import { formatCount } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { lineageColour } from './segmentColours.js';
import { formatFeatureValue, formatShare, formatZ } from './segmentFormat.js';

export function CentroidTable(props: { segmentation: SegmentationView }) {
  const { t, locale } = useI18n();
  const { segments, features, averages, customers } = props.segmentation;
  return (
    <div className="segment-table-scroll">
      <table className="mini-table segment-table" data-testid="segment-centroids">
        <thead>
          <tr>
            <th>{t('segments.col.segment')}</th>
            <th className="numeric">{t('segments.col.size')}</th>
            <th className="numeric">{t('segments.col.share')}</th>
            {features.map((feature) => (
              <th key={feature} className="numeric">
                {t(`segments.feature.${feature}`)}
              </th>
            ))}
            <th>{t('segments.col.apart')}</th>
          </tr>
        </thead>
        <tbody>
          {segments.map((segment) => (
            <tr key={segment.segment} data-testid="segment-row">
              <td>
                <span className="segment-swatch" style={{ background: lineageColour(segment.lineage) }} />
                <strong>
                  {segment.segment + 1} · {segment.name[locale]}
                </strong>
                {segment.continued ? null : <span className="segment-new">{t('segments.new')}</span>}
              </td>
              <td className="numeric">{formatCount(segment.size)}</td>
              <td className="numeric">{formatShare(segment.share)}</td>
              {features.map((feature) => (
                <td key={feature} className="numeric" title={formatZ(segment.centroid[feature] ?? 0)}>
                  {formatFeatureValue(feature, segment.averages[feature] ?? 0, locale)}
                </td>
              ))}
              <td>
                {segment.traits.map((trait) => (
                  <span key={trait.feature} className="chip">
                    {trait.label[locale]} {formatZ(trait.z)}
                  </span>
                ))}
              </td>
            </tr>
          ))}
          <tr className="segment-total">
            <td>{t('segments.allCustomers')}</td>
            <td className="numeric">{formatCount(customers)}</td>
            <td className="numeric">100%</td>
            {features.map((feature) => (
              <td key={feature} className="numeric">
                {formatFeatureValue(feature, averages[feature] ?? 0, locale)}
              </td>
            ))}
            <td />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
