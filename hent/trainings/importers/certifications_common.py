"""What the certification importers (Certif Info, RNCP, Kit apprentissage, BCN) share.

The base (``hent.core.importing``) reads comma-separated, quoted CSV. These publishers write otherwise:

* ';' delimiters, and encodings that vary from file to file: UTF-8, UTF-8 with a BOM, Windows-1252 for a
  whole file (RNCP 2021, nFormationDiplome_), and decomposed accents (NFD) in places;
* the BCN exports are not quoted at all: a field may start with a '"' that is just a character;
* header names with line breaks inside (Kit apprentissage), compared here with whitespace folded.

``read_table`` covers that and returns a ``PublisherCsv``, a ``CsvTable`` with the same interface (``rows``,
``fail()``, ``name``). ``Row`` wraps one record with typed readers that stop on a bad value with the file,
the line, the column and the value. ``locate`` lets a single-file source be given as the file itself.
"""

from __future__ import annotations

import csv
import datetime
import glob
import re
import unicodedata
import zipfile
from pathlib import Path

from hent.core.importing import CsvTable, ImportFailed, decode_lines

LICENCE_NOT_VERIFIED = "licence non vérifiée"
BOM = b"\xef\xbb\xbf"
RNCP_RE = re.compile(r"(?:RNCP)?\s*(\d+)", re.IGNORECASE)
RS_RE = re.compile(r"(?:RS)?\s*(\d+)", re.IGNORECASE)
CFD_RE = re.compile(r"[0-9A-Z]{8}")
ROME_RE = re.compile(r"[A-N]\d{4}")
SIRET_RE = re.compile(r"\d{14}")


def locate(path, pattern):
    """(path for ``Source``, file pattern) for a source made of one file.

    PATH may be the folder, a zip of it, or the file itself: a plain file is read from its folder, by name.
    """
    path = Path(path)
    if path.is_file() and not zipfile.is_zipfile(path):
        return path.parent, glob.escape(path.name)
    return path, pattern


def decode(data, name, warnings):
    """Text of a file in the encodings these publishers use, NFC-normalised; and the encoding's name.

    UTF-8 (a BOM is dropped) when the file is UTF-8; otherwise Windows-1252 for the whole file, unless some
    of its lines are UTF-8 with accents (a file edited with two tools): then line by line, with a warning.
    """
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        text, encoding = data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        if any(not line.isascii() and _is_utf8(line) for line in data.split(b"\n")):
            text, fallback = decode_lines(data)
            warnings.append(
                f"{name}: {len(fallback)} line(s) not in UTF-8, read as Windows-1252 (first: line {fallback[0]})"
            )
            encoding = "UTF-8 and Windows-1252"
        else:
            try:
                text, encoding = data.decode("cp1252"), "Windows-1252"
            except UnicodeDecodeError as exc:
                raise ImportFailed(
                    f"byte {data[exc.start]:#04x} is neither UTF-8 nor Windows-1252",
                    file=name,
                    line=data.count(b"\n", 0, exc.start) + 1,
                ) from None
    return unicodedata.normalize("NFC", text), encoding


def _is_utf8(raw):
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def physical_lines(text):
    """The lines of a text, split at LF only: a CR inside a quoted field (rncp_info has thousands) does not
    start a line, so that the line numbers reported are those an editor shows."""
    lines = text.split("\n")
    for line in lines[:-1]:
        yield line + "\n"
    if lines[-1]:
        yield lines[-1]


def fold(text):
    """Whitespace folded: line breaks, tabs and runs of spaces become one space; ends trimmed."""
    return " ".join(text.split())


class PublisherCsv(CsvTable):
    """A ';'-separated file whose every record has as many fields as its header (quoted or not).

    Same interface as ``CsvTable``; header names are compared with their whitespace folded.
    """

    def __init__(self, name, text, columns, delimiter=";", quoted=True):
        self.name = name
        self.fallback_lines = []
        self.encoding = ""
        first_line = text.split("\n", 1)[0]
        if len(columns) > 1 and delimiter not in first_line:
            for other in (";", ",", "\t", "|"):
                if other != delimiter and other in first_line:
                    raise ImportFailed(f"columns are separated by {other!r}, expected {delimiter!r}", file=name, line=1)
        quoting = csv.QUOTE_MINIMAL if quoted else csv.QUOTE_NONE
        reader = csv.reader(physical_lines(text), delimiter=delimiter, strict=True, quoting=quoting)
        try:
            header = next(reader)
        except StopIteration:
            raise ImportFailed("the file is empty", file=name, line=1) from None
        except csv.Error as exc:
            raise ImportFailed(f"unreadable header ({exc})", file=name, line=1) from None
        header = [fold(h) for h in header]
        missing = [c for c in columns if c not in header]
        if missing:
            for other in (";", ",", "\t", "|"):  # some columns glued by another separator?
                if other != delimiter and set(missing) & {fold(h.strip('"')) for h in first_line.split(other)}:
                    raise ImportFailed(f"columns are separated by {other!r}, expected {delimiter!r}", file=name, line=1)
            raise ImportFailed(f"missing column(s): {', '.join(missing)}", file=name, line=1)
        self.header = header
        self.rows = []
        line = reader.line_num
        try:
            for values in reader:
                if not values:  # blank line
                    line = reader.line_num
                    continue
                if len(values) != len(header):
                    raise ImportFailed(
                        f"{len(values)} field(s) where the header has {len(header)} (truncated or malformed row)",
                        file=name,
                        line=line + 1,
                    )
                self.rows.append((line + 1, dict(zip(header, values, strict=True))))
                line = reader.line_num
        except csv.Error as exc:
            raise ImportFailed(f"malformed CSV ({exc}); is the file truncated?", file=name, line=line + 1) from None

    def records(self):
        """Rows as ``Row`` objects, for typed reading."""
        for line, values in self.rows:
            yield Row(self, line, values)


