// Offline checks of the repository's add-in manifest (no network: `pnpm validate` needs one),
// including validation against Microsoft's add-in manifest XSDs with xmllint compiled to wasm.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { DEV_ORIGIN, normalizeOrigin, productionManifest } from './manifest/production-manifest.js';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(pkg, '..', '..');
const manifestPath = join(repoRoot, 'manifest.xml');
/** Microsoft's XSDs: the copy in packages/excel-addin/xsd (source and licence there), or where PHULUC_XSD_DIR says. */
const xsdDir = process.env.PHULUC_XSD_DIR ?? join(repoRoot, 'packages', 'excel-addin', 'xsd');
const ROOT_XSD = 'OfficeAppManifestV1_1.xsd';

/** xmllint's verdict on a manifest against the TaskPane app manifest schema (and its imports). */
async function validateManifest(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  if (!existsSync(join(xsdDir, ROOT_XSD))) {
    throw new Error(
      `Microsoft's manifest XSDs are missing: expected ${join(xsdDir, ROOT_XSD)} ` +
        '(packages/excel-addin/xsd, or set PHULUC_XSD_DIR).',
    );
  }
  const files = readdirSync(xsdDir)
    .filter((f) => f.endsWith('.xsd'))
    .map((fileName) => ({ fileName, contents: readFileSync(join(xsdDir, fileName), 'utf8') }));
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: files.filter((f) => f.fileName === ROOT_XSD),
    preload: files.filter((f) => f.fileName !== ROOT_XSD),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
const xml = readFileSync(manifestPath, 'utf8');
const doc = new DOMParser().parseFromString(xml, 'application/xml');
const root = doc.documentElement;

/** The order of OfficeApp's children required by the add-in manifest schema (1.1). */
const ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'AllowSnapshot',
  'VersionOverrides',
];

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function allElements(): Element[] {
  return Array.from(doc.getElementsByTagName('*'));
}

describe('manifest.xml', () => {
  it('is well-formed XML', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(root.localName).toBe('OfficeApp');
    expect(root.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type')).toBe(
      'TaskPaneApp',
    );
  });

  it("keeps OfficeApp's children in schema order", () => {
    const names = Array.from(root.children).map((e) => e.localName);
    const positions = names.map((n) => ORDER.indexOf(n));
    expect(
      positions.every((p) => p >= 0),
      `unknown child in ${names.join(', ')}`,
    ).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const required of [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'Hosts',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ]) {
      expect(names).toContain(required);
    }
  });

  it("is valid against Microsoft's TaskPane app manifest schema (xmllint, offline)", async () => {
    const { valid, errors } = await validateManifest(xml);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check can fail: an empty <AppDomains/> is refused', async () => {
    const bad = xml.replace('<Hosts>', '<AppDomains/>\n  <Hosts>');
    const { valid, errors } = await validateManifest(bad);
    expect(valid).toBe(false);
    expect(errors.join('\n')).toMatch(/AppDomains/);
  });

  it('has a support page that is not the pane, and no empty AppDomains', () => {
    const support = root.getElementsByTagName('SupportUrl')[0]?.getAttribute('DefaultValue');
    expect(support).toBe('https://localhost:3000/support.html');
    expect(existsSync(join(pkg, 'public', 'support.html'))).toBe(true);
    expect(root.getElementsByTagName('AppDomains')).toHaveLength(0);
  });

  it('has a GUID id, the Workbook host, ExcelApi 1.13 and ReadWriteDocument', () => {
    const id = root.getElementsByTagName('Id')[0]?.textContent ?? '';
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const hosts = Array.from(root.children).find((e) => e.localName === 'Hosts');
    expect(hosts?.children[0]?.getAttribute('Name')).toBe('Workbook');
    const set = doc.getElementsByTagName('Set')[0];
    expect(set?.getAttribute('Name')).toBe('ExcelApi');
    // 1.13 keeps out Office 2019/2016 (ExcelApi ≤ 1.8), whose Trident/EdgeHTML webviews cannot
    // run the ES2022 bundle (README: host floor).
    expect(set?.getAttribute('MinVersion')).toBe('1.13');
    expect(doc.getElementsByTagName('Permissions')[0]?.textContent).toBe('ReadWriteDocument');
    const source = doc.getElementsByTagName('SourceLocation')[0];
    expect(source?.getAttribute('DefaultValue')).toBe('https://localhost:3000/taskpane.html');
  });

  it('puts a ShowTaskpane button on the Home tab', () => {
    const tab = allElements().find((e) => e.localName === 'OfficeTab');
    expect(tab?.getAttribute('id')).toBe('TabHome');
    const action = allElements().find((e) => e.localName === 'Action');
    expect(action?.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type')).toBe(
      'ShowTaskpane',
    );
    const resid = action?.getElementsByTagName('SourceLocation')[0]?.getAttribute('resid');
    const url = allElements().find((e) => e.localName === 'Url' && e.getAttribute('id') === resid);
    expect(url?.getAttribute('DefaultValue')).toBe('https://localhost:3000/taskpane.html');
  });

  it('points every URL at https://localhost:3000/', () => {
    const urls = allElements()
      .map((e) => e.getAttribute('DefaultValue') ?? '')
      .concat(allElements().flatMap((e) => Array.from(e.attributes).map((a) => a.value)))
      .filter(
        (v) =>
          /^[a-z]+:\/\//i.test(v) &&
          !v.startsWith('http://schemas.microsoft.com/') &&
          !v.startsWith('http://www.w3.org/'),
      );
    expect(urls.length).toBeGreaterThan(3);
    for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000\//);
  });

  it('references icons that exist in public/assets with the right pixel size', () => {
    const checks: { url: string; size: number }[] = [];
    const iconUrl = root.getElementsByTagName('IconUrl')[0]?.getAttribute('DefaultValue');
    const hiRes = root
      .getElementsByTagName('HighResolutionIconUrl')[0]
      ?.getAttribute('DefaultValue');
    if (iconUrl) checks.push({ url: iconUrl, size: 32 });
    if (hiRes) checks.push({ url: hiRes, size: 64 });
    const resources = allElements().filter(
      (e) => e.localName === 'Image' && e.getAttribute('DefaultValue'),
    );
    const bySize = new Map<string, number>();
    for (const img of allElements().filter(
      (e) => e.localName === 'Image' && e.getAttribute('size'),
    )) {
      bySize.set(img.getAttribute('resid') ?? '', Number(img.getAttribute('size')));
    }
    for (const img of resources) {
      const size = bySize.get(img.getAttribute('id') ?? '');
      expect(size, `bt:Image ${img.getAttribute('id')} is never used with a size`).toBeDefined();
      checks.push({ url: img.getAttribute('DefaultValue') ?? '', size: size ?? 0 });
    }
    expect(checks.length).toBeGreaterThanOrEqual(5);
    for (const { url, size } of checks) {
      const path = join(pkg, 'public', new URL(url).pathname);
      expect(existsSync(path), `${url} → ${path}`).toBe(true);
      expect(url).toMatch(/\.png$/);
      expect(pngSize(path)).toEqual({ width: size, height: size });
    }
    // the 64 px icon exists too (Office on Mac asks for it)
    expect(pngSize(join(pkg, 'public', 'assets', 'icon-64.png'))).toEqual({
      width: 64,
      height: 64,
    });
  });
});

