import { writeFileSync, existsSync, readFileSync } from 'node:fs';
import * as zlib from 'node:zlib'; import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { benchWorkbook } from './bench/generate.ts';
import { writeCells, openXlsx } from './packages/xlsx/src/index.ts';
import { openZip } from './packages/xlsx/src/fast/zip.ts';
import { crc32 } from './packages/xlsx/src/surgical/crc32.ts';
import { patchSheet } from './packages/xlsx/src/surgical/sheet-patch.ts';
const f = '/tmp/bench16-100k.xlsx';
if (!existsSync(f)) writeFileSync(f, new Uint8Array((await benchWorkbook('budget-allocation', 100000).xlsx.writeBuffer()) as ArrayBuffer));
const bytes = new Uint8Array(readFileSync(f));
const inflateRaw = (d: Uint8Array, max: number) => inflateRawSync(d, { maxOutputLength: Math.max(1, max), chunkSize: Math.max(64, max) });
const r = openXlsx(bytes, inflateRaw).readSheet(0); if (!('grid' in r)) throw 0;
const grid = r.grid;
const edits = new Map<number, Map<number, any>>();
for (let i = 10; i < grid.cells.length; i++) edits.set(i + 1, new Map([[4, { kind: 'value', value: i }]]));
const t = <T,>(name: string, fn: () => T): T => { const t0 = performance.now(); const v = fn(); console.log(name, Math.round(performance.now() - t0)); return v; };
for (let k = 0; k < 2; k++) {
  t('fast read', () => openXlsx(bytes, inflateRaw).readSheet(0));
  const zip = openZip(bytes, inflateRaw);
  const xml = t('inflate+decode', () => zip.text('xl/worksheets/sheet1.xml')!);
  const out = t('patch', () => patchSheet(xml, edits, { part: 'p', sheet: 's', tables: [], sharedIndex: () => 0, inlineStrings: false }));
  const enc = t('encode', () => new TextEncoder().encode(out));
  t('deflate6', () => deflateRawSync(enc));
  t('deflate1', () => deflateRawSync(enc, { level: 1 }));
  t('crc', () => crc32(enc));
  const codec = { inflateRaw, deflateRaw: (d: Uint8Array) => deflateRawSync(d, { level: 3 }), crc32: (zlib as any).crc32 };
  t('writeCells', () => writeCells(bytes, new Map([[grid.name, edits]]), codec));
  console.log('xml MB', (enc.length / 1e6).toFixed(1));
}
{
  const zip = openZip(bytes, inflateRaw);
  const xml = zip.text('xl/worksheets/sheet1.xml')!;
  for (let k = 0; k < 2; k++) {
    t('scan only', () => patchSheet(xml, new Map([[1, new Map([[1, { kind: 'value', value: 1 }]])]]), { part: 'p', sheet: 's', tables: [], sharedIndex: () => 0, inlineStrings: false }));
    t('patch all', () => patchSheet(xml, edits, { part: 'p', sheet: 's', tables: [], sharedIndex: () => 0, inlineStrings: false }));
  }
}
