// The blacklist entry at the top of the customer card: a red banner while the listing counts (the
// customer is kept out of marketing), a quiet note once it has been lifted.
import type { BlacklistEntry } from '../../../electron/api/types.js';
import { useI18n } from '../../app/i18n/i18n.js';

export function BlacklistBanner({ entry }: { entry: BlacklistEntry }) {
  const { t } = useI18n();
  if (entry.liftedOn !== null) {
    return (
      <p className="blacklist-lifted" data-testid="blacklist-lifted">
        {t('blacklist.lifted', { listedOn: entry.listedOn, liftedOn: entry.liftedOn, reason: entry.reason })}
      </p>
    );
  }
  return (
    <div className="blacklist-banner" role="alert" data-testid="blacklist-banner">
      <strong className="blacklist-title">{t('blacklist.title')}</strong>
      <span data-testid="blacklist-reason">{entry.reason}</span>
      <span className="blacklist-meta" data-testid="blacklist-listed-on">
        {t('blacklist.listedOn', { date: entry.listedOn })}
        {entry.source !== null && ` · ${t('blacklist.source', { source: entry.source })}`}
      </span>
      <span className="blacklist-meta">{t('blacklist.consequence')}</span>
    </div>
  );
}
