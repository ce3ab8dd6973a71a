// The frame around every page: the step navigation on the left, the branch and language on top.
import type { ReactNode } from 'react';
import type { AppInfo } from '../../electron/api/types.js';
import { formatCount } from './format.js';
import { useI18n } from './i18n/i18n.js';
import { navSections, type Route } from './navigation.js';

export function Shell(props: { info: AppInfo; route: Route; children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { info, route } = props;
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="BranchLoop">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            <svg viewBox="0 0 32 32" width="28" height="28">
              <circle
                cx="16"
                cy="16"
                r="12"
                fill="none"
                stroke="currentColor"
                strokeWidth="3"
                strokeDasharray="56 20"
              />
              <path d="M22 6 l5 3 -5 3 z" fill="currentColor" />
            </svg>
          </span>
          <span>
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </span>
        </div>
        {navSections.map((section) => (
          <div className="nav-section" key={section.label}>
            <div className="nav-section-label">{t(section.label)}</div>
            {section.items.map((item) => (
              <a
                key={item.key}
                href={item.href}
                className={route.page === item.key ? 'nav-item active' : 'nav-item'}
                aria-current={route.page === item.key ? 'page' : undefined}
              >
                {t(item.label)}
              </a>
            ))}
          </div>
        ))}
        <div className="sidebar-footer">v{info.version}</div>
      </nav>
      <div className="workspace">
        <header className="topbar">
          <div className="branch">
            <span className="branch-name" data-testid="branch-name">
              {info.branch?.name ?? '—'}
            </span>
            {info.branch?.isDemo && (
              <span className="badge badge-demo" title={t('app.demoHint')} data-testid="demo-badge">
                {t('app.demoBadge')}
              </span>
            )}
            <span className="branch-meta">{t('app.customersTotal', { count: formatCount(info.customerCount) })}</span>
          </div>
          <button
            type="button"
            className="button button-quiet"
            aria-label={t('locale.label')}
            data-testid="locale-switch"
            onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}
          >
            {t('locale.switch')}
          </button>
        </header>
        <main className="page">{props.children}</main>
      </div>
    </div>
  );
}
