// Persona tags (用户画像) with weights: a tag's weight is how strongly its rule holds — the smallest degree of its
// "all" terms, capped by the largest of its "any" terms — and below the tag's minimum the tag is absent (0).
import type { PersonaRule, PersonaTerm } from './model.js';
import { degreeOf, degreesInto } from './piecewise.js';
import type { SignalTable } from './signals.js';

export type PersonaColumns = Record<string, Float32Array>;

interface Scratch {
  weight: Float64Array;
  degrees: Float64Array;
  best: Float64Array;
}

/** The rule's weight for every customer, into scratch.weight (the buffers are reused from rule to rule). */
function ruleWeight(rule: PersonaRule, signals: SignalTable, n: number, scratch: Scratch): Float64Array {
  const { weight, degrees, best } = scratch;
  weight.fill(1);
  for (const term of rule.all) {
    degreesInto(term.points, term.ifMissing, signals.column(term.signal), degrees);
    for (let i = 0; i < n; i++) if (degrees[i]! < weight[i]!) weight[i] = degrees[i]!;
  }
  if (rule.any.length > 0) {
    best.fill(0);
    for (const term of rule.any) {
      degreesInto(term.points, term.ifMissing, signals.column(term.signal), degrees);
      for (let i = 0; i < n; i++) if (degrees[i]! > best[i]!) best[i] = degrees[i]!;
    }
    for (let i = 0; i < n; i++) if (best[i]! < weight[i]!) weight[i] = best[i]!;
  }
  return weight;
}

/** One Float32Array of weights per tag key; 0 = the customer does not carry the tag. */
export function assignPersonas(rules: readonly PersonaRule[], signals: SignalTable, n: number): PersonaColumns {
  const out: PersonaColumns = {};
  const scratch = { weight: new Float64Array(n), degrees: new Float64Array(n), best: new Float64Array(n) };
  for (const rule of rules) {
    const weight = ruleWeight(rule, signals, n, scratch);
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
    const value = signals.value(term.signal, i);
    return {
      signal: term.signal,
      value: Number.isNaN(value) ? null : value,
      degree: degreeOf(term.points, term.ifMissing, value),
    };
  };
  return { all: rule.all.map(explainTerm), any: rule.any.map(explainTerm) };
}
