/**
 * The fast reader on workbooks written part by part: what Excel and other programs write but
 * ExcelJS does not (inline strings, cells without `r`, shared formulas as Excel writes them,
 * styles.xml oddities, sheets listed in odd ways), compared with ExcelJS; and the few places
 * where the fast reader deliberately reads what ExcelJS cannot.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits.js';
import {
  codesOf,
  expectSameAsExcelJS,
  handMadeXlsx,
  openFast,
  REL_HYPERLINK,
  relsXml,
  sheetXml,
  workbookXml,
} from './__tests__/helpers.js';

/** A styles.xml with the given `cellXfs` items, fonts and borders. */
function stylesXml({
  xfs,
  numFmts = '',
  fonts = '<font><sz val="11"/></font><font><b/></font><font><b val="0"/><i val="false"/></font>',
  borders = '<border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right/><top/><bottom/><diagonal/></border>',
}: {
  xfs: string;
  numFmts?: string;
  fonts?: string;
  borders?: string;
}): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<numFmts>${numFmts}</numFmts><fonts>${fonts}</fonts>` +
    `<fills><fill><patternFill patternType="none"/></fill></fills><borders>${borders}</borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs>${xfs}</cellXfs>` +
    `<dxfs count="1"><dxf><font><b/></font><border><left/><vertical/></border></dxf></dxfs>` +
    `<extLst><ext uri="x"><x14:slicerStyles xmlns:x14="y" defaultSlicerStyle="z"/></ext></extLst>` +
    `</styleSheet>`
  );
}

function sst(...items: string[]): string {
  return `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}">${items.join('')}</sst>`;
}

