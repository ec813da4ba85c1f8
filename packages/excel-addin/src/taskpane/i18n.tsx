/** The pane's language and a translator bound to it. Every string comes from the catalogue. */
import { createContext, useContext } from 'react';
import { formatValue, isMessageKey, t, type Lang, type MessageKey } from '@phuluc/rules';
import type { ErrorMessage } from '../office/errors.js';

export type Params = Readonly<Record<string, string | number>>;

export interface I18n {
  readonly lang: Lang;
  readonly tr: (key: MessageKey, params?: Params) => string;
}

export function makeI18n(lang: Lang): I18n {
  return { lang, tr: (key, params = {}) => t(key, params, lang) };
}

export const I18nContext = createContext<I18n>(makeI18n('vi'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Render an error message, falling back to the generic one for a key missing from the catalogue. */
export function renderError(i18n: I18n, message: ErrorMessage): string {
  if (isMessageKey(message.key)) return i18n.tr(message.key, message.params);
  return i18n.tr('pane.error.unknown', { detail: String(message.key) });
}

/** An issue's "needs …, found …" line, when it has both figures; null otherwise. */
export function expectedActual(
  i18n: I18n,
  issue: { readonly expected?: string; readonly actual?: string },
): string | null {
  if (issue.expected === undefined || issue.actual === undefined) return null;
  return i18n.tr('pane.issues.expected', {
    expected: formatValue(issue.expected, i18n.lang),
    actual: formatValue(issue.actual, i18n.lang),
  });
}
