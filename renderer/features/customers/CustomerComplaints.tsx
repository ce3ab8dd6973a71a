// The customer's latest complaints on the card: when, through which channel, what about, and whether
// each is resolved or still open.
import type { CustomerDetail } from '../../../electron/api/types.js';
import { useI18n } from '../../app/i18n/i18n.js';

export function CustomerComplaints({ complaints }: { complaints: CustomerDetail['complaints'] }) {
  const { t } = useI18n();
  return (
    <section className="detail-section" data-testid="detail-complaints">
      <h3>{t('complaints.title', { count: complaints.total })}</h3>
      {complaints.total === 0 ? (
        <p className="cell-muted">{t('complaints.empty')}</p>
      ) : (
        <>
          <table className="mini-table">
            <thead>
              <tr>
                <th>{t('complaints.receivedOn')}</th>
                <th>{t('complaints.channel')}</th>
                <th>{t('complaints.category')}</th>
                <th>{t('complaints.summary')}</th>
                <th>{t('complaints.state')}</th>
              </tr>
            </thead>
            <tbody>
              {complaints.latest.map((complaint) => (
                <tr key={complaint.complaintId} data-testid="complaint-row" data-complaint-id={complaint.complaintId}>
                  <td className="nowrap">{complaint.receivedOn}</td>
                  <td className="nowrap">{t(`channel.${complaint.channel}`)}</td>
                  <td className="nowrap">{t(`complaints.category.${complaint.category}`)}</td>
                  <td>{complaint.summary}</td>
                  <td className="nowrap">
                    {complaint.resolvedOn === null ? (
                      <span className="status complaint-open" data-state="open">
                        {t('complaints.open')}
                      </span>
                    ) : (
                      <span className="status complaint-resolved" data-state="resolved">
                        {t('complaints.resolved', { date: complaint.resolvedOn })}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {complaints.total > complaints.latest.length && (
            <p className="cell-muted">
              {t('complaints.more', { shown: complaints.latest.length, total: complaints.total })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
