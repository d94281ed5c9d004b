"""The stakeholder register as a CSV or XLSX file, and reading such a file back as a table.

Writing: ``write_csv`` (UTF-8 with a BOM and CRLF line ends, so that Excel on Chinese Windows
opens it without mojibake) and ``write_xlsx`` (bold frozen header, column widths that fit,
wrapped demands and notes, drop-down lists for role class, attitude, power and interest). Both
write atomically: into a temporary file next to the target, then renamed over it, so a failed
export leaves no half-written file and keeps an older one. A CSV cell that Excel would take for
a formula (it starts with = + - or @) gets a leading apostrophe; ``read_table`` removes it.

Reading: ``read_table`` gives the header, the rows and their line numbers (as Excel shows them)
of a CSV file (UTF-8 with or without BOM, GB18030/GBK as Excel on Chinese Windows saves it, or
UTF-16 "Unicode text"; comma, semicolon or tab separated) or of the first sheet of an XLSX
workbook. It raises ``ImportFileError`` with a ``reason`` the UI translates.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import Any

from pm_desktop.core.enums import Attitude, RoleClass
from pm_desktop.core.errors import PmError
from pm_desktop.core.stakeholder_table import (
    ATTITUDE_WORDS,
    COLUMNS,
    ROLE_CLASS_WORDS,
    ColumnKey,
    Language,
    export_rows,
)
from pm_desktop.core.stakeholders import StakeholderRecord
from pm_desktop.export.atomic import atomic_output, os_reason

#: Rows beyond this many (not counting empty ones) make a file too large to import.
MAX_ROWS = 10_000
MAX_FILE_BYTES = 50 * 1024 * 1024

_FORMULA_START = ("=", "+", "-", "@")
_CSV_ENCODINGS = ("utf-8-sig", "gb18030")
_DELIMITERS = (",", ";", "\t")
_WRAPPED = frozenset({ColumnKey.DEMANDS, ColumnKey.NOTES})
_EXCEL_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_TITLE_ILLEGAL = re.compile(r"[\[\]:*?/\\]")


class ImportFailure(StrEnum):
    """Why a file cannot be read as a table (the UI words each)."""

    UNREADABLE = "unreadable"
    """The file cannot be opened (missing, no permission, a folder)."""
    OLD_EXCEL = "old_excel"
    """An Excel 97-2003 .xls workbook: save it as .xlsx or CSV."""
    BAD_WORKBOOK = "bad_workbook"
    """It looks like an .xlsx workbook but cannot be read (damaged, encrypted)."""
    NOT_TEXT = "not_text"
    """Neither a workbook nor text in a known encoding."""
    EMPTY = "empty"
    """No cell has anything in it."""
    TOO_LARGE = "too_large"


class ImportFileError(PmError):
    """A file chosen for import cannot be read as a table; nothing was imported."""

    code = "import_failed"

    def __init__(self, path: Path, reason: ImportFailure, detail: str = "") -> None:
        message = f"Cannot import {path}: {reason.value}"
        super().__init__(f"{message} ({detail})" if detail else message)
        self.path = path
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class RawTable:
    """A table as read from a file: the header row and the rows below it, as texts."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    encoding: str
    """The text encoding of a CSV file ("utf-8-sig", "utf-8", "gb18030", "utf-16"), or "xlsx"."""
    lines: tuple[int, ...] = ()
    """Each row's line in the file as a spreadsheet shows it (the header's is usually 1)."""
    header_line: int = 1
    delimiter: str = ""
    """The CSV delimiter found ("" for XLSX)."""


# --- writing -----------------------------------------------------------------------------


def _csv_cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_csv(path: Path, records: Iterable[StakeholderRecord], language: Language | str) -> None:
    """The register as CSV: UTF-8 with BOM, CRLF, quoted where needed (line breaks in cells)."""
    header, rows = export_rows(records, language)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    data = buffer.getvalue().encode("utf-8-sig")
    with atomic_output(Path(path), ".csv") as stream:
        stream.write(data)


