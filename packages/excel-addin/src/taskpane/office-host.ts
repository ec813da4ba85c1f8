/**
 * Which host the pane runs in, decided once from Office.js: inside Office, `Office.onReady`
 * reports the host however long office.js takes to load (no timeout: a slow Excel is still
 * Excel); the browser preview runs only when there is no Office host at all.
 */

/** The part of the `Office` global this needs. */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
}

/**
 * The host's name (`'Excel'`, …) or null outside Office: Office.js is absent (not loaded), or
 * loaded in a plain browser where `onReady` reports no host.
 *
 * @example
 * await officeHost(globalThis.Office); // 'Excel' in Excel, null in a browser
 */
export async function officeHost(office: OfficeLike | undefined): Promise<string | null> {
  if (!office || typeof office.onReady !== 'function') return null;
  const info = await office.onReady();
  return info?.host ? String(info.host) : null;
}

/**
 * Remove the plain-HTML "this Excel cannot run the pane" message of taskpane.html (once this
 * script runs, the webview can run the pane) and keep its loading line showing.
 */
export function dropUnsupportedNotice(doc: Document): void {
  doc.getElementById('phuluc-unsupported')?.remove();
  // The loading line stays until the pane renders over it, however long office.js takes.
  doc.getElementById('phuluc-loading')?.classList.add('phuluc-running');
}
