// Turns one CSV record into the values of a stage row, or into the reasons it is rejected.
import type { RejectCode } from '../validation/values.js';
import type { KindSpec, Value } from './kinds.js';

export interface Rejection {
  line: number;
  column: string;
  value: string;
  code: RejectCode;
  message: string;
}

export interface RowValidator {
  /** Values in the order of spec.fields, or null when the row is rejected (reasons in `rejections`). */
  validate(line: number, fields: readonly string[], rejections: Rejection[]): Value[] | null;
}

export function rowValidator(spec: KindSpec, positions: readonly number[], headerWidth: number): RowValidator {
  const specs = spec.fields;
  return {
    validate(line, fields, rejections) {
      if (fields.length !== headerWidth) {
        rejections.push({
          line,
          column: '',
          value: `${fields.length} fields`,
          code: 'wrong_columns',
          message: `the header has ${headerWidth} columns but this record has ${fields.length} fields`,
        });
        return null;
      }
      const values: Value[] = new Array<Value>(specs.length);
      let ok = true;
      for (let i = 0; i < specs.length; i++) {
        const field = specs[i]!;
        const position = positions[i]!;
        const raw = position < 0 ? '' : fields[position]!.trim();
        if (raw === '') {
          if (field.required) {
            rejections.push({
              line,
              column: field.field,
              value: '',
              code: 'required',
              message: `${field.field} is required`,
            });
            ok = false;
          } else {
            values[i] = field.fallback;
          }
          continue;
        }
        const parsed = field.parse(raw);
        if (parsed.ok) {
          values[i] = parsed.value;
        } else {
          rejections.push({ line, column: field.field, value: raw, code: parsed.code, message: parsed.message });
          ok = false;
        }
      }
      if (!ok) return null;
      if (spec.checks.length > 0) {
        const row: Record<string, Value> = {};
        specs.forEach((f, i) => (row[f.column] = values[i] ?? null));
        for (const check of spec.checks) {
          const problem = check.test(row);
          if (problem) {
            const position = positions[specs.findIndex((f) => f.field === check.field)] ?? -1;
            rejections.push({
              line,
              column: check.field,
              value: position < 0 ? '' : (fields[position] ?? '').trim(),
              code: check.code,
              message: problem,
            });
            return null;
          }
        }
      }
      return values;
    },
  };
}
