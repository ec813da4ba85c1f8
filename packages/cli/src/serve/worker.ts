import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Job, JobResult } from './jobs.js';

/** Marks a worker started by {@link runInWorker}: this very module, run in a worker thread. */
const MARK = 'phuluc-serve-job';

/**
 * A worker running this module. From the bundle, the module's own file; from source (`pnpm
 * phuluc`, TypeScript through tsx), a worker that registers tsx first, since a worker does not
 * inherit the process' `--import tsx`.
 */
function startWorker(): Worker {
  const self = new URL(import.meta.url);
  const workerData = { [MARK]: true };
  if (!self.pathname.endsWith('.ts')) return new Worker(self, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(self.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * Run a job in a worker thread of its own, so that the request's time limit can stop it even
 * in the middle of a sheet (the worker is terminated), a failure cannot take the server down,
 * and its memory goes back when it ends. The worker is this module itself (from source or from
 * the bundle alike), with the process' own flags. Resolves, never rejects: a timeout, an abort
 * (the client left) or a crash becomes a refusal.
 */
export function runInWorker(job: Job, timeoutMs: number, signal: AbortSignal): Promise<JobResult> {
  return new Promise((resolve) => {
    const worker = startWorker();
    let done = false;
    const finish = (result: JobResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(result);
    };
    const seconds = Math.round(timeoutMs / 1000);
    const timer = setTimeout(
      () => finish({ ok: false, key: 'cli.serve.timeout', params: { seconds } }),
      timeoutMs,
    );
    const onAbort = () => finish({ ok: false, key: 'cli.serve.timeout', params: { seconds } });
    signal.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (result: JobResult) => finish(result));
    worker.once('error', (e) =>
      finish({
        ok: false,
        key: 'cli.error.unexpected',
        params: { reason: e.message.split('\n')[0] ?? '' },
      }),
    );
    worker.once('exit', (code) =>
      finish({
        ok: false,
        key: 'cli.error.unexpected',
        params: { reason: `worker exited (${code})` },
      }),
    );
    // The bytes are copied once into buffers of their own and moved, not copied again.
    const body = new Uint8Array(job.body);
    const annex = 'annex' in job && job.annex ? new Uint8Array(job.annex) : undefined;
    worker.postMessage({ ...job, body, ...(annex ? { annex } : {}) }, [
      body.buffer,
      ...(annex ? [annex.buffer] : []),
    ]);
  });
}

// In a worker started above: take the one job, run it, send the result back (the workbook's
// bytes moved, not copied).
if (!isMainThread && parentPort && (workerData as Record<string, unknown> | null)?.[MARK]) {
  const port = parentPort;
  port.once('message', (job: Job) => {
    void import('./jobs.js').then(async ({ runJob }) => {
      const result = await runJob(job);
      port.postMessage(result, result.ok && result.xlsx ? [result.xlsx.buffer as ArrayBuffer] : []);
    });
  });
}
