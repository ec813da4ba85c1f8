/** Errors across the worker boundary: their message, code and message key survive the trip. */
import type { Reply } from './protocol.js';

type Failure = Extract<Reply, { ok: false }>;

/** An error as plain data. */
export function errorReply(error: unknown): Omit<Failure, 'id'> {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  return {
    ok: false,
    error: {
      message: error instanceof Error ? error.message : String(error),
      ...(typeof e.code === 'string' ? { code: e.code } : {}),
      ...(typeof e.key === 'string' ? { key: e.key } : {}),
      ...(e.params !== undefined
        ? { params: JSON.parse(JSON.stringify(e.params)) as unknown }
        : {}),
    },
  };
}

/** The error again, on the page's side: an `Error` with the same code, key and parameters. */
export function reviveError(failure: Failure['error']): Error {
  return Object.assign(new Error(failure.message), {
    ...(failure.code !== undefined ? { code: failure.code } : {}),
    ...(failure.key !== undefined ? { key: failure.key } : {}),
    ...(failure.params !== undefined ? { params: failure.params } : {}),
  });
}

/** The error a cancelled request rejects with. */
export function abortError(): Error {
  return Object.assign(new Error('cancelled'), { name: 'AbortError' });
}

/** Whether an error is a cancelled request's. */
export function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}