describe('hand-written workbooks, read as ExcelJS reads them', () => {
  it('a workbook as Excel writes it', async () => {
    const sheet = sheetXml(
      '<row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1"/><c r="C1" s="1"/></row>' +
        '<row r="3" spans="1:4" ht="30" customHeight="1"><c r="A3" t="s"><v>1</v></c><c r="B3" s="2"><v>1469</v></c><c r="C3" s="3"><v>0.25</v></c><c r="D3" s="4"><v>45352</v></c></row>' +
        '<row r="4" spans="1:4"><c r="A4" t="s"><v>2</v></c><c r="B4" s="2"><f>SUM(B3:B3)</f><v>1469</v></c><c r="C4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D4" t="str"><f>A4&amp;"!"</f><v>Tổng&amp;amp;!</v></c></row>' +
        '<row r="5"><c r="B5" t="b"><f>B4&gt;0</f><v>1</v></c><c r="C5"><f t="shared" ref="C5:C7" si="0">B5*2</f><v>2</v></c></row>' +
        '<row r="6" hidden="1"><c r="C6"><f t="shared" si="0"/><v>0</v></c></row>' +
        '<row r="7"><c r="C7"><f t="shared" si="0"/></c></row>',
      {
        before:
          '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:D7"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="B3" sqref="B3"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="1" width="6" customWidth="1"/><col min="3" max="4" width="0" hidden="1" customWidth="1"/></cols>',
        after:
          '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/><extLst><ext uri="{x}"><x14:conditionalFormattings xmlns:x14="y"/></ext></extLst>',
      },
    ).replace('<worksheet ', '<worksheet xmlns:x14ac="urn:x14ac" ');
    await expectSameAsExcelJS(
      await handMadeXlsx(sheet, {
        'xl/workbook.xml': workbookXml(
          '<sheet name="PL01" sheetId="1" r:id="rId1"/>',
          'defaultThemeVersion="166925"',
        ).replace(
          '<sheets>',
          '<bookViews><workbookView xWindow="0" activeTab="0"/></bookViews><sheets>',
        ),
        'xl/sharedStrings.xml': sst(
          '<si><t>PHỤ LỤC SỐ 01</t></si>',
          '<si><t xml:space="preserve">Dự án 2 </t></si>',
          '<si><r><rPr><b/><sz val="11"/></rPr><t>Tổng</t></r><r><t xml:space="preserve"> cộng</t></r></si>',
        ),
        'xl/styles.xml': stylesXml({
          numFmts: '<numFmt numFmtId="164" formatCode="#,##0.000"/>',
          xfs:
            '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
            '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
            '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>' +
            '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
            '<xf numFmtId="14" fontId="2" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
        }),
      }),
    );
  });

  it('inline strings, rich inline strings, "str" cells, entities, _x escapes, comments, CDATA', async () => {
    await expectSameAsExcelJS(
      await handMadeXlsx(
        sheetXml(
          '<row r="1">' +
            '<c r="A1" t="inlineStr"><is><t xml:space="preserve"> Tổng  cộng </t></is></c>' +
            '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>a_x0041_</t></r><r><t>b</t></r></is></c>' +
            '<c r="C1" t="inlineStr"><is><t>_x0041_ &#7840;&#x1EA0; &lt;&amp;&gt;&quot;&apos;</t></is></c>' +
            '<c r="D1" t="str"><v>a&amp;lt;b&amp;#65;&amp;amp;</v></c>' +
            '<c r="E1"><v>1<!-- a comment -->2</v></c>' +
            '<c r="F1"><v><![CDATA[5]]></v></c>' +
            '<c r="G1" t="inlineStr"><is><t></t></is></c>' +
            '<c r="H1" t="inlineStr"><is><t>line\r\nbreak\rhere&#13;</t></is></c>' +
            '<c r="I1" t="d"><v>2024-03-01</v></c>' +
            '<c r="J1" t="n"><v> 12abc</v></c>' +
            '<c r="K1" t="b"><v>TRUE</v></c>' +
            '<c r="L1" t="e"><v>#N/A</v></c>' +
            '<c r="M1" t="inlineStr"><is><r><t></t></r></is></c>' +
            '</row>',
        ),
      ),
    );
  });

  it('shared strings: plain, rich, phonetic runs, empty items, _x escapes', async () => {
    const cells = Array.from(
      { length: 7 },
      (_, i) => `<c r="${'ABCDEFG'[i]}1" t="s"><v>${i}</v></c>`,
    );
    await expectSameAsExcelJS(
      await handMadeXlsx(sheetXml(`<row r="1">${cells.join('')}</row>`), {
        'xl/sharedStrings.xml': sst(
          '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>',
          '<si><r><rPr><b/></rPr><t>a_x0041_</t></r><r><t xml:space="preserve"> b</t></r><rPh><t>x</t></rPh></si>',
          '<si><r><t>x</t></r><t>plain wins</t></si>',
          '<si></si>',
          '<si><t/></si>',
          '<si><r><t></t></r></si>',
          '<si><t>_x005F_x0041_ _x0041_</t></si>',
        ),
      }),
    );
  });

  it('cells without r after a cell with one, rows and cells out of order, repeated ones', async () => {
    await expectSameAsExcelJS(
      await handMadeXlsx(
        sheetXml(
          '<row r="3"><c r="B3"><v>1</v></c><c><v>2</v></c><c t="s"><v>0</v></c></row>' +
            '<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>4</v></c><c r="C1"><v>5</v></c></row>' +
            '<row r="2"><c r="A2"><v>6</v></c><c r="B2"><v>7</v></c><c r="B2" s="1"/><c r="A2"/></row>' +
            '<row r="5"><c r="D5"><v>8</v></c></row>' +
            '<row r="5"><c r="B5"><v>9</v></c></row>' +
            '<row r="6"><c r="C99"><v>10</v></c><c r="$D$6"><v>11</v></c></row>' +
            '<row r="0"><c r="A1"><v>12</v></c></row>',
        ),
        {
          'xl/sharedStrings.xml': sst('<si><t>s</t></si>'),
          'xl/styles.xml': stylesXml({ xfs: '<xf numFmtId="0" fontId="0"/><xf numFmtId="3"/>' }),
        },
      ),
    );
  });

  it('shared formulas as Excel writes them: clones before their master, masters without text', async () => {
    await expectSameAsExcelJS(
      await handMadeXlsx(
        sheetXml(
          '<row r="1"><c r="B1"><f t="shared" si="0"/><v>1</v></c></row>' +
            '<row r="2"><c r="B2"><f t="shared" ref="B2:D4" si="0">A2+$A$1*SUM(A$2:A2)+Sheet2!A2+\'My Sheet\'!B2+XFD2+name1</f><v>1</v></c><c r="C2"><f t="shared" si="0"/><v>2</v></c></row>' +
            '<row r="3"><c r="B3"><f t="shared" si="0"/><v>3</v></c><c r="D3"><f t="shared" si="0"/></c></row>' +
            '<row r="4"><c r="A4"><f t="shared" ref="A4:A5" si="1">B4-A3</f><v>0</v></c><c r="C4"><f t="shared" si="9"/><v>7</v></c></row>' +
            '<row r="5"><c r="A5"><f t="shared" si="1"/><v>0</v></c><c r="B5"><f t="shared" si="1">own text</f><v>1</v></c></row>' +
            '<row r="6"><c r="C6"><f t="shared" ref="C6:C7" si="2"/><v>1</v></c><c r="E6"><f t="shared" ref="E6" si="3">A6</f></c></row>' +
            '<row r="7"><c r="C7"><f t="shared" si="2"/><v>1</v></c><c r="D7"><f t="shared" si="3"/></c><c r="B7"><f t="shared" si="3"/></c></row>' +
            '<row r="8"><c r="A8"><f t="array" ref="A8:B8">TRANSPOSE(A1:A2)</f><v>1</v></c><c r="C8"><f t="normal"></f><v>4</v></c><c r="D8"><f></f><v>5</v></c></row>',
        ),
      ),
    );
  });

  it('styles: style 0, <b val="0">, missing fonts, numFmt overrides, escapes, alignment values', async () => {
    const xfs = [
      '<xf numFmtId="14" fontId="1" fillId="0" borderId="1"/>', // 0: never applied
      '<xf numFmtId="164" fontId="2" fillId="0" borderId="1" applyFont="0"><alignment horizontal="centerContinuous" wrapText="true"/></xf>',
      '<xf numFmtId="165" fontId="1" fillId="0" borderId="0"><alignment horizontal="left"/><alignment wrapText="1"/></xf>',
      '<xf numFmtId="9" fontId="9" fillId="0" borderId="9"/>',
      '<xf numFmtId="27" fontId="0" fillId="0" borderId="0"/>',
      '<xf numFmtId="14" fontId="0" fillId="0" borderId="0"/>',
      '<xf numFmtId="166" fontId="0" fillId="0" borderId="0"/>',
      '<xf fontId="1"><alignment horizontal="right" wrapText="0"/><protection locked="0"/></xf>',
    ].join('');
    const numFmts =
      '<numFmt numFmtId="164" formatCode="#,##0\\ &quot;đ&quot;"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/>' +
      '<numFmt numFmtId="14" formatCode="[$-42A]d\\ mmmm\\ yyyy"/><numFmt numFmtId="166" formatCode=""/>';
    const row = xfs
      .split('</xf>')
      .map((_, i) => `<c r="${'ABCDEFGH'[i]}1" s="${i}"><v>45000.5</v></c>`)
      .slice(0, 8)
      .join('');
    await expectSameAsExcelJS(
      await handMadeXlsx(
        sheetXml(
          `<row r="1">${row}</row><row r="2"><c r="A2" s="2" t="str"><f>"a"</f><v>abc</v></c><c r="B2" s="2" t="b"><f>TRUE</f><v>1</v></c><c r="C2" s="2" t="str"><f>"12"</f><v>12</v></c><c r="D2" s="2" t="e"><v>#N/A</v></c><c r="E2" s="2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F2" s="abc"><v>1</v></c><c r="G2" s="99"><v>1</v></c><c r="H2" s="-1"/></row>`,
        ),
        { 'xl/styles.xml': stylesXml({ xfs, numFmts }) },
      ),
    );
  });

  it.each([
    ['a <vertical/> side', '<border><left style="thin"/><vertical/></border>'],
    ['an element inside a side', '<border><top style="thin"><foo/></top></border>'],
    ['a color inside a side', '<border><top style="thin"><color rgb="FF000000"/></top></border>'],
    [
      'no side with a style',
      '<border><left style=""/><right><color indexed="64"/></right></border>',
    ],
  ])('borders: ExcelJS loses the borders from %s on', async (_, odd) => {
    const borders = `<border><top style="thin"/></border>${odd}<border><bottom style="thin"/></border>`;
    const xfs = [0, 0, 1, 2].map((b) => `<xf numFmtId="0" fontId="0" fillId="0" borderId="${b}"/>`);
    await expectSameAsExcelJS(
      await handMadeXlsx(
        sheetXml(
          '<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="2"><v>1</v></c><c r="C1" s="3"><v>1</v></c></row>',
        ),
        { 'xl/styles.xml': stylesXml({ xfs: xfs.join(''), borders }) },
      ),
    );
  });

  it('hidden rows and columns: overlapping and unsorted <col> ranges, "true"', async () => {
    await expectSameAsExcelJS(
      await handMadeXlsx(
        sheetXml(
          '<row r="1" hidden="1"><c r="A1"><v>1</v></c></row><row r="3" hidden="true"/><row r="4" hidden="0"/><row r="6" hidden="1"/><row r="6"/>',
          {
            before:
              '<cols><col min="5" max="6" hidden="1"/><col min="2" max="3" hidden="true"/><col min="3" max="4"/><col min="8" max="8" hidden="1"/></cols>',
          },
        ),
      ),
    );
  });

  it('hyperlinks: on values, formulas, empty and styled cells; internal ones ignored', async () => {
    await expectSameAsExcelJS(
      await handMadeXlsx(
        sheetXml(
          '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"/><c r="C1"><f>1+1</f><v>2</v></c><c r="D1"/><c r="E1"><v>5</v></c><c r="F1" t="s"><v>0</v></c><c r="G1"><f>1+1</f></c></row>',
          {
            after:
              '<hyperlinks><hyperlink ref="A1" r:id="rId5"/><hyperlink ref="B1" r:id="rId5"/><hyperlink ref="C1" r:id="rId5" tooltip="t"/><hyperlink ref="D1" r:id="rId5"/><hyperlink ref="E1" location="S!A1"/><hyperlink ref="F1:G1" r:id="rId5"/><hyperlink ref="G1" r:id="rId6"/></hyperlinks>',
          },
        ),
        {
          'xl/sharedStrings.xml': sst('<si><r><t>rich</t></r></si>'),
          'xl/styles.xml': stylesXml({ xfs: '<xf/><xf numFmtId="3" fontId="1"/>' }),
          'xl/worksheets/_rels/sheet1.xml.rels': relsXml([
            ['rId5', 'https://example.org/?a=1&amp;b=2', REL_HYPERLINK],
            ['rId6', 'mailto:x@example.org', REL_HYPERLINK],
          ]),
        },
      ),
    );
  });

  it('the 1904 date system', async () => {
    await expectSameAsExcelJS(
      await handMadeXlsx(
        sheetXml(
          '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>45000.25</v></c></row>',
        ),
        {
          'xl/workbook.xml': workbookXml(
            '<sheet name="S" sheetId="1" r:id="rId1"/>',
            'date1904="1"',
          ),
          'xl/styles.xml': stylesXml({ xfs: '<xf/><xf numFmtId="22"/>' }),
        },
      ),
    );
  });

  it('the sheet list: workbook order, ids, targets, shared parts, names, states', async () => {
    const sheet = (n: number) => sheetXml(`<row r="1"><c r="A1"><v>${n}</v></c></row>`);
    await expectSameAsExcelJS(
      await handMadeXlsx(sheet(1), {
        'xl/workbook.xml': workbookXml(
          '<sheet name="Ba" sheetId="3" r:id="rId3"/>' +
            '<sheet name="Một" sheetId="1" r:id="rId1" state="hidden"/>' +
            '<sheet name="Không có" sheetId="4" r:id="rId9"/>' +
            '<sheet name="A&amp;amp;B" sheetId="2" r:id="rId2" state="veryHidden"/>' +
            '<sheet name="Biểu đồ" sheetId="5" r:id="rId5"/>' +
            '<sheet name="Không id" r:id="rId6"/>' +
            '<sheet name="Bảy" sheetId="7" r:id="rId7"/>' +
            '<sheet name="Khác" sheetId="8" r:id="rId8" state="Hidden"/>',
        ),
        'xl/_rels/workbook.xml.rels': relsXml([
          ['rId1', 'worksheets/sheet1.xml'],
          ['rId2', '/xl/worksheets/sheet2.xml'],
          ['rId3', 'worksheets/sheet3.xml'],
          ['rId5', 'chartsheets/sheet1.xml'],
          ['rId6', 'worksheets/sheet6.xml'],
          ['rId7', ' worksheets/sheet7.xml'],
          ['rId8', 'worksheets/data.xml'],
        ]),
        'xl/worksheets/sheet2.xml': sheet(2),
        'xl/worksheets/sheet3.xml': sheet(3),
        'xl/worksheets/sheet6.xml': sheet(6),
        'xl/worksheets/sheet7.xml': sheet(7),
        'xl/worksheets/data.xml': sheet(8),
        'xl/chartsheets/sheet1.xml': '<chartsheet/>',
      }),
    );
  });

  it('an empty workbook, a sheet without rows, a sheet with only formatting', async () => {
    await expectSameAsExcelJS(
      await handMadeXlsx(sheetXml(''), { 'xl/workbook.xml': workbookXml('') }),
    );
    await expectSameAsExcelJS(
      await handMadeXlsx(sheetXml('').replace('<sheetData></sheetData>', '<sheetData/>')),
    );
    await expectSameAsExcelJS(
      await handMadeXlsx(
        sheetXml('<row r="2" s="1" customFormat="1"><c r="B2" s="1"/></row><row r="9" ht="30"/>'),
        {
          'xl/styles.xml': stylesXml({ xfs: '<xf/><xf numFmtId="3" fontId="1"/>' }),
        },
      ),
    );
  });
});

