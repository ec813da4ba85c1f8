/**
 * The loading line of taskpane.html, filled in at build time (vite.config.ts): shown while
 * office.js starts and the pane's script loads, replaced by the pane when it renders.
 */
// The catalogue's file itself (strings and types only): the build config reads it before any build.
import { paneMessages } from '../../../rules/src/messages/pane.js';

/**
 * The catalogue's `pane.loading` in both languages, Vietnamese first (the language toggle is not
 * on the page yet).
 */
export function loadingHtml(): string {
  const { vi, en } = paneMessages['pane.loading'];
  return `${vi} <span lang="en">${en}</span>`;
}
