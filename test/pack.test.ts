import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newestMtime } from '../scripts/cli-bundle.js';
import { ensureCliBuilt, EXAMPLES_DIR, ROOT, tempDir } from './helpers.js';

/**
 * The published packages as a new user gets them: each packed with pnpm (workspace: versions
 * and publishConfig applied), the tarballs installed with npm into one temporary project, and a
 * consumer type-checked with skipLibCheck off and run — ESM (.mts) and CommonJS (.cts) under
 * module nodenext and node16, and an ESM file under moduleResolution bundler, bundled by esbuild.
 * The CLI's tarball gives a working `phuluc` bin.
 */
const PACKAGES = ['rules', 'xlsx', 'cli'] as const;
const TSC = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
const esbuild = createRequire(join(ROOT, 'packages', 'cli', 'package.json'))(
  'esbuild',
) as typeof import('esbuild');
const EXAMPLE = join(EXAMPLES_DIR, 'muong-lay-2024.xlsx');

let tmp: ReturnType<typeof tempDir>;
const tarballs: Record<string, string> = {};
const project = () => join(tmp.dir, 'consumer');

function run(cmd: string, args: readonly string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} (${r.status}): ${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Build a library package's dist/ when missing or older than its sources. */
function ensureBuilt(pkg: 'rules' | 'xlsx'): void {
  const dir = join(ROOT, 'packages', pkg);
  const built = join(dir, 'dist', 'cjs', 'index.js');
  if (existsSync(built) && newestMtime(join(dir, 'src')) <= statSync(built).mtimeMs) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-package.mjs')], { cwd: dir });
}

function tsconfig(name: string, options: Record<string, unknown>, files: string[]): void {
  const compilerOptions = {
    target: 'ES2022',
    lib: ['ES2022'],
    strict: true,
    skipLibCheck: false,
    types: ['node'],
    ...options,
  };
  writeFileSync(
    join(project(), `tsconfig.${name}.json`),
    JSON.stringify({ compilerOptions, files }, null, 2),
  );
}

const EXPECTED = {
  layout: 'budget-allocation',
  code: 'sum/foot',
  expected: '7.645',
  sum: '0.3',
  fast: 'budget-allocation',
  exceljs: 'budget-allocation',
};

beforeAll(() => {
  ensureBuilt('rules');
  ensureBuilt('xlsx');
  ensureCliBuilt();
  tmp = tempDir();
  for (const p of PACKAGES) {
    const out = run(
      'npx',
      ['-y', 'pnpm@10.34.9', 'pack', '--pack-destination', tmp.dir],
      join(ROOT, 'packages', p),
    );
    tarballs[p] = out.trim().split('\n').pop()!.trim();
  }
  mkdirSync(join(project(), 'src'), { recursive: true });
  writeFileSync(join(project(), 'package.json'), '{ "name": "consumer", "private": true }\n');
  run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...PACKAGES.map((p) => tarballs[p]!),
      '@types/node@^20.19.0',
    ],
    project(),
  );
  copyFileSync(join(ROOT, 'test', 'consumer', 'esm.mts'), join(project(), 'src', 'esm.mts'));
  copyFileSync(join(ROOT, 'test', 'consumer', 'cjs.cts'), join(project(), 'src', 'cjs.cts'));
  copyFileSync(join(ROOT, 'test', 'consumer', 'esm.mts'), join(project(), 'src', 'bundler.ts'));
}, 300_000);
// Removing the project's node_modules (about 200 packages) can take a while on a busy machine.
afterAll(() => tmp?.cleanup(), 120_000);

describe('published packages', () => {
  it('hold dist/, README.md and LICENSE (and the rules their JSON Schemas) only', () => {
    for (const p of PACKAGES) {
      const files = run('tar', ['tzf', tarballs[p]!], tmp.dir).trim().split('\n');
      const allowed =
        /^package\/(package\.json|README\.md|LICENSE|dist\/.+|schema\/[a-z]+\.schema\.json)$/;
      expect(
        files.filter((f) => !allowed.test(f)),
        p,
      ).toEqual([]);
      expect(
        files.filter((f) => /\.test\.|__fixtures__|__tests__|tsconfig|\/src\//.test(f)),
        p,
      ).toEqual([]);
      for (const f of ['package/README.md', 'package/LICENSE']) expect(files, p).toContain(f);
      const pkg = JSON.parse(
        run('tar', ['xzfO', tarballs[p]!, 'package/package.json'], tmp.dir),
      ) as {
        engines?: { node?: string };
      };
      expect(pkg.engines?.node, p).toBe('>=20.19');
      const text = JSON.stringify(pkg);
      expect(text, p).not.toContain('workspace:');
      expect(text, p).not.toContain('@phuluc/source');
    }
  });

  it('type-check with skipLibCheck off and run as ESM and CommonJS under nodenext and node16', () => {
    for (const mode of ['NodeNext', 'Node16']) {
      const out = join('out', mode.toLowerCase());
      tsconfig(mode, { module: mode, moduleResolution: mode, outDir: out }, [
        'src/esm.mts',
        'src/cjs.cts',
      ]);
      run(process.execPath, [TSC, '-p', `tsconfig.${mode}.json`], project());
      for (const file of ['esm.mjs', 'cjs.cjs']) {
        const printed = run(process.execPath, [join(out, file), EXAMPLE], project());
        expect(JSON.parse(printed), `${mode} ${file}`).toEqual(EXPECTED);
      }
    }
    // The CommonJS consumer loaded the CommonJS build, the ESM one the ESM build.
    const req = createRequire(join(project(), 'package.json'));
    expect(req.resolve('@phuluc/rules')).toMatch(/dist[\\/]cjs[\\/]index\.js$/);
    // The JSON Schemas ship in the package, reachable through its exports.
    const schema = req('@phuluc/rules/schema/validate.schema.json') as { title?: string };
    expect(schema.title).toBe('phuluc validate report');
  }, 120_000);

  it('type-check with moduleResolution bundler and run once bundled', async () => {
    tsconfig('bundler', { module: 'ESNext', moduleResolution: 'Bundler', noEmit: true }, [
      'src/bundler.ts',
    ]);
    run(process.execPath, [TSC, '-p', 'tsconfig.bundler.json'], project());
    await esbuild.build({
      entryPoints: [join(project(), 'src', 'bundler.ts')],
      outfile: join(project(), 'out', 'bundler.mjs'),
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: ['exceljs', 'jszip'],
      logLevel: 'error',
    });
    const printed = run(process.execPath, [join('out', 'bundler.mjs'), EXAMPLE], project());
    expect(JSON.parse(printed)).toEqual(EXPECTED);
  }, 120_000);

  it('give a phuluc command that prints one JSON document', () => {
    const bin = join(project(), 'node_modules', '.bin', 'phuluc');
    const version = run(bin, ['--version'], project()).trim();
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    const r = spawnSync(
      bin,
      ['validate', join(EXAMPLES_DIR, 'muong-lay-2024-loi.xlsx'), '--format', 'json'],
      {
        cwd: project(),
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.status, r.stderr).toBe(1);
    expect(
      (JSON.parse(r.stdout) as { summary: { errors: number } }).summary.errors,
    ).toBeGreaterThan(0);
    expect(readdirSync(join(project(), 'node_modules', '@phuluc')).sort()).toEqual([
      'cli',
      'rules',
      'xlsx',
    ]);
  });
});
