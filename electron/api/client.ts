// A typed client over any transport (IPC, HTTP, or the worker host itself).
import type { InputOf, Method, ResultOf } from './contract.js';
import type { Result } from './errors.js';
import type { Progress } from './types.js';

export interface CallOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

export type Transport = (method: Method, input: unknown, options: CallOptions) => Promise<Result<unknown>>;

export interface ApiClient {
  call<M extends Method>(method: M, input: InputOf<M>, options?: CallOptions): Promise<Result<ResultOf<M>>>;
}

export function createClient(transport: Transport): ApiClient {
  return {
    call: (method, input, options = {}) =>
      transport(method, input, options) as Promise<Result<ResultOf<typeof method>>>,
  };
}
