// The segmentation settings (`analysis.segmentation` in settings): how many segments (a number, or 'auto' for
// the silhouette's suggestion), the seed that makes the run reproducible, and the features to draw them from.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../../api/errors.js';
import { defaultSegmentFeatures, segmentFeatureKeys } from './segmentFeatures.js';

export const segmentationSettingKey = 'analysis.segmentation';

/** The range 'auto' chooses from: fewer than 3 segments says little, more than 8 no one remembers. */
export const autoKRange = { kMin: 3, kMax: 8 } as const;

export const segmentationSettingsSchema = z
  .object({
    k: z.union([z.int().min(2).max(20), z.literal('auto')]).default(5),
    seed: z
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
    features: z
      .array(z.enum(segmentFeatureKeys))
      .min(2, 'at least 2 features')
      .max(segmentFeatureKeys.length)
      .refine((keys) => new Set(keys).size === keys.length, 'a feature is listed twice')
      .default([...defaultSegmentFeatures]),
  })
  .strict();

export type SegmentationSettings = z.output<typeof segmentationSettingsSchema>;

export function parseSegmentationSettings(value: unknown): SegmentationSettings {
  const parsed = segmentationSettingsSchema.safeParse(value ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`);
    throw new AppError('invalid_input', `The setting ${segmentationSettingKey} is not valid: ${problems.join('; ')}`, {
      problems,
    });
  }
  return parsed.data;
}

/** The saved settings, the defaults filled in; a saved value that does not parse is reported, not ignored. */
export function currentSegmentationSettings(db: Database.Database): SegmentationSettings {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(segmentationSettingKey) as
    string | undefined;
  return parseSegmentationSettings(raw === undefined ? {} : JSON.parse(raw));
}
