// A model's version: a hash of its parameters in canonical form (keys sorted, defaults filled in), so that the
// same parameters always give the same version, whatever order they were saved in, and any change gives another.
import { createHash } from 'node:crypto';
import type { ScoringModel } from './model.js';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, inner]) => [key, canonical(inner)]));
  }
  return value;
}

/** The parameters as canonical JSON text: what is hashed, and what a run should store beside its version. */
export function canonicalModelJson(model: ScoringModel): string {
  return JSON.stringify(canonical(model));
}

/** `m` + the first 16 hex digits of the SHA-256 of the canonical JSON. */
export function modelVersion(model: ScoringModel): string {
  return 'm' + createHash('sha256').update(canonicalModelJson(model)).digest('hex').slice(0, 16);
}
