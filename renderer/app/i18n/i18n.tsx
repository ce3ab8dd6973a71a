// Translation: the locale follows the OS (navigator.language) until the user switches, and the
// choice is kept in the branch database's settings.
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { en } from './en.js';
import { zh, type MessageKey } from './zh.js';

export type Locale = 'zh' | 'en';

const tables: Record<Locale, Record<MessageKey, string>> = { zh, en };

export function detectLocale(languages: readonly string[] = navigator.languages): Locale {
  for (const language of languages) {
    if (language.toLowerCase().startsWith('zh')) return 'zh';
    if (language.toLowerCase().startsWith('en')) return 'en';
  }
  return 'zh';
}

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = tables[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18nValue {
  locale: Locale;
  t: Translate;
  setLocale(locale: Locale): void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider(props: { locale: Locale; onLocaleChange(locale: Locale): void; children: ReactNode }) {
  const { locale, onLocaleChange } = props;
  const t = useCallback<Translate>((key, params) => translate(locale, key, params), [locale]);
  const value = useMemo(() => ({ locale, t, setLocale: onLocaleChange }), [locale, t, onLocaleChange]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
