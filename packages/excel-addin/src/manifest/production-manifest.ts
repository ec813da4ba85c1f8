/**
 * The production manifest: the repository's `manifest.xml` (every URL on the development server
 * `https://localhost:3000/`) rewritten for the HTTPS origin where an office serves the built pane.
 */

/** The development server every URL of `manifest.xml` points at. */
export const DEV_ORIGIN = 'https://localhost:3000/';

/** Why an origin was refused (a key of the message catalogue). */
export type OriginProblem = 'pane.manifest.badOrigin' | 'pane.manifest.notHttps';

/**
 * The base URL the pane is served from, ending in `/`, or the reason it cannot be one: it must be
 * an absolute `https://` URL without query, fragment or credentials (Office loads add-ins over
 * HTTPS only). A path is kept, so the pane may live in a folder of an existing site.
 *
 * @example
 * normalizeOrigin('https://phuluc.so-ldtbxh.gov.vn/addin'); // { base: 'https://phuluc.so-ldtbxh.gov.vn/addin/' }
 */
export function normalizeOrigin(
  origin: string,
): { readonly base: string } | { readonly problem: OriginProblem } {
  let url: URL;
  try {
    url = new URL(origin.trim());
  } catch {
    return { problem: 'pane.manifest.badOrigin' };
  }
  if (url.protocol !== 'https:') return { problem: 'pane.manifest.notHttps' };
  if (url.search || url.hash || url.username || url.password || !url.hostname)
    return { problem: 'pane.manifest.badOrigin' };
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { base: `${url.origin}${path}` };
}

function escapeXmlAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * `manifest.xml` with every development URL moved to `base` (from {@link normalizeOrigin}), and
 * the comment that names the development server replaced. Throws when the manifest holds no
 * development URL (it would not be the repository's manifest).
 *
 * @example
 * productionManifest(xml, 'https://addin.example.vn/'); // SourceLocation → https://addin.example.vn/taskpane.html
 */
export function productionManifest(devManifest: string, base: string): string {
  if (!devManifest.includes(DEV_ORIGIN)) throw new Error(`no ${DEV_ORIGIN} URL in the manifest`);
  return devManifest
    .replace(
      /Development server: https:\/\/localhost:3000 \(packages\/excel-addin\)\./,
      `Production build served from ${base.replace(/--/g, '-')}.`,
    )
    .split(DEV_ORIGIN)
    .join(escapeXmlAttribute(base));
}
