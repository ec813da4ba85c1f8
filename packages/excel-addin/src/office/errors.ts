/**
 * Office errors → message keys of the pane. The pane shows `t(key, params, lang)`; the raw
 * error text goes only into `detail` for the unknown case.
 */
import type { MessageKey } from '@phuluc/rules';

/** A message of the catalogue to show for an error. */
export interface ErrorMessage {
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, string | number>>;
}

/** An error the pane raises itself with a ready message. */
export class PaneError extends Error {
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, string | number>>;
  constructor(key: MessageKey, params: Readonly<Record<string, string | number>> = {}) {
    super(key);
    this.name = 'PaneError';
    this.key = key;
    this.params = params;
  }
}

function codeOf(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'code' in e)
    return String((e as { code: unknown }).code);
  return '';
}

/**
 * The message for an error thrown by Excel (an `OfficeExtension.Error` with a `code`), by the
 * pane, or by anything else.
 */
export function errorMessage(e: unknown): ErrorMessage {
  if (e instanceof PaneError) return { key: e.key, params: e.params };
  if (
    typeof e === 'object' &&
    e !== null &&
    'key' in e &&
    typeof (e as { key: unknown }).key === 'string'
  ) {
    const key = (e as { key: string }).key;
    if (key.startsWith('pane.') || key.startsWith('cli.')) {
      // An XlsxError carries its message's parameters (size, limit, ratio).
      const params = (e as { params?: unknown }).params;
      return {
        key: key as MessageKey,
        params:
          typeof params === 'object' && params !== null
            ? (params as Record<string, string | number>)
            : {},
      };
    }
  }
  switch (codeOf(e)) {
    case 'InvalidOperationInCellEditMode':
      return { key: 'pane.error.cellEdit', params: {} };
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return { key: 'pane.error.payload', params: {} };
    case 'ApiNotFound':
      return { key: 'pane.error.apiNotFound', params: { set: '1.13' } };
    case 'ItemNotFound':
    case 'InvalidReference':
      return { key: 'pane.error.notFound', params: {} };
    case 'AccessDenied':
      return { key: 'pane.error.protected', params: {} };
    case 'ItemAlreadyExists':
      return { key: 'pane.error.sheetExists', params: { sheet: '' } };
    default: {
      const detail = e instanceof Error ? e.message : String(e);
      return { key: 'pane.error.unknown', params: { detail } };
    }
  }
}