describe('production manifest (build:manifest)', () => {
  it('moves every URL to the given HTTPS origin and stays schema-valid', async () => {
    const origin = normalizeOrigin('https://phuluc.so-ldtbxh.example.vn/addin');
    expect(origin).toEqual({ base: 'https://phuluc.so-ldtbxh.example.vn/addin/' });
    if (!('base' in origin)) return;
    const prod = productionManifest(xml, origin.base);
    expect(prod).not.toContain('localhost');
    expect(prod).toContain(
      '<SourceLocation DefaultValue="https://phuluc.so-ldtbxh.example.vn/addin/taskpane.html"/>',
    );
    const { valid, errors } = await validateManifest(prod);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });

  it('refuses origins Office cannot load, with a catalogue message', () => {
    expect(normalizeOrigin('http://example.vn')).toEqual({ problem: 'pane.manifest.notHttps' });
    expect(normalizeOrigin('example.vn')).toEqual({ problem: 'pane.manifest.badOrigin' });
    expect(normalizeOrigin('https://example.vn/?a=1')).toEqual({
      problem: 'pane.manifest.badOrigin',
    });
    expect(() => productionManifest('<OfficeApp/>', 'https://x.vn/')).toThrow(DEV_ORIGIN);
  });

  it('the build:manifest script writes a valid manifest file, and explains bad input without a stack trace', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'phuluc-manifest-')), 'manifest.xml');
    const script = ['--conditions=@phuluc/source', '--import', 'tsx', 'scripts/build-manifest.ts'];
    const stdout = execFileSync(
      process.execPath,
      [...script, '--origin', 'https://addin.example.vn', '--out', out],
      { cwd: pkg, encoding: 'utf8' },
    );
    expect(stdout).toMatch(/https:\/\/addin\.example\.vn\//);
    const written = readFileSync(out, 'utf8');
    expect(written).toContain('https://addin.example.vn/support.html');
    expect((await validateManifest(written)).valid).toBe(true);

    let stderr = '';
    let status = 0;
    try {
      execFileSync(process.execPath, [...script, '--origin', 'http://addin.example.vn'], {
        cwd: pkg,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      const err = e as { stderr: string; status: number };
      stderr = err.stderr;
      status = err.status;
    }
    expect(status).toBe(2);
    expect(stderr).toMatch(/phải dùng https:\/\//);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
