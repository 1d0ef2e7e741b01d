#!/usr/bin/env python3
"""Dumps an .xlsx workbook as JSON with openpyxl, an independent reader of our exports.

    python3 dump_workbook.py BOOK.xlsx [--data-only] [--max-rows N]

Without --data-only the workbook is loaded twice: once in full (read_only=False, for formulas,
styles, comments, merged cells) and once streamed with read_only=True and data_only=True
for the cached values of the formula cells. Each formula cell then has both its formula and its
cached value. With --data-only one full load with data_only=True gives the cached values only.
Images are counted from the package's drawing parts (openpyxl drops them without Pillow).

Only cells with a value or a comment are emitted. Non-finite numbers become null. The JSON goes
to stdout; errors go to stderr with exit status 1 (bad usage 2).
"""
import argparse
import datetime
import gc
import json
import math
import os
import posixpath
import sys
import traceback
import warnings
import zipfile
from xml.etree import ElementTree

import openpyxl
from openpyxl.utils import get_column_letter

# Column ranges such as <col min="1" max="16384"> are expanded at most this far past the data.
MAX_COLUMN_EXPANSION = 1024


def finite(number):
    return number if math.isfinite(number) else None


def json_value(value):
    """A cell value as JSON: number, string, boolean, null or {"date": iso}."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return finite(value)
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return {"date": value.isoformat()}
    if isinstance(value, datetime.timedelta):
        # [h]:mm formats: the serial number itself, in days.
        return finite(value.total_seconds() / 86400)
    text = getattr(value, "text", None)  # ArrayFormula / DataTableFormula (openpyxl 3.1)
    if isinstance(text, str):
        return text
    return str(value)


def formula_text(value):
    text = getattr(value, "text", None)
    if isinstance(text, str):
        return text if text.startswith("=") else "=" + text
    return value if isinstance(value, str) else str(value)


def rgb_of(color):
    """An ARGB string such as FF1F3864 for an explicit RGB colour; None for theme/indexed ones."""
    if color is None or getattr(color, "type", None) != "rgb":
        return None
    rgb = color.rgb
    return rgb if isinstance(rgb, str) else None


class StyleCache:
    """Style facts per distinct style array: openpyxl shares StyleArrays between cells."""

    def __init__(self):
        self.known = {}

    def facts(self, cell):
        style = getattr(cell, "_style", None)  # StyleArray: numFmtId, fontId, fillId, … (openpyxl internal)
        key = tuple(style) if style is not None else None
        found = self.known.get(key) if key is not None else None
        if found is not None:
            return found
        facts = {"numberFormat": cell.number_format}
        font = cell.font
        colour = rgb_of(font.color) if font is not None else None
        if colour is not None:
            facts["fontColor"] = colour
        if font is not None and font.b:
            facts["bold"] = True
        fill = cell.fill
        if fill is not None and getattr(fill, "fill_type", None) == "solid":
            colour = rgb_of(fill.fgColor)
            if colour is not None:
                facts["fill"] = colour
        if key is not None:
            self.known[key] = facts
        return facts


def column_widths(ws, max_column):
    widths = {}
    limit = max(max_column, 1) + MAX_COLUMN_EXPANSION
    for key, dim in ws.column_dimensions.items():
        if dim.width is None:
            continue
        low = dim.min or openpyxl.utils.column_index_from_string(key)
        high = min(dim.max or low, limit)
        for index in range(low, high + 1):
            width = float(dim.width)
            if math.isfinite(width):
                widths[get_column_letter(index)] = width
    return widths


def cached_values(path, sheet_refs, max_rows):
    """{sheet: {ref: cached value}} for the wanted refs, from one streamed data_only load."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        result = {}
        for name, wanted in sheet_refs.items():
            if not wanted:
                continue
            ws = book[name]
            ws.reset_dimensions()  # never trust (or need) a <dimension> element
            last_row = max(row for row, _ in wanted)
            if max_rows is not None:
                last_row = min(last_row, max_rows)
            found = {}
            # Streamed rows start at row 1 and column 1, missing rows and cells padded.
            for row_number, values in enumerate(ws.iter_rows(min_row=1, max_row=last_row, values_only=True), start=1):
                for column_number, value in enumerate(values, start=1):
                    ref = wanted.get((row_number, column_number))
                    if ref is not None:
                        found[ref] = json_value(value)
            result[name] = found
        return result
    finally:
        book.close()


def defined_names(book):
    names = {}
    source = book.defined_names
    entries = getattr(source, "definedName", None)
    if entries is None:  # openpyxl 3.1: a dict, plus per-sheet dicts
        entries = list(source.values())
        for ws in book.worksheets:
            for defn in getattr(ws, "defined_names", {}).values():
                names[f"{ws.title}!{defn.name}"] = defn.attr_text
    for defn in entries:
        scope = defn.localSheetId
        key = defn.name if scope is None else f"{book.sheetnames[int(scope)]}!{defn.name}"
        names[key] = defn.attr_text
    return names


NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
NS_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
PICTURE = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}pic"