describe('sheets beyond LIMITS', () => {
  it('report the used extent instead of a grid, as sheetTooLarge does', async () => {
    const far = LIMITS.maxRows + 1;
    const book = await expectSameAsExcelJS(
      await handMadeXlsx(
        sheetXml(
          `<row r="2"><c r="B2"><v>1</v></c></row><row r="${far}"><c r="C${far}"><v>x</v></c></row>`,
        ),
      ),
    );
    expect(book.readSheet(0)).toEqual({
      tooLarge: { rows: far, cols: 3, maxRows: LIMITS.maxRows, maxCols: LIMITS.maxCols },
    });
  });

  it('count merged areas from a cell with a value, not formatting or empty text', async () => {
    const wide = 'ALN'; // column 1002
    await expectSameAsExcelJS(
      await handMadeXlsx(
        sheetXml(
          `<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="${wide}2" s="1"/></row><row r="3"><c r="B3" t="s"><v>0</v></c><c r="ZZ3" t="str"><v></v></c></row>`,
          {
            after: `<mergeCells><mergeCell ref="A1:${wide}1"/><mergeCell ref="B3:${wide}3"/></mergeCells>`,
          },
        ),
        {
          'xl/sharedStrings.xml': sst('<si><t></t></si>'),
          'xl/styles.xml': stylesXml({ xfs: '<xf/><xf numFmtId="3"/>' }),
        },
      ),
    );
  });

  it('do not count formatting alone', async () => {
    const book = await expectSameAsExcelJS(
      await handMadeXlsx(
        sheetXml(
          `<row r="1"><c r="A1"><v>1</v></c><c r="ALN1" s="1"/></row><row r="${LIMITS.maxRows + 5}"><c r="A${LIMITS.maxRows + 5}" s="1"/></row>`,
        ),
        { 'xl/styles.xml': stylesXml({ xfs: '<xf/><xf numFmtId="3"/>' }) },
      ),
    );
    expect(book.readSheet(0)).toEqual({
      grid: expect.objectContaining({ cells: [[{ value: 1 }]] }),
    });
  });
});

