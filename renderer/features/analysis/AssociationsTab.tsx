// The association tab of the analysis page (关联分析): the trait × product heatmap and the rules of a run
// (the latest when no run is given).
import { useApi } from '../../app/apiContext.js';
import { formatCount } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { AssociationHeatmap } from './AssociationHeatmap.js';
import { RulesTable } from './RulesTable.js';
import { useAssociationCall } from './useAssociationCall.js';

export function AssociationsTab(props: { runId?: number }) {
  const { t } = useI18n();
  const api = useApi();
  const { runId } = props;
  const matrix = useAssociationCall(`matrix:${runId ?? 'latest'}`, () =>
    api.call('analysis.associations', runId === undefined ? {} : { runId }),
  );
  if (matrix.state === 'loading') return <p className="cell-muted">{t('associations.loading')}</p>;
  if (matrix.state === 'failed') return <p className="notice notice-error">{matrix.message}</p>;
  if (matrix.value.matrix === null) return <p className="notice">{t('associations.noRun')}</p>;
  const { baskets, runId: shownRun } = matrix.value.matrix;
  return (
    <div className="associations" data-testid="associations-tab">
      <p className="page-meta">{t('associations.summary', { run: shownRun, customers: formatCount(baskets) })}</p>
      <AssociationHeatmap matrix={matrix.value.matrix} />
      <RulesTable runId={shownRun} />
    </div>
  );
}
