// The navigation follows the six steps of the precision-marketing loop and the reports. A step is
// listed only once it has a working screen.
import type { MessageKey } from './i18n/zh.js';

export type Route =
  { page: 'customers'; customerId: string | null } | { page: 'import' } | { page: 'analysis'; tab: string | null };

export interface NavItem {
  key: Route['page'];
  label: MessageKey;
  href: string;
}

export interface NavSection {
  label: MessageKey;
  items: NavItem[];
}

const allSections: NavSection[] = [
  {
    label: 'nav.step1',
    items: [
      { key: 'customers', label: 'nav.customers', href: '#/customers' },
      { key: 'import', label: 'nav.import', href: '#/import' },
    ],
  },
  { label: 'nav.step2', items: [{ key: 'analysis', label: 'nav.analysis', href: analysisHref(null) }] },
  { label: 'nav.step3', items: [] },
  { label: 'nav.step4', items: [] },
  { label: 'nav.step5', items: [] },
  { label: 'nav.step6', items: [] },
  { label: 'nav.reports', items: [] },
];

export const navSections: NavSection[] = allSections.filter((section) => section.items.length > 0);

export function parseRoute(hash: string): Route {
  if (hash.startsWith('#/import')) return { page: 'import' };
  const analysis = /^#\/analysis(?:\/([^/?#]+))?/.exec(hash);
  if (analysis) return { page: 'analysis', tab: analysis[1] ? decodeURIComponent(analysis[1]) : null };
  const match = /^#\/customers(?:\/([^/?#]+))?/.exec(hash);
  return { page: 'customers', customerId: match?.[1] ? decodeURIComponent(match[1]) : null };
}

export function customerHref(customerId: string | null): string {
  return customerId ? `#/customers/${encodeURIComponent(customerId)}` : '#/customers';
}

export function analysisHref(tab: string | null): string {
  return tab ? `#/analysis/${encodeURIComponent(tab)}` : '#/analysis';
}
