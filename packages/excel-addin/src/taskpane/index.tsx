/**
 * Entry of taskpane.html. React mounts after `Office.onReady`: inside Excel the pane drives the
 * workbook; when Office.js reports no host (a plain browser) or is absent, the same pane runs as
 * a preview on a local .xlsx file.
 */
import './zod-csp.js';
import { createRoot } from 'react-dom/client';
import { App, type OpenFile } from './App.js';
import { dropUnsupportedNotice, officeHost } from './office-host.js';

const openFile: OpenFile = async (file) => {
  // ExcelJS (through @phuluc/xlsx) is fetched only now: the initial JS stays small.
  const { openPreviewWorkbook } = await import('../preview/preview-workbook.js');
  return openPreviewWorkbook(file);
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
    root.render(<App mode="preview" openFile={openFile} />);
  }
}

void main();
