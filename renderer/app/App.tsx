// The app: picks the transport, loads what the shell shows (branch, locale), and lays out the shell.
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../../electron/api/client.js';
import type { AppInfo } from '../../electron/api/types.js';
import { AnalysisPage } from '../features/analysis/AnalysisPage.js';
import { CustomersPage } from '../features/customers/CustomersPage.js';
import { ImportPage } from '../features/import/ImportPage.js';
import { ApiProvider, createApi } from './apiContext.js';
import { detectLocale, I18nProvider, translate, type Locale } from './i18n/i18n.js';
import { Shell } from './Shell.js';
import { dataChangedEvent } from './dataChanged.js';
import { useHashRoute } from './useHashRoute.js';

type Boot = { state: 'loading' } | { state: 'ready'; info: AppInfo } | { state: 'failed'; message: string };

function isLocale(value: unknown): value is Locale {
  return value === 'zh' || value === 'en';
}

export function App() {
  const [api] = useState(createApi);
  const [locale, setLocale] = useState<Locale>(detectLocale);
  if (!api) return <p className="boot-message boot-error">{translate(locale, 'app.noToken')}</p>;
  return <ConnectedApp api={api} locale={locale} setLocale={setLocale} />;
}

function ConnectedApp(props: { api: ApiClient; locale: Locale; setLocale(locale: Locale): void }) {
  const { api, locale, setLocale } = props;
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const route = useHashRoute();

  useEffect(() => {
    let live = true;
    void Promise.all([api.call('app.info', {}), api.call('settings.get', { key: 'ui.locale' })]).then(
      ([info, saved]) => {
        if (!live) return;
        if (saved.ok && isLocale(saved.value.value)) setLocale(saved.value.value);
        setBoot(info.ok ? { state: 'ready', info: info.value } : { state: 'failed', message: info.error.message });
      },
    );
    return () => {
      live = false;
    };
  }, [api, setLocale]);

  // Pages that change the branch's data (an import) announce it, so the header's figures follow.
  useEffect(() => {
    const refresh = () => {
      void api.call('app.info', {}).then((info) => {
        if (info.ok) setBoot({ state: 'ready', info: info.value });
      });
    };
    window.addEventListener(dataChangedEvent, refresh);
    return () => window.removeEventListener(dataChangedEvent, refresh);
  }, [api]);

  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [locale]);

  const changeLocale = useCallback(
    (next: Locale) => {
      setLocale(next);
      void api.call('settings.set', { key: 'ui.locale', value: next });
    },
    [api, setLocale],
  );

  return (
    <ApiProvider api={api}>
      <I18nProvider locale={locale} onLocaleChange={changeLocale}>
        {boot.state === 'loading' && <p className="boot-message">{translate(locale, 'app.loading')}</p>}
        {boot.state === 'failed' && (
          <p className="boot-message boot-error">{translate(locale, 'app.failed', { message: boot.message })}</p>
        )}
        {boot.state === 'ready' && (
          <Shell info={boot.info} route={route}>
            {route.page === 'customers' && <CustomersPage selectedCustomerId={route.customerId} />}
            {route.page === 'import' && <ImportPage />}
            {route.page === 'analysis' && <AnalysisPage tab={route.tab} />}
          </Shell>
        )}
      </I18nProvider>
    </ApiProvider>
  );
}
