// Number and money formatting as Chinese and English bank staff read them: 万/亿 in Chinese.
import type { Locale } from './i18n/i18n.js';

const yuanFormat = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat('en');

/** An amount in integer fen, e.g. 123456789 → "123.46万" (zh) or "¥1,234,567.89" (en). */
export function formatMoney(fen: number, locale: Locale): string {
  const yuan = fen / 100;
  if (locale === 'zh') {
    const abs = Math.abs(yuan);
    if (abs >= 1e8) return `${(yuan / 1e8).toFixed(2)}亿`;
    if (abs >= 1e4) return `${(yuan / 1e4).toFixed(2)}万`;
    return yuanFormat.format(yuan);
  }
  return `¥${yuanFormat.format(yuan)}`;
}

export function formatCount(count: number): string {
  return countFormat.format(count);
}

export function formatRate(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(2)}%`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the local date and minute, "2026-11-23 16:53". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A duration in seconds, to two decimals under ten seconds ("0.25"), else one ("12.4"). */
export function formatSeconds(seconds: number): string {
  return seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(1);
}
