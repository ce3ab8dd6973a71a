// A loan's instalment schedule on the customer card, newest first: what was due and when, what was
// paid and when, and how many days late. Instalments still owed are labelled, past-due ones tinted.
import type { Repayment } from '../../../electron/api/types.js';
import { formatMoney } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { arrearsOf } from './repaymentArrears.js';
import { useLoanRepayments } from './useLoanRepayments.js';

export function LoanRepayments(props: { loanId: string; id: string }) {
  const { t, locale } = useI18n();
  const state = useLoanRepayments(props.loanId);
  return (
    <div className="repayments" id={props.id} data-testid="loan-repayments">
      {state.state === 'loading' && <p className="cell-muted">{t('repayments.loading')}</p>}
      {state.state === 'failed' && (
        <div className="notice notice-error" role="alert">
          {state.message}
        </div>
      )}
      {state.state === 'ready' &&
        (state.rows.length === 0 ? (
          <p className="cell-muted">{t('repayments.empty')}</p>
        ) : (
          <>
            <ArrearsLine rows={state.rows} />
            <div className="repayments-scroll">
              <table className="mini-table repayments-table" aria-label={t('repayments.title')}>
                <thead>
                  <tr>
                    <th>{t('repayments.dueDate')}</th>
                    <th className="numeric">{t('repayments.dueAmount')}</th>
                    <th>{t('repayments.paidDate')}</th>
                    <th className="numeric">{t('repayments.paidAmount')}</th>
                    <th className="numeric" title={t('repayments.daysPastDueHint')}>
                      {t('repayments.daysPastDue')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {state.rows.map((row) => (
                    <tr
                      key={row.dueDate}
                      className={`repayment repayment-${row.status}`}
                      title={t(`repayments.status.${row.status}`)}
                      data-testid="repayment-row"
                      data-status={row.status}
                    >
                      <td className="nowrap">{row.dueDate}</td>
                      <td className="numeric">{formatMoney(row.dueFen, locale)}</td>
                      <PaidOn row={row} />
                      <td className="numeric">{row.paidFen > 0 ? formatMoney(row.paidFen, locale) : '—'}</td>
                      <td className="numeric repayment-dpd">{row.daysPastDue > 0 ? row.daysPastDue : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ))}
    </div>
  );
}

/**
 * When the instalment was paid; one still owed says instead how it stands, which keeps the
 * schedule to five columns in the card's width. A part payment shows its date above the label.
 */
function PaidOn({ row }: { row: Repayment }) {
  const { t } = useI18n();
  const owed = row.status === 'due' || row.status === 'overdue' || row.status === 'defaulted';
  if (!owed) return <td className="nowrap">{row.paidDate ?? '—'}</td>;
  const label = (
    <span
      className={`status repayment-status-${row.status}`}
      title={row.status === 'defaulted' ? t('repayments.status.defaultedHint') : undefined}
    >
      {t(`repayments.status.${row.status}`)}
    </span>
  );
  return (
    <td className="nowrap">
      {row.paidDate ? (
        <>
          <div>{row.paidDate}</div>
          <div>{label}</div>
        </>
      ) : (
        label
      )}
    </td>
  );
}

function ArrearsLine({ rows }: { rows: readonly Repayment[] }) {
  const { t, locale } = useI18n();
  const arrears = arrearsOf(rows);
  if (arrears.instalments === 0) {
    return <p className="repayments-summary">{t('repayments.noArrears', { count: rows.length })}</p>;
  }
  return (
    <p className="repayments-summary repayments-arrears" data-testid="loan-arrears">
      {t('repayments.arrears', {
        count: rows.length,
        late: arrears.instalments,
        amount: formatMoney(arrears.owedFen, locale),
      })}
    </p>
  );
}
