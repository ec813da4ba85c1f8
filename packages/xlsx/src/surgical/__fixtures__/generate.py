#!/usr/bin/python3
"""
The surgical writer's feature corpus: small workbooks, each an annex ("PL01", a budget by
project that `phuluc fill` fills: the total row and the "Tổng số" column are empty) beside one
feature that officers' workbooks carry and that a writer must not lose.

Run once, commit the outputs (the tests read the committed files and need neither Python nor
LibreOffice):

    /usr/bin/python3 packages/xlsx/src/surgical/__fixtures__/generate.py  # Debian's, for python3-uno

Needs XlsxWriter (Debian: python3-xlsxwriter) and, for the `lo-*` files, LibreOffice
(`soffice`, Debian: libreoffice-calc-nogui); with python3-uno it also makes a pivot table.
A few features XlsxWriter cannot write (external links, workbook protection, shared formulas,
template and strict packages) are added by editing the package's XML afterwards (`patch_zip`),
as small and as close to what Excel writes as possible. `refuse-*` files are ones the writer
must refuse.
"""
import io
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))

ROWS = [
    ["TT", "Nội dung", "Tổng số", "Ngân sách trung ương", "Ngân sách địa phương"],
    [None, "Tổng cộng", None, 4516, 107],
    ["1", "Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo", None, 3154, 0],
    ["2", "Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững", None, 1362, 107],
]


def annex(wb, ws, money=None):
    """The annex at A1:E4; `money` is the number format of C:E."""
    bold = wb.add_format({"bold": True, "border": 1})
    fmt = wb.add_format({"num_format": money or "#,##0", "border": 1})
    for r, row in enumerate(ROWS):
        for c, v in enumerate(row):
            f = bold if r == 0 else (fmt if c >= 2 else None)
            if v is None:
                if f is not None:
                    ws.write_blank(r, c, None, f)
            else:
                ws.write(r, c, v, f)
    ws.set_column(1, 1, 50)
    ws.set_column(2, 4, 14)


def book(name, build, **options):
    path = os.path.join(HERE, name)
    wb = xlsxwriter.Workbook(path, options or None)
    ws = wb.add_worksheet("PL01")
    annex(wb, ws)
    build(wb, ws)
    wb.close()
    return path


def patch_zip(path, edit, out=None, add=(), duplicate=None):
    """Rewrite the zip at `path`: `edit(name, text)` returns a part's new text (or None: as is)."""
    src = zipfile.ZipFile(path)
    buf = io.BytesIO()
    dst = zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED)
    for info in src.infolist():
        data = src.read(info.filename)
        if info.filename.endswith((".xml", ".rels")):
            new = edit(info.filename, data.decode("utf-8"))
            if new is not None:
                data = new.encode("utf-8")
        dst.writestr(info, data, zipfile.ZIP_DEFLATED)
    for name, data in add:
        dst.writestr(name, data, zipfile.ZIP_DEFLATED)
    if duplicate is not None:
        dst.writestr(duplicate, src.read(duplicate), zipfile.ZIP_DEFLATED)
    dst.close()
    src.close()
    with open(out or path, "wb") as f:
        f.write(buf.getvalue())


def tiny_png():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"\x00\xff\x00\x00"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def chart(wb, ws):
    ch = wb.add_chart({"type": "column"})
    ch.add_series({"name": "NSTW", "categories": "=PL01!$B$3:$B$4", "values": "=PL01!$D$3:$D$4"})
    ws.insert_chart("G2", ch)


def chartsheet(wb, ws):
    cs = wb.add_chartsheet("Biểu đồ")
    ch = wb.add_chart({"type": "pie"})
    ch.add_series({"categories": "=PL01!$B$3:$B$4", "values": "=PL01!$E$3:$E$4"})
    cs.set_chart(ch)


def defined_names(wb, ws):
    wb.define_name("NSTW", "=PL01!$D$3:$D$4")
    wb.define_name("PL01!DiaPhuong", "=PL01!$E$3:$E$4")
    wb.define_name("TyLe", "=0.1")
    ws.write_formula("G2", "=SUM(NSTW)*TyLe", None, 451.6)


def protection(wb, ws):
    ws.protect("matkhau", {"format_cells": True})
    other = wb.add_worksheet("Khóa")
    other.write("A1", "Trang được khóa bằng mật khẩu")
    other.protect("khac")


def number_formats(wb, ws):
    rate = wb.add_format({"num_format": "0.00\\%"})
    dong = wb.add_format({"num_format": "#,##0\\ \\t\\r\\.\\đ"})
    # Away from the annex (K10:K11), so that they are not read as columns of it.
    ws.write_number("K10", 6.34, rate)
    ws.write_number("K11", 1500000, dong)


def comments(wb, ws):
    ws.write_comment("D3", "Số liệu theo Quyết định giao vốn", {"author": "Nguyễn Văn An"})
    ws.write_comment("B4", "Kiểm tra lại tên dự án", {"author": "Trần Thị Bình", "visible": True})


def sparklines(wb, ws):
    ws.add_sparkline("F3", {"range": "PL01!D3:E3"})
    ws.add_sparkline("F4", {"range": "PL01!D4:E4", "type": "column"})


