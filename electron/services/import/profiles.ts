// Saved column mappings: a branch's exports keep their own headers, so a mapping made once is reused.
import type Database from 'better-sqlite3';
import type { ParsedInputOf } from '../../api/contract.js';
import { AppError } from '../../api/errors.js';
import type { ImportKindName, ImportProfile } from '../../api/importTypes.js';
import type { ServiceContext } from '../context.js';
import { kindSpecs } from './kinds.js';

interface ProfileRecord {
  name: string;
  kind: ImportKindName;
  mapping: string;
}

function toProfile(record: ProfileRecord): ImportProfile {
  return { name: record.name, kind: record.kind, mapping: JSON.parse(record.mapping) as Record<string, string> };
}

export function loadProfile(db: Database.Database, name: string): ImportProfile {
  const record = db.prepare('SELECT name, kind, mapping FROM import_profiles WHERE name = ?').get(name) as
    ProfileRecord | undefined;
  if (!record) throw new AppError('not_found', `There is no saved column mapping named "${name}".`);
  return toProfile(record);
}

export function listProfiles(ctx: ServiceContext, input: ParsedInputOf<'import.profiles.list'>): ImportProfile[] {
  const records = ctx.db
    .prepare('SELECT name, kind, mapping FROM import_profiles WHERE @kind IS NULL OR kind = @kind ORDER BY name')
    .all({ kind: input.kind ?? null }) as ProfileRecord[];
  return records.map(toProfile);
}

export function saveProfile(ctx: ServiceContext, input: ParsedInputOf<'import.profiles.save'>): ImportProfile {
  const known = new Set(kindSpecs[input.kind].fields.map((f) => f.field));
  const strange = Object.keys(input.mapping).filter((field) => !known.has(field));
  if (strange.length > 0) {
    throw new AppError('invalid_input', `mapping: ${input.kind} has no field ${strange.join(', ')}.`);
  }
  ctx.db
    .prepare(
      `INSERT INTO import_profiles (name, kind, mapping, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, mapping = excluded.mapping, updated_at = excluded.updated_at`,
    )
    .run(input.name, input.kind, JSON.stringify(input.mapping), new Date().toISOString());
  return { name: input.name, kind: input.kind, mapping: input.mapping };
}
