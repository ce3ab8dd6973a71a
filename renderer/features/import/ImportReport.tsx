// What an import did: per file, how many rows were added, updated, unchanged and rejected, and
// every rejected row with its reason — savable as CSV.
import { useEffect, useState } from 'react';
import type { ImportRejection, ImportResult } from '../../../electron/api/importTypes.js';
import { useApi } from '../../app/apiContext.js';
import { formatCount } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { rejectionsCsv } from './rejectionsCsv.js';

const shownRejections = 500;

export function ImportReport(props: { result: ImportResult }) {
  const { t } = useI18n();
  const api = useApi();
  const { result } = props;
  const [rejections, setRejections] = useState<{ total: number; rows: ImportRejection[] } | null>(null);

  useEffect(() => {
    let live = true;
    void api.call('import.rejections', { runId: result.runId, limit: shownRejections }).then((answer) => {
      if (live && answer.ok) setRejections(answer.value);
    });
    return () => {
      live = false;
    };
  }, [api, result.runId]);

  const saveReport = async () => {
    const rows: ImportRejection[] = [];
    for (let offset = 0; ; offset += 50_000) {
      const page = await api.call('import.rejections', { runId: result.runId, offset, limit: 50_000 });
      if (!page.ok) return;
      rows.push(...page.value.rows);
      if (rows.length >= page.value.total || page.value.rows.length === 0) break;
    }
    const url = URL.createObjectURL(new Blob([rejectionsCsv(rows)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `import-${result.runId}-rejections.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section className="import-report" data-testid="import-report">
      <h2>{t('import.reportTitle', { runId: result.runId, seconds: result.seconds.toFixed(1) })}</h2>
      <table className="mini-table report-table">
        <thead>
          <tr>
            <th>{t('import.col.file')}</th>
            <th>{t('import.kind')}</th>
            <th className="numeric">{t('import.col.rows')}</th>
            <th className="numeric">{t('import.col.added')}</th>
            <th className="numeric">{t('import.col.updated')}</th>
            <th className="numeric">{t('import.col.unchanged')}</th>
            <th className="numeric">{t('import.col.rejected')}</th>
          </tr>
        </thead>
        <tbody>
          {result.files.map((file) => (
            <tr key={file.fileName} data-testid="import-report-row">
              <td>
                {file.fileName}
                {file.skipped && <span className="cell-muted"> · {t('import.skipped')}</span>}
              </td>
              <td>{t(`import.kind.${file.kind}`)}</td>
              <td className="numeric">{formatCount(file.rows)}</td>
              <td className="numeric">{formatCount(file.added)}</td>
              <td className="numeric">{formatCount(file.updated)}</td>
              <td className="numeric">{formatCount(file.unchanged)}</td>
              <td className={file.rejected > 0 ? 'numeric text-error' : 'numeric'}>{formatCount(file.rejected)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rejections && rejections.total > 0 && (
        <>
          <div className="report-actions">
            <strong>{t('import.rejectionsTitle', { count: formatCount(rejections.total) })}</strong>
            <button type="button" className="button" data-testid="import-save-report" onClick={() => void saveReport()}>
              {t('import.saveReport')}
            </button>
          </div>
          <div className="rejections">
            <table className="mini-table" data-testid="import-rejections">
              <thead>
                <tr>
                  <th>{t('import.col.file')}</th>
                  <th className="numeric">{t('import.col.line')}</th>
                  <th>{t('import.col.column')}</th>
                  <th>{t('import.col.value')}</th>
                  <th>{t('import.col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {rejections.rows.map((r, i) => (
                  <tr key={i}>
                    <td>{r.fileName}</td>
                    <td className="numeric">{r.line}</td>
                    <td className="mono">{r.column}</td>
                    <td className="mono">{r.value}</td>
                    <td>
                      <span className="status status-overdue">{r.code}</span> {r.message}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
