// Labels the analysis sends in both languages (tiers, veto reasons, persona tags), in the reader's.
import type { Label } from '../../../electron/api/analysisTypes.js';
import type { Locale } from '../../app/i18n/i18n.js';

export function labelText(label: Label, locale: Locale): string {
  return locale === 'zh' ? label.zh : label.en;
}
