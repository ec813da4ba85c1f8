/**
 * Entry of taskpane.html. React mounts after `Office.onReady`: inside Excel the pane drives the
 * workbook; when Office.js reports no host (a plain browser) or is absent, the same pane runs as
 * a preview on a local .xlsx file, parsed and checked in a Web Worker.
 */
import './zod-csp.js';
import { createRoot } from 'react-dom/client';
import { createEngine } from '../engine/client.js';
import { App, type OpenFile } from './App.js';
import { dropUnsupportedNotice, officeHost } from './office-host.js';

/** The bundled sample (served beside the pane, see vite.config.ts). */
const SAMPLE = 'samples/muong-lay-2024-loi.xlsx';

const openFile: OpenFile = async (file) => {
  if (typeof Worker === 'undefined') {
    // No worker: ExcelJS (through @phuluc/xlsx) in the page, fetched only now.
    const { openPreviewWorkbook } = await import('../preview/preview-workbook.js');
    return openPreviewWorkbook(file);
  }
  const { WorkerPreviewSource } = await import('../preview/worker-source.js');
  return WorkerPreviewSource.open(createEngine(false), file);
};

const loadSample = async (): Promise<File> => {
  const response = await fetch(SAMPLE);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new File([await response.blob()], SAMPLE.split('/').pop()!);
};

async function main(): Promise<void> {
  dropUnsupportedNotice(document);
  const host = await officeHost(typeof Office === 'undefined' ? undefined : Office);
  const root = createRoot(document.getElementById('root')!);
  if (host === 'Excel') {
    // The Office adapter only inside Excel, as ExcelJS only in the preview: each host loads its own.
    const { OfficeWorkbook } = await import('../workbook/office-workbook.js');
    root.render(<App mode="office" workbook={new OfficeWorkbook()} />);
  } else {
    root.render(<App mode="preview" openFile={openFile} loadSample={loadSample} />);
  }
}

void main();
