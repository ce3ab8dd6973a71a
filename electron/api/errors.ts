// Error codes that cross process boundaries, and the error services throw to produce them.
export const errorCodes = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'cancelled',
  'conflict',
  'db_newer_version',
  'db_unavailable',
  'worker_crashed',
  'worker_stopped',
  'unauthorized',
  'forbidden',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, details?: unknown): Result<never> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

/** Turns anything thrown into an ApiError without leaking stack traces across the boundary. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) return error.toApiError();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Unexpected error: ${message}` };
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
