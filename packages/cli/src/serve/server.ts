import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { CliError } from '../errors.js';
import { VERSION } from '../version.js';
import { ClientGone, readBody } from './body.js';
import type { Job } from './jobs.js';
import { Limiter } from './limiter.js';
import { boundaryOf, parseMultipart } from './multipart.js';
import { openApiDocument } from './openapi.js';
import { argsFromQuery, JOB_ROUTES, type JobCommand } from './query.js';
import { sendError, sendJson, sendResult, XLSX } from './respond.js';
import { runInWorker } from './worker.js';

/** How the service runs. */
export interface ServeOptions {
  /** Requests run at once (each in a worker thread of its own). */
  readonly concurrency: number;
  /** Requests allowed to wait for a slot; beyond that, 503. */
  readonly queue: number;
  /** Longest a request may run, from its first byte to its answer, in milliseconds. */
  readonly timeoutMs: number;
  /** Largest upload, in bytes: the readers' own limit on a workbook's uncompressed size. */
  readonly maxBodyBytes: number;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The content types each route takes. */
const ACCEPTS: Record<JobCommand, readonly string[]> = {
  validate: [XLSX, 'application/octet-stream'],
  fill: [XLSX, 'application/octet-stream'],
  plan: ['text/plain', DOCX, 'application/octet-stream', 'multipart/form-data'],
};

const ROUTES = [
  'POST /v1/validate',
  'POST /v1/fill',
  'POST /v1/plan',
  'GET /healthz',
  'GET /openapi.json',
];

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The job of a request whose body has been read. */
function buildJob(
  command: JobCommand,
  query: URLSearchParams,
  type: string,
  req: IncomingMessage,
  body: Buffer,
): Job {
  if (command !== 'plan') {
    const args = argsFromQuery(command, query);
    return command === 'validate'
      ? { command, args: args as Extract<Job, { command: 'validate' }>['args'], body }
      : { command, args: args as Extract<Job, { command: 'fill' }>['args'], body };
  }
  if (type !== 'multipart/form-data') {
    return {
      command,
      args: argsFromQuery('plan', query) as Extract<Job, { command: 'plan' }>['args'],
      body,
    };
  }
  const boundary = boundaryOf(req.headers['content-type'] ?? '');
  if (boundary === undefined) throw new CliError('cli.serve.multipart', { reason: 'no boundary' });
  const parts = parseMultipart(body, boundary);
  const plan = parts.find((p) => p.name === 'plan');
  if (!plan) throw new CliError('cli.serve.multipart', { reason: 'no "plan" part' });
  const annex = parts.find((p) => p.name === 'annex');
  const withName = new URLSearchParams(query);
  if (!withName.has('name') && plan.filename) withName.set('name', plan.filename);
  const annexName = annex ? annex.filename || 'annex.xlsx' : undefined;
  const args = argsFromQuery('plan', withName, annexName) as Extract<
    Job,
    { command: 'plan' }
  >['args'];
  return { command, args, body: plan.data, ...(annex ? { annex: annex.data } : {}) };
}

/**
 * The local HTTP service (`phuluc serve`), built on node:http. Routes: `POST /v1/validate`,
 * `POST /v1/fill`, `POST /v1/plan` (body: the file's bytes, query: the command's options),
 * `GET /healthz`, `GET /openapi.json`. At most `concurrency` requests run at once, each in a
 * worker thread stopped at `timeoutMs`; `queue` more wait; the rest get 503. Every refusal is a
 * JSON error with the command line's one line. Nothing of a request is logged or written to disk.
 *
 * @example
 * const server = createPhulucServer({ concurrency: 2, queue: 8, timeoutMs: 60_000, maxBodyBytes: LIMITS.maxUncompressedBytes });
 * server.listen(8787, '127.0.0.1');
 */
export function createPhulucServer(options: ServeOptions): Server & { readonly limiter: Limiter } {
  const limiter = new Limiter(options.concurrency, options.queue);
  const openapi = Buffer.from(`${JSON.stringify(openApiDocument(VERSION), null, 2)}\n`);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const route = url.pathname;
    const command = (JOB_ROUTES as Record<string, JobCommand | undefined>)[route];
    const expected = command
      ? 'POST'
      : route === '/healthz' || route === '/openapi.json'
        ? 'GET'
        : undefined;
    if (expected === undefined)
      throw new CliError('cli.serve.not-found', { method, path: route, routes: ROUTES.join(', ') });
    if (method !== expected && !(expected === 'GET' && method === 'HEAD'))
      throw new CliError('cli.serve.method', { method, path: route, allowed: expected });
    if (route === '/healthz') {
      sendJson(res, 200, {
        status: 'ok',
        version: VERSION,
        active: limiter.active,
        queued: limiter.queued,
      });
      return;
    }
    if (!command) {
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': openapi.length,
      });
      res.end(openapi);
      return;
    }
    // Refuse what can be refused before reading an upload: its parameters, its type, a full house.
    argsFromQuery(command, url.searchParams);
    const type = mediaType(req);
    if (!ACCEPTS[command].includes(type)) {
      throw new CliError('cli.serve.content-type', {
        type: type || '—',
        path: route,
        expected: ACCEPTS[command].join(', '),
      });
    }
    const slot = limiter.enter();
    if (!slot)
      throw new CliError('cli.serve.busy', { active: limiter.active, queued: limiter.queued });
    const release = await slot;
    try {
      if (req.destroyed) return;
      const body = await readBody(req, options.maxBodyBytes);
      let job: Job;
      try {
        job = buildJob(command, url.searchParams, type, req, body);
      } catch (e) {
        sendError(res, e, true);
        return;
      }
      const controller = new AbortController();
      res.once('close', () => {
        if (!res.writableFinished) controller.abort();
      });
      const result = await runInWorker(job, options.timeoutMs, controller.signal);
      sendResult(res, req, command, job, result);
    } finally {
      release();
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof ClientGone) {
        res.destroy();
        return;
      }
      sendError(res, e, req.complete);
    });
  });
  // A slow upload cannot hold a slot forever: the whole request must arrive within the limit.
  // (Never under 10 s: Node checks these every few seconds, and a tiny limit would cut uploads.)
  server.requestTimeout = Math.max(options.timeoutMs, 10_000);
  server.headersTimeout = Math.min(server.requestTimeout, 30_000);
  return Object.assign(server, { limiter });
}
