"""What several training importers share, on top of the base (``hent.core.importing``).

* ``Row``: one CSV record with typed readers (text, numbers, dates, levels, RNCP, CFD…) that stop naming file,
  line, column and value; used for the files of Certif Info, RNCP, Kit apprentissage and BCN, read with
  ``CERTIFICATION_CSV``.
* The Éducation nationale's conventions shared by the establishment and outcome importers: masked numbers,
  UAI codes, regions by name.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from hent.core.importing import fold_space
from hent.territories.names import region_code_of

# How Certif Info, RNCP, the Kit apprentissage and the BCN write CSV: ';', each file in UTF-8 or in
# Windows-1252 (a whole file), accents sometimes decomposed (normalised by the base).
CERTIFICATION_CSV = {"delimiter": ";", "windows_1252": "file"}
RNCP_RE = re.compile(r"(?:RNCP)?\s*(\d+)", re.IGNORECASE)
RS_RE = re.compile(r"(?:RS)?\s*(\d+)", re.IGNORECASE)
CFD_RE = re.compile(r"[0-9A-Z]{8}")
ROME_RE = re.compile(r"[A-N]\d{4}")
SIRET_RE = re.compile(r"\d{14}")
UAI_RE = re.compile(r"[0-9A-Z]{7}[A-Z]")


def records(table):
    """The rows of a ``CsvTable`` as ``Row`` objects, for typed reading."""
    for line, values in table:
        yield Row(table, line, values)


class Row:
    """One CSV record: typed readers that name file, line, column and value on failure.

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
        value = fold_space(value) if folded else value.strip()
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


# -- the Éducation nationale's conventions (establishments, outcomes) ------------------------------


def masked_number(table, line, column, value, *, integer=False, low=None, high=None):
    """A number as published, or None when masked or absent ("", "nd", "*"): never 0 for unknown."""
    value = value.strip()
    if value.lower() in {"", "nd", "*"}:
        return None
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation:
        table.fail(line, f"{column}: {value!r} is not a number (nor a masked value: empty, 'nd', '*')")
    if not number.is_finite():
        table.fail(line, f"{column}: {value!r} is not a number")
    if integer:
        if number != number.to_integral_value():
            table.fail(line, f"{column}: {value!r} is not a whole number")
        number = int(number)
    elif number.as_tuple().exponent < -2:
        table.fail(line, f"{column}: {value!r} has more than 2 decimals")
    if (low is not None and number < low) or (high is not None and number > high):
        table.fail(line, f"{column}: {value!r} is out of range [{low}, {high}]")
    return number


def check_uai(table, line, value):
    value = value.strip().upper()
    if not UAI_RE.fullmatch(value):
        table.fail(line, f"invalid UAI {value!r}")
    return value


def region_code(table, line, label):
    """The INSEE code of a region given by name ("PROVENCE-ALPES-COTE D'AZUR" -> "93")."""
    code = region_code_of(label)
    if code is None:
        table.fail(line, f"unknown region {label!r}")
    return code
