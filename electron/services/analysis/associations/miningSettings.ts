// The miner's settings of an analysis run, read from `analysis.mining` in settings (defaults when unset).
import type Database from 'better-sqlite3';
import { miningSettingsSchema, type MiningSettings } from '../../../api/associationTypes.js';
import { AppError } from '../../../api/errors.js';

export const miningSettingKey = 'analysis.mining';

/** Checks a value about to be saved or just read; the error names each bad field. */
export function parseMiningSettings(value: unknown): MiningSettings {
  const parsed = miningSettingsSchema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`);
  throw new AppError(
    'invalid_input',
    `The mining settings (${miningSettingKey}) are not valid: ${problems.join('; ')}`,
    {
      problems,
    },
  );
}

export function currentMiningSettings(db: Database.Database): MiningSettings {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(miningSettingKey) as
    string | undefined;
  return parseMiningSettings(raw === undefined ? {} : (JSON.parse(raw) as unknown));
}
