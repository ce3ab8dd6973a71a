// The boundary check every transport runs before a call reaches the worker.
import type { z } from 'zod';
import { contract, isMethod, type Method, type ParsedInputOf } from './contract.js';
import { fail, ok, type Result } from './errors.js';

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join('.') : 'input';
  return `${where}: ${issue.message}`;
}

export function validateCall<M extends Method>(method: M, input: unknown): Result<ParsedInputOf<M>>;
export function validateCall(method: string, input: unknown): Result<unknown>;
export function validateCall(method: string, input: unknown): Result<unknown> {
  if (!isMethod(method)) {
    return fail('unknown_method', `There is no call named "${method}".`);
  }
  const parsed = contract[method].input.safeParse(input ?? {});
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map(describeIssue);
  return fail('invalid_input', `Invalid input for ${method}: ${issues.join('; ')}`, { issues });
}