describe('where ExcelJS cannot read a workbook, the fast reader reads it as Excel does', () => {
  it('cells without r from the first one on: the column after the previous cell', async () => {
    const bytes = await handMadeXlsx(
      sheetXml(
        '<row r="1"><c><v>1</v></c><c/><c><v>3</v></c></row><row r="2"><c r="B2"><v>4</v></c><c/><c><v>6</v></c></row>',
      ),
    );
    expect(await codesOf(bytes)).toEqual({ exceljs: 'corrupt-zip', fast: 'ok' });
    expect(openFast(bytes).readSheet(0)).toEqual({
      grid: {
        name: 'S',
        cells: [
          [{ value: 1 }, null, { value: 3 }],
          [null, { value: 4 }, null, { value: 6 }],
        ],
        merges: [],
      },
    });
  });

  it('rows without r: the row after the previous one', async () => {
    const bytes = await handMadeXlsx(
      sheetXml(
        '<row><c r="A1"><v>1</v></c></row><row r="3"><c r="A3"><v>3</v></c></row><row><c r="A4"><v>4</v></c></row>',
      ),
    );
    expect(await codesOf(bytes)).toEqual({ exceljs: 'corrupt-zip', fast: 'ok' });
    expect(openFast(bytes).readSheet(0)).toMatchObject({
      grid: { cells: [[{ value: 1 }], [], [{ value: 3 }], [{ value: 4 }]] },
    });
  });

  it('a sheet name longer than 31 characters, as written', async () => {
    const name = 'Trang có tên dài hơn ba mươi mốt ký tự';
    const bytes = await handMadeXlsx(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'), {
      'xl/workbook.xml': workbookXml(`<sheet name="${name}" sheetId="1" r:id="rId1"/>`),
    });
    expect(await codesOf(bytes)).toEqual({ exceljs: 'corrupt-zip', fast: 'ok' });
    expect(openFast(bytes).sheets.map((s) => s.name)).toEqual([name]);
  });

  it('a row or a column with a style, and no styles.xml', async () => {
    const bytes = await handMadeXlsx(
      sheetXml('<row r="1" s="1" customFormat="1"><c r="A1"><v>1</v></c></row>', {
        before: '<cols><col min="2" max="2" style="1" hidden="1"/></cols>',
      }),
    );
    expect(await codesOf(bytes)).toEqual({ exceljs: 'corrupt-zip', fast: 'ok' });
    expect(openFast(bytes).readSheet(0)).toMatchObject({
      grid: { cells: [[{ value: 1 }]], hiddenCols: [1] },
    });
  });

  it('an inline string with a phonetic run: the text without it', async () => {
    const bytes = await handMadeXlsx(
      sheetXml(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is></c><c r="B1"><v>2</v></c></row>',
      ),
    );
    expect(openFast(bytes).readSheet(0)).toMatchObject({
      grid: { cells: [[{ value: '漢字' }, { value: 2 }]] },
    });
  });
});