def _display_width(text: str) -> int:
    """Width in Excel's character units: wide (CJK) characters count twice."""
    longest = 0
    for line in text.split("\n"):
        width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
        longest = max(longest, width)
    return longest


def _sheet_title(title: str) -> str:
    clean = _SHEET_TITLE_ILLEGAL.sub(" ", title).strip().strip("'")
    return clean[:31] or "Sheet1"


def write_xlsx(
    path: Path,
    records: Iterable[StakeholderRecord],
    language: Language | str,
    sheet_title: str,
) -> None:
    """The register as an Excel workbook of one sheet named ``sheet_title``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    language = Language(language)
    header, rows = export_rows(records, language)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _sheet_title(sheet_title)
    sheet.append(list(header))
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DCE3EE")
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(vertical="center")
    wrap_top = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    keys = [column.key for column in COLUMNS]
    for number, row in enumerate(rows, start=2):
        for column, (key, text) in enumerate(zip(keys, row, strict=True), start=1):
            clean = _EXCEL_ILLEGAL.sub("", text)
            if key in (ColumnKey.POWER, ColumnKey.INTEREST) and clean.isdigit():
                cell = sheet.cell(row=number, column=column, value=int(clean))
            else:
                cell = sheet.cell(row=number, column=column, value=clean)
                cell.data_type = "s"  # never a formula, whatever the text starts with
            cell.alignment = wrap_top if key in _WRAPPED else top
    for column, key in enumerate(keys, start=1):
        texts = [header[column - 1], *(row[column - 1] for row in rows)]
        width = max(_display_width(text) for text in texts) + 2
        limit = 60 if key in _WRAPPED else 40
        sheet.column_dimensions[get_column_letter(column)].width = max(8, min(width, limit))
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(keys))}{len(rows) + 1}"
    _add_choices(sheet, keys, language, DataValidation)
    buffer = io.BytesIO()
    workbook.save(buffer)
    with atomic_output(Path(path), ".xlsx") as stream:
        stream.write(buffer.getvalue())


def _add_choices(sheet: Any, keys: Sequence[ColumnKey], language: Language, kind: Any) -> None:
    """Drop-down lists that suggest the known words (any other text may still be typed)."""
    from openpyxl.utils import get_column_letter

    choices = {
        ColumnKey.ROLE_CLASS: [ROLE_CLASS_WORDS[role].text(language) for role in RoleClass],
        ColumnKey.ATTITUDE: [ATTITUDE_WORDS[att].text(language) for att in Attitude],
        ColumnKey.POWER: ["1", "2", "3", "4", "5"],
        ColumnKey.INTEREST: ["1", "2", "3", "4", "5"],
    }
    for key, words in choices.items():
        letter = get_column_letter(keys.index(key) + 1)
        validation = kind(
            type="list",
            formula1='"' + ",".join(words) + '"',
            allow_blank=True,
            showErrorMessage=False,
        )
        validation.add(f"{letter}2:{letter}5000")
        sheet.add_data_validation(validation)


# --- reading -----------------------------------------------------------------------------


def read_table(path: Path) -> RawTable:
    """The first table of a CSV or XLSX file: its header row (the first non-empty one) and the
    non-empty rows below it, every cell as text. Raises ImportFileError."""
    path = Path(path)
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ImportFileError(path, ImportFailure.UNREADABLE, os_reason(error)) from error
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(path, ImportFailure.TOO_LARGE, "larger than 50 MB")
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: Excel 97-2003 (or an encrypted .xlsx)
        raise ImportFileError(path, ImportFailure.OLD_EXCEL)
    if data.startswith(b"PK\x03\x04") or path.suffix.lower() in (".xlsx", ".xlsm"):
        if not data.strip():
            raise ImportFileError(path, ImportFailure.EMPTY)
        return _read_xlsx(path, data)
    if path.suffix.lower() == ".xls":
        raise ImportFileError(path, ImportFailure.OLD_EXCEL)
    return _read_csv(path, data)


def _table(
    path: Path, records: Iterable[tuple[int, list[str]]], encoding: str, delimiter: str = ""
) -> RawTable:
    header: tuple[str, ...] | None = None
    header_line = 1
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    for line, cells in records:
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header, header_line = tuple(cells), line
            continue
        if len(rows) >= MAX_ROWS:
            raise ImportFileError(path, ImportFailure.TOO_LARGE, f"more than {MAX_ROWS} rows")
        rows.append(tuple(cells))
        lines.append(line)
    if header is None:
        raise ImportFileError(path, ImportFailure.EMPTY)
    width = max([len(header), *(len(row) for row in rows)])
    header = header + ("",) * (width - len(header))
    padded = tuple(row + ("",) * (width - len(row)) for row in rows)
    return RawTable(header, padded, encoding, tuple(lines), header_line, delimiter)


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise ImportFileError(path, ImportFailure.NOT_TEXT, str(error)) from error
    for encoding in _CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf"):
            return text, "utf-8"
        return text, encoding
    raise ImportFileError(path, ImportFailure.NOT_TEXT, "not UTF-8 or GB18030 text")


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:20_000]
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\t\r\n\f")
    return controls > max(3, len(sample) // 100)


def _sniff_delimiter(text: str) -> str:
    """The delimiter among , ; and tab that splits the first records most consistently."""
    best, best_score = ",", (0, 0, 0)
    for delimiter in _DELIMITERS:
        reader = csv.reader(io.StringIO(text[:64_000], newline=""), delimiter=delimiter)
        widths: list[int] = []
        with contextlib.suppress(csv.Error):
            for record in reader:
                if record:
                    widths.append(len(record))
                if len(widths) >= 50:
                    break
        if not widths or widths[0] < 2:
            continue
        same = sum(1 for width in widths if width == widths[0])
        score = (same, widths[0], -_DELIMITERS.index(delimiter))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _uncsv_cell(text: str) -> str:
    if len(text) > 1 and text[0] == "'" and text[1] in _FORMULA_START:
        return text[1:]
    return text


def _read_csv(path: Path, data: bytes) -> RawTable:
    text, encoding = _decode(path, data)
    if _looks_binary(text):
        raise ImportFileError(path, ImportFailure.NOT_TEXT, "binary data")
    if not text.strip():
        raise ImportFileError(path, ImportFailure.EMPTY)
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def records() -> Iterator[tuple[int, list[str]]]:
        try:
            for line, record in enumerate(reader, start=1):
                yield line, [_uncsv_cell(cell) for cell in record]
        except csv.Error as error:
            raise ImportFileError(path, ImportFailure.NOT_TEXT, str(error)) from error

    return _table(path, records(), encoding, delimiter)


def _cell_text(value: object) -> str:
    """A cell's value as the text a person sees: 4.0 as "4", a date as 2024-11-18."""
    text: str
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
    elif isinstance(value, datetime):
        midnight = value.time() == time(0, 0)
        text = value.date().isoformat() if midnight else value.isoformat(sep=" ")
    elif isinstance(value, date | time):
        text = value.isoformat()
    else:
        text = str(value)
    return text


def _read_xlsx(path: Path, data: bytes) -> RawTable:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except Exception as error:  # zipfile, KeyError, XML and openpyxl errors alike
        raise ImportFileError(path, ImportFailure.BAD_WORKBOOK, str(error)) from error
    try:
        if not workbook.worksheets:
            raise ImportFileError(path, ImportFailure.EMPTY)
        sheet = workbook.worksheets[0]
        records = (
            (line, [_cell_text(value) for value in values])
            for line, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        )
        return _table(path, records, "xlsx")
    finally:
        workbook.close()
