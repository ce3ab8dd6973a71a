// The customer card's latent needs (潜在需求): products this customer does not hold that customers like them
// usually do, each with the rule behind it, from the latest analysis run (or the one given).
import { useApi } from '../../app/apiContext.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { formatLift, formatShare, labelText, ruleSideText } from './associationFormat.js';
import { useAssociationCall } from './useAssociationCall.js';

export function CustomerNeeds(props: { customerId: string; runId?: number }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { customerId, runId } = props;
  const needs = useAssociationCall(`${customerId}:${runId ?? 'latest'}`, () =>
    api.call('analysis.customerNeeds', runId === undefined ? { customerId } : { customerId, runId }),
  );
  if (needs.state !== 'ready' || needs.value.runId === null) return null;
  return (
    <section className="detail-section" data-testid="customer-needs">
      <h3>{t('associations.needsTitle')}</h3>
      {needs.value.needs.length === 0 ? (
        <p className="cell-muted">{t('associations.noNeeds')}</p>
      ) : (
        <ul className="needs">
          {needs.value.needs.map((need) => (
            <li key={need.productId}>
              <span className="cell-strong">{labelText(need.label, locale)}</span>{' '}
              <span className="cell-muted">
                {t('associations.needBecause', {
                  because: ruleSideText(need.because, locale),
                  confidence: formatShare(need.confidence),
                  lift: formatLift(need.lift),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
