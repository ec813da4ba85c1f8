import { cpSync, createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { loadingHtml } from './src/taskpane/loading-html.js';

const here = dirname(fileURLToPath(import.meta.url));
const officeJsDist = join(here, 'node_modules', '@microsoft', 'office-js', 'dist');

/** Microsoft requires store add-ins to load Office.js from its CDN. */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Local copy of the @microsoft/office-js package (dev server, `--mode preview` builds, e2e). */
export const OFFICE_JS_LOCAL = 'office-js/office.js';

/**
 * The pane's Content-Security-Policy. Only the Office.js origin is added to script-src in a
 * production build; Fluent UI (griffel) needs inline styles; nothing may connect elsewhere.
 */
export function contentSecurityPolicy(kind: 'cdn' | 'local' | 'dev'): string {
  const script = ["'self'"];
  if (kind === 'cdn') script.push('https://appsforoffice.microsoft.com');
  // The dev server injects React Fast Refresh's preamble as an inline module script.
  if (kind === 'dev') script.push("'unsafe-inline'");
  return [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    "connect-src 'self'",
    // The engine's Web Worker (parse, validate, fill) is a script of the pane's own origin.
    "worker-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

/**
 * Where Office.js comes from. `vite build` (mode production) → Microsoft's CDN;
 * `vite` (dev), `vite preview` of a `--mode preview` build, and the e2e → a local copy served
 * from node_modules/@microsoft/office-js/dist at /office-js/.
 */
function officeJs(): Plugin {
  let kind: 'cdn' | 'local' | 'dev' = 'cdn';
  let outDir = 'dist';
  return {
    name: 'phuluc:office-js',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      if (config.command === 'serve') kind = 'dev';
      else kind = config.mode === 'production' ? 'cdn' : 'local';
    },
    transformIndexHtml: {
      // 'post': after Vite's own HTML processing, so the classic office.js script is left alone.
      order: 'post',
      handler(html) {
        const src =
          kind === 'cdn' ? OFFICE_JS_CDN : `${kind === 'dev' ? '/' : './'}${OFFICE_JS_LOCAL}`;
        return html
          .replace(
            '<!-- %PHULUC_OFFICE_JS% -->',
            `<script type="text/javascript" src="${src}"></script>`,
          )
          .replace('%PHULUC_CSP%', contentSecurityPolicy(kind))
          .replace('%PHULUC_LOADING%', loadingHtml());
      },
    },
    configureServer(server) {
      server.middlewares.use('/office-js', (req, res, next) => {
        const path = normalize(
          join(officeJsDist, decodeURIComponent((req.url ?? '/').split('?')[0]!)),
        );
        if (!path.startsWith(officeJsDist + sep) || !existsSync(path) || !statSync(path).isFile()) {
          next();
          return;
        }
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        createReadStream(path).pipe(res);
      });
    },
    closeBundle() {
      if (kind !== 'local') return;
      // office.js itself, its script loaders and the strings of the locales the pane speaks.
      cpSync(officeJsDist, join(outDir, 'office-js'), {
        recursive: true,
        filter: (src) => {
          const rel = src.slice(officeJsDist.length + 1);
          if (rel === '') return true;
          if (!rel.includes(sep)) {
            if (!rel.endsWith('.js')) return ['en-us', 'vi-vn'].includes(rel.toLowerCase());
            return (
              !rel.endsWith('.debug.js') && !rel.startsWith('outlook') && !rel.startsWith('onenote')
            );
          }
          return true;
        },
      });
    },
  };
}

/** The bundled sample workbook the first-run card offers, served beside the pane. */
export const SAMPLE_FILE = 'samples/muong-lay-2024-loi.xlsx';
const sampleSource = join(here, '..', '..', 'examples', 'muong-lay-2024-loi.xlsx');

/**
 * Ships `examples/muong-lay-2024-loi.xlsx` (the example with planted mistakes) as
 * {@link SAMPLE_FILE}: emitted into the build, served by the dev server. One copy in the repo.
 */
function sampleFile(): Plugin {
  return {
    name: 'phuluc:sample-file',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: SAMPLE_FILE, source: readFileSync(sampleSource) });
    },
    configureServer(server) {
      server.middlewares.use(`/${SAMPLE_FILE}`, (_req, res) => {
        res.setHeader(
          'Content-Type',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
        createReadStream(sampleSource).pipe(res);
      });
    },
  };
}

/** HTTPS for sideloading (Office requires it) when office-addin-dev-certs has made a certificate. */
function devHttps(): { key: Buffer; cert: Buffer; ca?: Buffer } | undefined {
  const dir = join(homedir(), '.office-addin-dev-certs');
  const key = join(dir, 'localhost.key');
  const cert = join(dir, 'localhost.crt');
  if (!existsSync(key) || !existsSync(cert)) return undefined;
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/**
 * `vite build` → dist/ (Office.js from Microsoft's CDN, for deployment).
 * `vite build --mode preview` → dist/preview/ (local Office.js; what the e2e serves offline).
 */
export default defineConfig(({ command, mode }) => ({
  base: './',
  plugins: [react(), officeJs(), sampleFile()],
  // The engine worker imports the rules and, on a file's first opening only, ExcelJS: ES format
  // so that the worker can split ExcelJS into a chunk of its own.
  worker: { format: 'es' },
  resolve: { conditions: ['@phuluc/source', ...defaultClientConditions] },
  server: { port: 3000, strictPort: true, https: command === 'serve' ? devHttps() : undefined },
  preview: { port: 3000, strictPort: true, https: devHttps() },
  build: {
    outDir: mode === 'preview' ? 'dist/preview' : 'dist',
    emptyOutDir: true,
    rollupOptions: { input: { taskpane: join(here, 'taskpane.html') } },
    chunkSizeWarningLimit: 1500,
  },
}));
