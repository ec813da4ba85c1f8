import { cliMessages } from './cli.js';
import { issueMessages } from './issues.js';
import { paneMessages } from './pane.js';
import { paneShellMessages } from './pane-shell.js';
import { planMessages } from './plan.js';
import type { Lang, MessageTemplate } from './types.js';
import type { LocalizedText } from '../check/types.js';

const catalogue = {
  ...issueMessages,
  ...planMessages,
  ...cliMessages,
  ...paneMessages,
  ...paneShellMessages,
} as const;

/** Every key of the message catalogue. */
export type MessageKey = keyof typeof catalogue;

/** Parameters substituted into a message's `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

function render(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * Render one message of the catalogue in one language.
 *
 * @example
 * t('cli.summary', { errors: 1, warnings: 0, infos: 2 }, 'vi');
 */
export function t(key: MessageKey, params: MessageParams = {}, lang: Lang = 'vi'): string {
  const entry: MessageTemplate = catalogue[key];
  return render(entry[lang], params);
}

/** Render one message in both languages. */
export function localized(key: MessageKey, params: MessageParams = {}): LocalizedText {
  return { vi: t(key, params, 'vi'), en: t(key, params, 'en') };
}

/** Whether a string is a key of the catalogue. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}
