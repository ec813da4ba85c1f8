/**
 * `pnpm --filter @phuluc/excel-addin build:manifest --origin https://addin.example.vn/ [--out file]`
 * writes the production manifest: manifest.xml with every URL on that HTTPS origin (default
 * output `dist/manifest.xml`, beside the built pane). Messages come from the catalogue, in
 * Vietnamese then English; bad input exits with status 2 and no stack trace.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { t, type MessageKey, type MessageParams } from '@phuluc/rules';
import { normalizeOrigin, productionManifest } from '../src/manifest/production-manifest.js';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');

function say(key: MessageKey, params: MessageParams = {}): string {
  return `${t(key, params, 'vi')}\n${t(key, params, 'en')}`;
}

function fail(key: MessageKey, params: MessageParams = {}): never {
  process.stderr.write(`${say(key, params)}\n`);
  process.exit(2);
}

function main(): void {
  let values: { origin?: string | undefined; out?: string | undefined };
  try {
    ({ values } = parseArgs({
      options: { origin: { type: 'string' }, out: { type: 'string' } },
      allowPositionals: false,
    }));
  } catch {
    fail('pane.manifest.usage');
  }
  if (!values.origin) fail('pane.manifest.usage');
  const origin = normalizeOrigin(values.origin);
  if ('problem' in origin) fail(origin.problem, { origin: values.origin });
  const out = resolve(values.out ?? join(pkg, 'dist', 'manifest.xml'));
  const xml = productionManifest(
    readFileSync(join(pkg, '..', '..', 'manifest.xml'), 'utf8'),
    origin.base,
  );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, xml);
  process.stdout.write(`${say('pane.manifest.written', { file: out, origin: origin.base })}\n`);
}

main();
