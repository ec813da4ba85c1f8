/**
 * The page's side of the engine: requests go to a module Web Worker (served from the pane's own
 * origin: CSP `worker-src 'self'`), or — where no worker can run (tests in jsdom) — to the same
 * handler in the page, one macrotask later.
 */
import { abortError, reviveError } from './errors.js';
import type { Answers, Envelope, Reply, Request } from './protocol.js';

/** Options of one request. */
export interface RequestOptions {
  /** Abort: the request rejects at once with an `AbortError`. */
  readonly signal?: AbortSignal;
  /** Buffers to move to the worker instead of copying (a file's bytes). */
  readonly transfer?: Transferable[];
}

/** Sends requests to the engine and returns its answers. */
export interface Engine {
  request<R extends Request>(request: R, options?: RequestOptions): Promise<Answers[R['op']]>;
  /**
   * Whether cancelling stops the work itself (a stateless engine restarts its worker) or only
   * drops its answer (an engine holding an open workbook finishes it in the background).
   */
  readonly stateless: boolean;
  /** Stop the worker. */
  dispose(): void;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void };

function makeWorker(): Worker {
  return new Worker(new URL('./pane.worker.ts', import.meta.url), { type: 'module' });
}

class WorkerEngine implements Engine {
  private worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(readonly stateless: boolean) {
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = makeWorker();
    worker.onmessage = (e: MessageEvent<Reply>) => {
      const reply = e.data;
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(reviveError(reply.error));
    };
    worker.onerror = (e) => {
      const error = new Error(e.message || 'worker failed');
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    return worker;
  }

  request<R extends Request>(request: R, options: RequestOptions = {}): Promise<Answers[R['op']]> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError());
    const id = this.next++;
    return new Promise<Answers[R['op']]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      signal?.addEventListener(
        'abort',
        () => {
          if (!this.pending.has(id)) return;
          this.pending.delete(id);
          reject(abortError());
          // A stateless worker holds nothing worth keeping: stop the work itself.
          if (this.stateless) this.restart();
        },
        { once: true },
      );
      const envelope: Envelope = { id, request };
      this.worker.postMessage(envelope, options.transfer ?? []);
    });
  }

  private restart(): void {
    this.worker.terminate();
    const error = abortError();
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    this.worker = this.start();
  }

  dispose(): void {
    this.worker.terminate();
    this.pending.clear();
  }
}

class LocalEngine implements Engine {
  readonly stateless = false;
  private readonly state = import('./handle.js').then((m) => ({
    handle: m.handle,
    state: m.newEngineState(),
  }));

  async request<R extends Request>(
    request: R,
    options: RequestOptions = {},
  ): Promise<Answers[R['op']]> {
    const { signal } = options;
    // Let the page paint (busy state, progress) before the work starts.
    await new Promise((ok) => setTimeout(ok, 0));
    if (signal?.aborted) throw abortError();
    const { handle, state } = await this.state;
    const value = await handle(state, request);
    if (signal?.aborted) throw abortError();
    return value;
  }

  dispose(): void {}
}

/**
 * An engine: in a Web Worker where the page can start one, else in the page.
 *
 * @param stateless whether the engine holds no workbook (Excel: the page reads the grids), so
 *   that cancelling may restart its worker
 */
export function createEngine(stateless: boolean): Engine {
  if (typeof Worker === 'undefined') return new LocalEngine();
  return new WorkerEngine(stateless);
}
