// One loan on the customer card: product, status and five-category class, its terms and repayment
// summary; clicking the loan opens its instalment schedule below it.
import { useId, useState } from 'react';
import type { Loan } from '../../../electron/api/types.js';
import { formatMoney, formatRate } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';
import { LoanRepayments } from './LoanRepayments.js';

export function CustomerLoan({ loan }: { loan: Loan }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const scheduleId = useId();
  return (
    <div className={open ? 'loan loan-open' : 'loan'} data-testid="loan" data-loan-id={loan.loanId}>
      <button
        type="button"
        className="loan-toggle"
        aria-expanded={open}
        aria-controls={open ? scheduleId : undefined}
        data-testid="loan-toggle"
        onClick={() => setOpen(!open)}
      >
        <span className="loan-chevron" aria-hidden="true">
          ▸
        </span>
        <strong>{locale === 'en' && loan.productNameEn ? loan.productNameEn : loan.productName}</strong>
        <span className={`status status-${loan.status}`}>{t(`loan.${loan.status}`)}</span>
        <span className={`status class-${loan.classification}`}>{t(`class.${loan.classification}`)}</span>
        <span className="loan-toggle-hint">{open ? t('repayments.hide') : t('repayments.show')}</span>
      </button>
      <dl className="facts compact">
        <dt>{t('detail.loanId')}</dt>
        <dd className="mono">{loan.loanId}</dd>
        <dt>{t('detail.principal')}</dt>
        <dd>{formatMoney(loan.principalFen, locale)}</dd>
        <dt>{t('detail.balance')}</dt>
        <dd>{formatMoney(loan.balanceFen, locale)}</dd>
        <dt>{t('detail.rate')}</dt>
        <dd>{formatRate(loan.rateBp)}</dd>
        <dt>{t('detail.term')}</dt>
        <dd>
          {loan.startDate} → {loan.maturityDate}
        </dd>
        <dt>{t('detail.repayment')}</dt>
        <dd>
          {t('detail.repaymentValue', {
            instalments: loan.instalments,
            late: loan.paidLate,
            worst: loan.worstDaysPastDue,
          })}
        </dd>
      </dl>
      {open && <LoanRepayments loanId={loan.loanId} id={scheduleId} />}
    </div>
  );
}
