// Key/value settings stored as JSON in the database, so they travel with the branch's data.
import type { ParsedInputOf } from '../api/contract.js';
import { prepared } from '../../db/queries/prepared.js';
import { miningSettingKey, parseMiningSettings } from './analysis/associations/miningSettings.js';
import type { ServiceContext } from './context.js';
import { parseSegmentationSettings } from './analysis/segments/segmentationSettings.js';

/** Settings whose value has a shape: checked before it is saved (a bad value never reaches a run), and saved as parsed. */
const checkedValues: Record<string, (value: unknown) => unknown> = {
  'analysis.segmentation': parseSegmentationSettings,
  [miningSettingKey]: parseMiningSettings,
};

export function getSetting(ctx: ServiceContext, input: ParsedInputOf<'settings.get'>): { key: string; value: unknown } {
  const raw = prepared(ctx.db, 'SELECT value FROM settings WHERE key = ?').pluck().get(input.key) as string | undefined;
  const value = raw === undefined ? null : (JSON.parse(raw) as unknown);
  // A setting with a shape reads as the next run reads it: defaults filled in, a value that no longer parses refused.
  const check = checkedValues[input.key];
  return { key: input.key, value: check ? check(value) : value };
}

export function setSetting(ctx: ServiceContext, input: ParsedInputOf<'settings.set'>): { key: string; value: unknown } {
  const check = checkedValues[input.key];
  const value = check ? check(input.value) : input.value;
  prepared(
    ctx.db,
    `INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @now)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run({ key: input.key, value: JSON.stringify(value), now: new Date().toISOString() });
  return { key: input.key, value };
}