def read_table(source, pattern, columns, warnings, quoted=True):
    """The one file matching ``pattern``, decoded and checked (see ``PublisherCsv``)."""
    name = source.find(pattern)
    text, encoding = decode(source.read_bytes(name), name, warnings)
    table = PublisherCsv(name, text, columns, quoted=quoted)
    table.encoding = encoding
    return table


class Row:
    """One record of a ``PublisherCsv``: typed readers that name file, line, column and value on failure.

    ``unknown`` lists the values a publisher writes for "not known" ("NR"…); they read as None or "".
    """

    def __init__(self, table, line, values):
        self.table, self.line, self.values = table, line, values

    def fail(self, message):
        self.table.fail(self.line, message)

    def _bad(self, column, value, expected):
        self.fail(f"column {column}: {value!r} is not {expected}")

    def text(self, column, required=False, unknown=(), folded=True):
        value = self.values[column]
        value = fold(value) if folded else value.strip()
        if value in unknown:
            value = ""
        if required and not value:
            self.fail(f"column {column} is empty")
        return value

    def int(self, column, required=False, unknown=(), low=None, high=None):
        value = self.text(column, required=required, unknown=unknown)
        if not value:
            return None
        if not value.isdigit():
            self._bad(column, value, "a number")
        number = int(value)
        if (low is not None and number < low) or (high is not None and number > high):
            self._bad(column, value, f"between {low} and {high}")
        return number

    def year(self, column, unknown=()):
        value = self.text(column, unknown=unknown)
        if value and not re.fullmatch(r"(19|20)\d\d", value):
            self._bad(column, value, "a year")
        return int(value) if value else None

    def date(self, column, fmt="%d/%m/%Y", unknown=()):
        value = self.text(column, unknown=unknown)
        if not value:
            return None
        try:
            return datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            shown = fmt.replace("%d", "dd").replace("%m", "mm").replace("%Y", "yyyy").replace("%y", "yy")
            self._bad(column, value, f"a date ({shown})")

    def choice(self, column, mapping):
        value = self.text(column)
        if value not in mapping:
            self._bad(column, value, "one of " + ", ".join(repr(k) for k in mapping))
        return mapping[value]

    def level(self, column, prefix, unknown=()):
        """A European qualification level written "niveau7" or "Niveau 7" -> 7."""
        value = self.text(column, unknown=unknown)
        if not value:
            return None
        match = re.fullmatch(rf"{prefix}\s*([1-8])", value, re.IGNORECASE)
        if not match:
            self._bad(column, value, f"a level ({prefix} 1 to 8)")
        return int(match.group(1))

    def code(self, column, pattern, expected, required=False, unknown=()):
        value = self.text(column, required=required, unknown=unknown)
        if value and not pattern.fullmatch(value):
            self._bad(column, value, expected)
        return value

    def rncp(self, column, required=False, unknown=()):
        """An RNCP number, digits only: "RNCP37084" or "37084" -> "37084"."""
        value = self.text(column, required=required, unknown=unknown)
        if not value:
            return ""
        match = RNCP_RE.fullmatch(value)
        if not match:
            self._bad(column, value, "an RNCP number")
        return str(int(match.group(1)))

    def rncp_list(self, column, unknown=()):
        """Several RNCP numbers ("RNCP1|RNCP2|") -> "1 2"."""
        value = self.text(column, unknown=unknown)
        numbers = []
        for part in re.split(r"[|,\s]+", value):
            if not part:
                continue
            match = RNCP_RE.fullmatch(part)
            if not match:
                self._bad(column, value, "a list of RNCP numbers")
            numbers.append(str(int(match.group(1))))
        return " ".join(numbers)

    def rs(self, column):
        value = self.text(column)
        if not value:
            return ""
        match = RS_RE.fullmatch(value)
        if not match:
            self._bad(column, value, "an RS number")
        return str(int(match.group(1)))

    def cfd(self, column, required=False, unknown=(), padded=None):
        """A CFD (8 characters). Seven digits are a code that lost its leading zero in a spreadsheet:
        the zero is restored, and the line added to ``padded`` (a list) when given."""
        value = self.text(column, required=required, unknown=unknown).upper()
        if re.fullmatch(r"\d{7}", value):
            value = "0" + value
            if padded is not None:
                padded.append(self.line)
        if value and not CFD_RE.fullmatch(value):
            self._bad(column, value, "a CFD (8 letters or digits)")
        return value


def merge_lists(*values):
    """Space-separated lists merged, each item once, in order of appearance."""
    seen = []
    for value in values:
        for item in value.split():
            if item not in seen:
                seen.append(item)
    return " ".join(seen)


def version_key(text):
    """ "v1.3" -> (1, 3), to compare the Kit's version numbers."""
    return tuple(int(n) for n in re.findall(r"\d+", text))