def relationships(archive, part):
    """{id: (type, absolute part name)} of a part's .rels, {} when it has none."""
    folder, name = posixpath.split(part)
    try:
        root = ElementTree.fromstring(archive.read(posixpath.join(folder, "_rels", name + ".rels")))
    except KeyError:
        return {}
    result = {}
    for rel in root.iter(NS_PACKAGE_RELS + "Relationship"):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        absolute = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        result[rel.get("Id")] = (rel.get("Type", ""), absolute)
    return result


def image_counts(path):
    """{sheet name: pictures in its drawings}, read from the package itself: openpyxl keeps images
    only when Pillow is installed, and Debian's python3-openpyxl does not pull it in."""
    counts = {}
    with zipfile.ZipFile(path) as archive:
        book_part = next((target for kind, target in relationships(archive, "").values() if kind.endswith("/officeDocument")), "xl/workbook.xml")
        book_rels = relationships(archive, book_part)
        root = ElementTree.fromstring(archive.read(book_part))
        for sheet in root.iter(NS_MAIN + "sheet"):
            found = book_rels.get(sheet.get(NS_REL_ID))
            total = 0
            if found is not None:
                for kind, drawing in relationships(archive, found[1]).values():
                    if kind.endswith("/drawing"):
                        try:
                            total += sum(1 for _ in ElementTree.fromstring(archive.read(drawing)).iter(PICTURE))
                        except KeyError:
                            pass
            counts[sheet.get("name")] = total
    return counts


def has_core_properties(path):
    """openpyxl invents properties (creator "openpyxl", created now) when a package has none."""
    with zipfile.ZipFile(path) as archive:
        try:
            rels = archive.read("_rels/.rels").decode("utf-8", "replace")
        except KeyError:
            return False
    return "/metadata/core-properties" in rels


def properties(book, present):
    props = book.properties
    result = {}
    for field in ("title", "subject", "creator", "keywords", "description", "lastModifiedBy", "category", "created", "modified", "language", "identifier", "version", "revision", "contentStatus"):
        value = getattr(props, field, None)
        if isinstance(value, (datetime.datetime, datetime.date)):
            value = value.isoformat()
        if not present:
            value = None
        result[field] = value if value is None or isinstance(value, str) else str(value)
    return result


def dump(path, data_only, max_rows):
    book = openpyxl.load_workbook(path, read_only=False, data_only=data_only)
    styles = StyleCache()
    pictures = image_counts(path)
    sheets = []
    formula_refs = {}
    for ws in book.worksheets:
        max_row, max_column = ws.max_row, ws.max_column
        cells = {}
        wanted = {}
        last_row = max_row if max_rows is None else min(max_row, max_rows)
        for row in ws.iter_rows(min_row=1, max_row=last_row, max_col=max_column):
            for cell in row:
                value = cell.value
                comment = cell.comment
                if value is None and comment is None:
                    continue
                entry = {}
                if not data_only and cell.data_type == "f":
                    entry["formula"] = formula_text(value)
                    entry["value"] = None  # filled from the cached-value pass
                    wanted[(cell.row, cell.column)] = cell.coordinate
                else:
                    entry["value"] = json_value(value)
                entry.update(styles.facts(cell))
                if comment is not None:
                    entry["comment"] = comment.text
                cells[cell.coordinate] = entry
        formula_refs[ws.title] = wanted
        auto_filter = ws.auto_filter.ref if ws.auto_filter is not None else None
        sheets.append(
            {
                "name": ws.title,
                "maxRow": max_row,
                "maxColumn": max_column,
                "frozen": ws.freeze_panes,
                "autoFilter": auto_filter or None,
                "cells": cells,
                "columnWidths": column_widths(ws, max_column),
                "images": pictures.get(ws.title, 0),
                "mergedCells": [str(r) for r in ws.merged_cells.ranges],
            }
        )
    result = {"dataOnly": data_only, "maxRows": max_rows, "sheets": sheets, "properties": properties(book, has_core_properties(path)), "definedNames": defined_names(book)}
    book.close()
    if not data_only:
        cached = cached_values(path, formula_refs, max_rows)
        for sheet in sheets:
            values = cached.get(sheet["name"], {})
            for ref, value in values.items():
                sheet["cells"][ref]["value"] = value
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--data-only", action="store_true")
    parser.add_argument("--max-rows", type=int, default=None)
    args = parser.parse_args()
    if args.max_rows is not None and args.max_rows < 1:
        parser.error("--max-rows must be >= 1")
    warnings.simplefilter("ignore")  # openpyxl warns on extensions it does not read
    # Hundreds of thousands of cell objects: the cyclic collector would rescan them again and
    # again (about 40 % of the run), and nothing here makes cycles worth collecting.
    gc.disable()
    try:
        result = dump(args.path, args.data_only, args.max_rows)
        # json.dumps uses the C encoder; json.dump(…, file) would use the pure-Python one.
        text = json.dumps(result, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except Exception as error:  # noqa: BLE001 - reported to the caller, who fails the test
        traceback.print_exc(file=sys.stderr)
        print(f"dump_workbook: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    out = sys.stdout.buffer
    out.write(text.encode("utf-8"))
    out.write(b"\n")
    out.flush()
    return 0


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # Skip tearing down the workbook's objects one by one: the process is done.
    os._exit(status)
