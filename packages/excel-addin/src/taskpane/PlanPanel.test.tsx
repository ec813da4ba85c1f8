import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App.js';
import { PlanPanel } from './PlanPanel.js';
import { MemoryWorkbook, muongLayRows } from './test-workbook.js';
import type { Workbook } from '../workbook/types.js';
import { moreAction } from './test-actions.js';

const SEEDS = join(__dirname, '..', '..', '..', 'rules', 'src', 'plan', '__fixtures__');
const MUONG_LAY = readFileSync(join(SEEDS, '000-muong-lay-2024.txt'), 'utf8');

afterEach(cleanup);

async function openPanel(wb: MemoryWorkbook) {
  render(<App mode="office" workbook={wb} />);
  await waitFor(() => expect(screen.getByTestId('detected-layout').textContent).not.toBe('\u00a0'));
  fireEvent.click(moreAction('Đối chiếu kế hoạch'));
  return screen.findByRole('region', { name: 'Đối chiếu với văn bản kế hoạch' });
}

function paste(panel: HTMLElement, text: string) {
  fireEvent.change(within(panel).getByRole('textbox'), { target: { value: text } });
  fireEvent.click(within(panel).getByRole('button', { name: 'Đối chiếu' }));
}

describe('the plan panel', () => {
  it('reads the pasted Mường Lay plan and finds that it agrees with the active sheet', async () => {
    const wb = new MemoryWorkbook({ PL01: muongLayRows() });
    const panel = await openPanel(wb);
    expect(within(panel).getByRole('button', { name: 'Đối chiếu' })).toHaveProperty(
      'disabled',
      true,
    );
    paste(panel, MUONG_LAY);
    expect(await within(panel).findByTestId('plan-agree')).toHaveProperty(
      'textContent',
      'Kế hoạch và trang PL01 khớp nhau.',
    );
    const result = within(panel).getByTestId('plan-result');
    expect(result.textContent).toContain('Kinh phí trong kế hoạch (8 khoản)');
    expect(
      [...result.querySelectorAll('[data-plan-line]')].map((e) => e.getAttribute('data-plan-line')),
    ).toEqual(['119', '139', '164', '185', '198', '210', '238', '260', '271']);
    expect(result.textContent).toContain('7.645 triệu đồng');
  });

  it('shows a mismatch at its annex cell and selects the cell on click; text-only issues show their line', async () => {
    const rows = muongLayRows();
    (rows[5] as unknown[])[2] = 3100; // C6: Dự án 2
    const wb = new MemoryWorkbook({ PL01: rows });
    const panel = await openPanel(wb);
    const lines = MUONG_LAY.split('\n');
    lines[184] = (lines[184] as string).replace('197', '297'); // line 185: DA4 TDA3 no longer foots
    paste(panel, lines.join('\n'));
    const result = await within(panel).findByTestId('plan-result');
    const total = result.querySelector('[data-code="plan/total-mismatch"]');
    expect(total?.getAttribute('data-line')).toBe('271');
    expect(total?.textContent).toContain('dòng 271');
    const cell = result.querySelector<HTMLButtonElement>(
      'button[data-code="plan/annex-mismatch"][data-issue-cell="C6"]',
    );
    expect(cell?.textContent).toContain('Ô C6 ghi kinh phí DA2 là 3.100 triệu đồng');
    fireEvent.click(cell!);
    await waitFor(() => expect(wb.callsOf('selectCell')).toContainEqual(['PL01', 'C6']));
    fireEvent.click(screen.getByTestId('lang-toggle'));
    expect(cell?.textContent).toContain('Cell C6 gives the amount of DA2 as 3,100 million đồng');
  });

  it('says so when the text has no amount', async () => {
    const panel = await openPanel(new MemoryWorkbook({ PL01: muongLayRows() }));
    paste(panel, 'Kế hoạch truyền thông: không có số liệu.');
    expect(
      (await within(panel).findAllByText(/Không tìm thấy khoản kinh phí nào/)).length,
    ).toBeGreaterThan(0);
    expect(
      within(panel).getByTestId('plan-result').querySelector('[data-code="plan/missing-in-plan"]'),
    ).toBeTruthy();
  });

  it('in the browser preview, opens a .docx through mammoth and a .txt as text', async () => {
    const wb = new MemoryWorkbook({ PL01: muongLayRows() });
    const preview = Object.assign(Object.create(wb) as Workbook, { kind: 'preview' as const });
    render(
      <PlanPanel workbook={preview} sheet="PL01" onSelectCell={() => {}} onClose={() => {}} />,
    );
    const input = screen.getByTestId('plan-file-input') as HTMLInputElement;
    const docx = await makeDocx(MUONG_LAY.split('\n'));
    fireEvent.change(input, { target: { files: [new File([docx as BlobPart], 'ke-hoach.docx')] } });
    expect(await screen.findByTestId('plan-file-name')).toHaveProperty(
      'textContent',
      'Đã đọc: ke-hoach.docx',
    );
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toContain(
      'Kinh phi thuc hién: 3.154 triéu ddng',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Đối chiếu' }));
    expect(await screen.findByTestId('plan-agree')).toBeTruthy();

    fireEvent.change(input, {
      target: {
        files: [
          new File(['1. Dự án 2\nKinh phí thực hiện: 3.154 triệu đồng'], 'kh.txt', {
            type: 'text/plain',
          }),
        ],
      },
    });
    await waitFor(() =>
      expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toContain(
        '3.154 triệu đồng',
      ),
    );

    fireEvent.change(input, {
      target: {
        files: [
          new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9]) as BlobPart], 'hong.docx'),
        ],
      },
    });
    expect((await screen.findByTestId('plan-error')).textContent).toContain(
      'Không đọc được tệp Word “hong.docx”',
    );
  });
});

/** A minimal .docx, zipped with the jszip that exceljs depends on. */
async function makeDocx(paragraphs: readonly string[]): Promise<Uint8Array> {
  const req = createRequire(
    createRequire(join(__dirname, '..', '..', 'package.json')).resolve('exceljs'),
  );
  const JSZip = req('jszip') as new () => {
    file(n: string, d: string): void;
    generateAsync(o: { type: 'uint8array' }): Promise<Uint8Array>;
  };
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`)
    .join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}