def table(wb, ws):
    ws.add_table("A1:E4", {"name": "PhanBo", "header_row": True, "autofilter": False,
                           "columns": [{"header": h} for h in ROWS[0]], "style": "Table Style Light 9"})


def autofilter(wb, ws):
    ws.autofilter("A1:E4")


def page_setup(wb, ws):
    ws.set_h_pagebreaks([3])
    ws.set_v_pagebreaks([2])
    ws.print_area("A1:E4")
    ws.repeat_rows(0)
    ws.set_landscape()
    ws.set_paper(9)
    ws.set_header("&CPhụ lục 01")
    ws.freeze_panes(1, 2)


def custom_props(wb, ws):
    wb.set_properties({"title": "Kế hoạch giảm nghèo 2024", "author": "Phòng Tài chính", "company": "UBND xã"})
    wb.set_custom_property("Đơn vị", "UBND xã Ba Thành")
    wb.set_custom_property("Năm", 2024)
    wb.set_custom_property("Đã duyệt", True)


def image_and_links(wb, ws):
    ws.insert_image("G2", "logo.png", {"image_data": io.BytesIO(tiny_png())})
    ws.write_url("G8", "https://example.org/ke-hoach", None, "Kế hoạch")
    ws.write_url("G9", "internal:PL01!A1", None, "Về đầu trang")


def validation_and_conditional(wb, ws):
    ws.data_validation("A3:A20", {"validate": "list", "source": ["1", "2", "3"]})
    ws.conditional_format("D3:E4", {"type": "data_bar", "bar_solid": True})  # an x14 extension
    ws.conditional_format("C2:C4", {"type": "cell", "criteria": "<", "value": 0,
                                    "format": wb.add_format({"font_color": "red"})})


def macro(wb, ws):
    # A stand-in for vbaProject.bin (an OLE2 header and filler): phuluc never reads the part, it
    # only copies it; the test checks that its bytes come back unchanged.
    path = os.path.join(tempfile.mkdtemp(), "vbaProject.bin")
    with open(path, "wb") as f:
        f.write(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(range(256)) * 8)
    wb.add_vba_project(path)
    wb.set_vba_name("ThisWorkbook")


def shared_formulas(wb, ws):
    ws.write_formula("F3", "=D3*2", None, 6308)
    ws.write_formula("F4", "=D4*2", None, 2724)
    ws.write_formula("G3", "=F3+1", None, 6309)


def array_formula(wb, ws):
    ws.write_array_formula("K10:K11", "{=D3:D4*2}", None, 6308)


def plain(wb, ws):
    pass


def main():
    for f in os.listdir(HERE):
        if f.endswith((".xlsx", ".xlsm", ".xltx", "#")):
            os.remove(os.path.join(HERE, f))
    book("chart.xlsx", chart)
    book("chartsheet.xlsx", chartsheet)
    book("defined-names.xlsx", defined_names)
    p = book("protection.xlsx", protection)
    patch_zip(p, lambda n, t: t.replace("<bookViews>", '<workbookProtection workbookPassword="CC3D" lockStructure="1"/><bookViews>')
              if n == "xl/workbook.xml" else None)
    book("number-formats.xlsx", number_formats)
    book("comments.xlsx", comments)
    book("sparklines.xlsx", sparklines)
    book("table.xlsx", table)
    book("autofilter.xlsx", autofilter)
    book("page-setup.xlsx", page_setup)
    book("custom-properties.xlsx", custom_props)
    book("image-and-links.xlsx", image_and_links)
    book("validation-and-conditional.xlsx", validation_and_conditional)
    p = os.path.join(HERE, "macro.xlsm")
    wb = xlsxwriter.Workbook(p)
    ws = wb.add_worksheet("PL01")
    annex(wb, ws)
    macro(wb, ws)
    wb.close()

    # Shared formulas, as Excel writes them (XlsxWriter writes each formula on its own).
    p = book("shared-formulas.xlsx", shared_formulas)
    def share(n, t):
        if n != "xl/worksheets/sheet1.xml":
            return None
        t = t.replace("<f>D3*2</f>", '<f t="shared" ref="F3:F4" si="0">D3*2</f>')
        return t.replace("<f>D4*2</f>", '<f t="shared" si="0"/>')
    patch_zip(p, share)
    book("array-formula.xlsx", array_formula)

    # External links: a formula over another office's workbook, with the link part Excel writes.
    p = book("external-link.xlsx", lambda wb, ws: ws.write_formula("G2", "=[1]Sheet1!$A$1", None, 42))
    ext = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
           '<externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames>'
           '<sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell></row>'
           '</sheetData></sheetDataSet></externalBook></externalLink>')
    ext_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" '
                'Target="file:///C:/PhongTaiChinh/ke-hoach-xa-ban.xlsx" TargetMode="External"/></Relationships>')
    def link(n, t):
        if n == "[Content_Types].xml":
            return t.replace("</Types>", '<Override PartName="/xl/externalLinks/externalLink1.xml" '
                             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>')
        if n == "xl/_rels/workbook.xml.rels":
            return t.replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" '
                             'Target="externalLinks/externalLink1.xml"/></Relationships>')
        if n == "xl/workbook.xml":
            return t.replace("</sheets>", '</sheets><externalReferences><externalReference r:id="rId99"/></externalReferences>')
        return None
    patch_zip(p, link, add=[("xl/externalLinks/externalLink1.xml", ext),
                            ("xl/externalLinks/_rels/externalLink1.xml.rels", ext_rels)])

    # A calculation chain, as Excel writes one (XlsxWriter and LibreOffice write none).
    p = book("calc-chain.xlsx", shared_formulas)
    chain = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<c r="F3" i="1"/><c r="F4"/><c r="G3"/></calcChain>')
    def calc_chain(n, t):
        if n == "[Content_Types].xml":
            return t.replace("</Types>", '<Override PartName="/xl/calcChain.xml" '
                             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>')
        if n == "xl/_rels/workbook.xml.rels":
            return t.replace("</Relationships>", '<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" '
                             'Target="calcChain.xml"/></Relationships>')
        return None
    patch_zip(p, calc_chain, add=[("xl/calcChain.xml", chain)])

    # A template (.xltx): the same package with the template's content type.
    p = book("template.xltx", plain)
    patch_zip(p, lambda n, t: t.replace("spreadsheetml.sheet.main+xml", "spreadsheetml.template.main+xml")
              if n == "[Content_Types].xml" else None)

    # Packages the writer must refuse.
    p = book("refuse-strict.xlsx", plain)
    patch_zip(p, lambda n, t: t.replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                                        "http://purl.oclc.org/ooxml/spreadsheetml/main") if n == "xl/workbook.xml" else None)
    p = book("refuse-content-types.xlsx", plain)
    patch_zip(p, lambda n, t: t.replace('PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"',
                                        'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"')
              if n == "[Content_Types].xml" else None)
    p = book("refuse-duplicate-part.xlsx", plain)
    import warnings
    warnings.simplefilter("ignore")
    patch_zip(p, lambda n, t: None, duplicate="xl/worksheets/sheet1.xml")
    p = book("refuse-unexpected-xml.xlsx", plain)
    patch_zip(p, lambda n, t: t.replace('<c r="C2" s="2"/>', '<c r="C2" s="2"><x:unknown xmlns:x="urn:x"/></c>')
              if n == "xl/worksheets/sheet1.xml" else None)

    libreoffice()


