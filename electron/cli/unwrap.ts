// A failed contract call becomes the error the CLI reports in one line.
import { AppError, type Result } from '../api/errors.js';

export function unwrapResult<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new AppError(result.error.code, result.error.message, result.error.details);
}
