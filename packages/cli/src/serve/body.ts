import type { IncomingMessage } from 'node:http';
import { CliError } from '../errors.js';

/** Thrown when the client went away before its upload ended: there is no one to answer. */
export class ClientGone extends Error {
  constructor() {
    super('client disconnected');
    this.name = 'ClientGone';
  }
}

function mb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * The request's body, at most `limit` bytes: a declared `Content-Length` above it is refused
 * before anything is read, a body that grows past it is refused as soon as it does
 * (`cli.serve.too-large`). A client that disconnects mid-upload rejects with {@link ClientGone}.
 * Kept in memory only: nothing is written to disk.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(new CliError('cli.serve.too-large', { limit: mb(limit) }));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      fn();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        settle(() => reject(new CliError('cli.serve.too-large', { limit: mb(limit) })));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      if (Number.isFinite(declared) && size < declared) {
        settle(() =>
          reject(new CliError('cli.serve.incomplete', { received: size, expected: declared })),
        );
      } else settle(() => resolve(Buffer.concat(chunks, size)));
    });
    req.once('aborted', () => settle(() => reject(new ClientGone())));
    req.once('error', () => settle(() => reject(new ClientGone())));
    req.once('close', () => {
      if (!req.complete) settle(() => reject(new ClientGone()));
    });
  });
}