def libreoffice():
    """The same features as LibreOffice writes them (`lo-*`), when `soffice` is installed."""
    soffice = shutil.which("soffice")
    if not soffice:
        print("soffice not found: lo-* fixtures not made", file=sys.stderr)
        return
    for name in ["table.xlsx", "chart.xlsx", "comments.xlsx", "number-formats.xlsx", "defined-names.xlsx",
                 "autofilter.xlsx", "protection.xlsx"]:
        tmp = tempfile.mkdtemp()
        subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", tmp,
                        os.path.join(HERE, name)], check=True, capture_output=True)
        shutil.move(os.path.join(tmp, name), os.path.join(HERE, f"lo-{name}"))
        shutil.rmtree(tmp, ignore_errors=True)
    pivot(soffice)


def pivot(soffice):
    """A pivot table (LibreOffice's DataPilot) over the annex, saved as .xlsx, with python3-uno."""
    try:
        import uno
        from com.sun.star.beans import PropertyValue
        from com.sun.star.table import CellAddress, CellRangeAddress
    except ImportError:
        print("python3-uno not found: lo-pivot.xlsx not made", file=sys.stderr)
        return
    import time
    tmp = tempfile.mkdtemp()
    proc = subprocess.Popen([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
                             "--nologo", "--nodefault", "--accept=socket,host=127.0.0.1,port=2016;urp;StarOffice.ComponentContext"])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(60):
            try:
                ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=2016;urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        def prop(name, value):
            p = PropertyValue()
            p.Name, p.Value = name, value
            return p
        doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
        sheet = doc.Sheets.getByIndex(0)
        sheet.Name = "PL01"
        for r, row in enumerate(ROWS):
            for c, v in enumerate(row):
                cell = sheet.getCellByPosition(c, r)
                if isinstance(v, str):
                    cell.setString(v)
                elif v is not None:
                    cell.setValue(v)
        tables = sheet.getDataPilotTables()
        desc = tables.createDataPilotDescriptor()
        desc.setSourceRange(CellRangeAddress(0, 0, 0, 4, 3))
        fields = desc.getDataPilotFields()
        from com.sun.star.sheet.DataPilotFieldOrientation import ROW, DATA
        fields.getByName("Nội dung").Orientation = ROW
        fields.getByName("Ngân sách trung ương").Orientation = DATA
        # Away from the annex (K10), so that fill does not take it for columns of the annex.
        tables.insertNewByName("TongHop", CellAddress(0, 10, 9), desc)
        out = uno.systemPathToFileUrl(os.path.join(HERE, "lo-pivot.xlsx"))
        doc.storeToURL(out, (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
    finally:
        proc.terminate()
        proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
