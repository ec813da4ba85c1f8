/**
 * The pane's Web Worker: parsing, validation and fill run here, off the page's thread, so the
 * pane keeps painting (its progress bar, its cancel button) while a 20 000-row sheet is checked.
 */
import '../taskpane/zod-csp.js';
import { handle, newEngineState } from './handle.js';
import type { Envelope, Reply } from './protocol.js';
import { errorReply } from './errors.js';

const state = newEngineState();
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Envelope>) => void) | null;
  postMessage(message: Reply, transfer?: Transferable[]): void;
};

scope.onmessage = (e) => {
  const { id, request } = e.data;
  handle(state, request).then(
    (value) => {
      // The download's bytes move, not copy.
      const transfer = value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : [];
      const inner = (value as { result?: unknown } | null)?.result;
      if (inner instanceof Uint8Array) transfer.push(inner.buffer as ArrayBuffer);
      scope.postMessage({ id, ok: true, value }, transfer);
    },
    (error: unknown) => scope.postMessage({ id, ...errorReply(error) }),
  );
};
