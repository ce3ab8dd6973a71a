// Persona tags (用户画像) with weights: a tag's weight is how strongly its rule holds — the smallest degree of its
// "all" terms, capped by the largest of its "any" terms — and below the tag's minimum the tag is absent (0).
import type { PersonaRule, PersonaTerm } from './model.js';
import { degreeOf } from './piecewise.js';
import type { SignalTable } from './signals.js';

export type PersonaColumns = Record<string, Float32Array>;

function ruleWeight(rule: PersonaRule, signals: SignalTable, n: number): Float64Array {
  const weight = new Float64Array(n).fill(1);
  for (const term of rule.all) {
    const values = signals.column(term.signal);
    for (let i = 0; i < n; i++) weight[i] = Math.min(weight[i]!, degreeOf(term.points, term.ifMissing, values[i]!));
  }
  if (rule.any.length > 0) {
    const best = new Float64Array(n);
    for (const term of rule.any) {
      const values = signals.column(term.signal);
      for (let i = 0; i < n; i++) best[i] = Math.max(best[i]!, degreeOf(term.points, term.ifMissing, values[i]!));
    }
    for (let i = 0; i < n; i++) weight[i] = Math.min(weight[i]!, best[i]!);
  }
  return weight;
}

/** One Float32Array of weights per tag key; 0 = the customer does not carry the tag. */
export function assignPersonas(rules: readonly PersonaRule[], signals: SignalTable, n: number): PersonaColumns {
  const out: PersonaColumns = {};
  for (const rule of rules) {
    const weight = ruleWeight(rule, signals, n);
    const column = new Float32Array(n);
    for (let i = 0; i < n; i++) if (weight[i]! >= rule.minWeight && weight[i]! > 0) column[i] = weight[i]!;
    out[rule.key] = column;
  }
  return out;
}

export interface PersonaTermExplanation {
  signal: string;
  value: number | null;
  degree: number;
}

/** Why customer i carries (or not) a tag: each term's value and degree. */
export function explainPersona(
  rule: PersonaRule,
  signals: SignalTable,
  i: number,
): { all: PersonaTermExplanation[]; any: PersonaTermExplanation[] } {
  const explainTerm = (term: PersonaTerm): PersonaTermExplanation => {
    const value = signals.column(term.signal)[i]!;
    return {
      signal: term.signal,
      value: Number.isNaN(value) ? null : value,
      degree: degreeOf(term.points, term.ifMissing, value),
    };
  };
  return { all: rule.all.map(explainTerm), any: rule.any.map(explainTerm) };
}
