"""Reads back what the xlsx writer's tests check, with openpyxl; prints JSON.

Notes, row heights, core properties and defined names come from load_workbook. Pictures come
from openpyxl's own drawing parser (SpreadsheetDrawing), the one load_workbook uses: ws._images
stays empty unless Pillow is installed, which CI does not install.
"""
import json
import sys
import zipfile

from openpyxl import load_workbook
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.packaging.relationship import get_dependents, get_rels_path
from openpyxl.reader.workbook import WorkbookParser
from openpyxl.xml.functions import fromstring

EMU_PER_PX = 9525


def pictures(archive, sheet_part):
    names = archive.namelist()
    rels_path = get_rels_path(sheet_part)
    if rels_path not in names:
        return []
    found = []
    for rel in get_dependents(archive, rels_path).find(SpreadsheetDrawing._rel_type):
        drawing = SpreadsheetDrawing.from_tree(fromstring(archive.read(rel.target)))
        for kind, anchors in (("oneCellAnchor", drawing.oneCellAnchor), ("twoCellAnchor", drawing.twoCellAnchor)):
            for anchor in anchors:
                if anchor.pic is None:
                    continue
                ext = anchor.ext if kind == "oneCellAnchor" else anchor.pic.spPr.xfrm.ext
                target = get_dependents(archive, get_rels_path(rel.target))[anchor.pic.blipFill.blip.embed].target
                found.append({
                    "anchor": kind,
                    "row": anchor._from.row + 1,
                    "column": anchor._from.col + 1,
                    "width": round(ext.width / EMU_PER_PX),
                    "height": round(ext.height / EMU_PER_PX),
                    "name": anchor.pic.nvPicPr.cNvPr.name,
                    "description": anchor.pic.nvPicPr.cNvPr.descr,
                    "bytes": len(archive.read(target)),
                })
    return found


def main(path):
    wb = load_workbook(path)
    archive = zipfile.ZipFile(path)
    parser = WorkbookParser(archive, "xl/workbook.xml")
    parser.parse()
    parts = {sheet.name: rel.target for sheet, rel in parser.find_sheets()}
    sheets = []
    for ws in wb.worksheets:
        notes = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.comment is not None:
                    notes[cell.coordinate] = {"text": cell.comment.text, "author": cell.comment.author}
        heights = {str(r): d.height for r, d in ws.row_dimensions.items() if d.customHeight}
        sheets.append({"name": ws.title, "notes": notes, "rowHeights": heights, "pictures": pictures(archive, parts[ws.title])})
    p = wb.properties
    print(json.dumps({
        "properties": {
            "title": p.title, "subject": p.subject, "creator": p.creator, "description": p.description,
            "keywords": p.keywords, "created": p.created.isoformat() if p.created else None,
        },
        "definedNames": {d.name: d.attr_text for d in wb.defined_names.definedName},
        "sheets": sheets,
    }, ensure_ascii=False))


main(sys.argv[1])
