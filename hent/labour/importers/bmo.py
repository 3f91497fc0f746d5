"""Reader of France Travail's BMO survey ("Besoins en main-d'œuvre") open-data workbook.

The publisher's format is one xlsx per survey year, ``Base_open_data_BMO_<year>.xlsx``, with a sheet describing
the variables and a data sheet, one row per métier BMO × bassin d'emploi × department:

    annee, Code métier BMO, Nom métier BMO, Famille_met, Lbl_fam_met, REG, NOM_REG, Dept, NomDept,
    BE<yy>, NOMBE<yy>, met, xmet, smet

Sheet names and the bassin columns change between years ("Description des variables" in 2024,
"Description_des_variables" in 2025; BE24/NOMBE24 then BE25/NOMBE25): sheets and columns are found by
meaning, and a layout that cannot be recognised stops the import. ``*`` (statistical secrecy) and empty
cells are unknown (None), never 0; numbers may be stored as numbers or as text.

Each year is its own dataset (``bmo-<year>``) and its own scope: importing 2025 leaves 2024 as it is.
The CSV files that sometimes sit beside the workbook are third-party conversions and are not read.

This module also holds ``Workbook``, a small reader of publishers' xlsx files (openpyxl) that turns every
problem into an ``ImportFailed`` naming file, sheet and row; it belongs in ``hent.core.importing`` in time.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from pathlib import Path

from django.db.models import Q

from hent.core.importing import Importer, ImportFailed, Table
from hent.labour.models import BmoRecord
from hent.territories.names import REGION_CODES

MASKED = "*"
# INSEE region codes since 2016 (REG of the BMO files); a code outside this list is an unknown reference.
DEPARTMENT = re.compile(r"\d\d|2[AB]|97\d")
BMO_CODE = re.compile(r"[A-Z][0-9A-Z][A-Z]\d\d")
BASIN_CODE = re.compile(r"\d{3,5}")
XLSX_SUFFIXES = (".xlsx", ".xlsm")


# -- xlsx reading (publisher workbooks) -------------------------------------------------------------------


def fold(text):
    """A header as a key: no accents, no case, no surrounding or doubled spaces, '_' as a space."""
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return " ".join(text.replace("_", " ").lower().split())


def clean(value):
    """A text cell as published, trimmed (including no-break spaces); numbers as their text."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\xa0", " ").strip()


def workbook_source(source, pattern):
    """(name, bytes) of the workbook: the source itself when PATH is the xlsx file, else the one file matching."""
    path = Path(source.path)
    if path.is_file() and path.suffix.lower() in XLSX_SUFFIXES:
        return path.name, path.read_bytes()
    name = source.find(pattern)
    return name, source.read_bytes(name)


def check_workbook_path(path):
    """A PATH that is an xlsx file must be a readable zip: say so plainly (the base would say 'expected a folder')."""
    path = Path(path)
    if path.is_file() and path.suffix.lower() in XLSX_SUFFIXES and not zipfile.is_zipfile(path):
        raise ImportFailed("not a readable xlsx workbook; is the file truncated?", file=path.name)


class Sheet:
    """One worksheet: its title and its rows as (row number, tuple of values)."""

    def __init__(self, workbook, worksheet):
        self.workbook, self.worksheet, self.title = workbook, worksheet, worksheet.title
        self.where = f"{workbook.name}, sheet {worksheet.title!r}"

    def rows(self):
        number = 0
        try:
            for number, values in enumerate(self.worksheet.iter_rows(values_only=True), start=1):
                yield number, values
        except Exception as exc:  # a damaged sheet: ParseError, BadZipFile, zlib.error, EOFError…
            raise ImportFailed(
                f"unreadable sheet ({exc.__class__.__name__}: {exc}); is the file truncated?",
                file=self.where,
                line=number + 1,
            ) from None

    def fail(self, line, message):
        raise ImportFailed(message, file=self.where, line=line)


class Workbook:
    """A publisher's xlsx workbook, read-only, cached cell values (no formulas)."""

    def __init__(self, name, data):
        import openpyxl

        self.name = name
        try:
            self.book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds (BadZipFile, KeyError, InvalidFileException…)
            raise ImportFailed(
                f"not a readable xlsx workbook ({exc.__class__.__name__}: {exc}); is the file truncated?", file=name
            ) from None
        self.sheets = [Sheet(self, ws) for ws in self.book.worksheets]

    @property
    def properties(self):
        return self.book.properties

    def close(self):
        self.book.close()


def _matches(name, cell):
    return re.fullmatch(name, cell) is not None if isinstance(name, re.Pattern) else cell == name


def whole_number(sheet, line, column, value):
    """A count as published: a number, or digits as text; '*' (masked) and empty mean unknown (None)."""
    if value is None:
        return None
    if isinstance(value, bool):
        sheet.fail(line, f"bad value {value!r} in column {column} (expected a whole number or '*')")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            sheet.fail(line, f"bad value {value!r} in column {column} (expected a whole number or '*')")
        number = int(value)
    else:
        text = str(value).replace("\xa0", "").replace("\u202f", "").replace(" ", "").strip()
        if text in ("", MASKED):
            return None
        if re.fullmatch(r"\d+(\.0+)?", text):
            number = int(text.split(".")[0])
        else:
            sheet.fail(line, f"bad value {str(value)!r} in column {column} (expected a whole number or '*')")
    if number < 0:
        sheet.fail(line, f"bad value {value!r} in column {column} (negative)")
    return number


def code_text(value, width=0):
    """A code that may come as a number (53, 29.0) or as text ("53", " 2A"), as text, left-padded with zeros."""
    text = clean(value)
    if width and text.isdigit():
        text = text.zfill(width)
    return text


# -- dataset provenance and column sizes ------------------------------------------------------------------

ETALAB = ("Licence Ouverte / Open Licence 2.0 (Etalab)", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/")
LICENCE_NOT_VERIFIED = "licence non vérifiée"
UNVERIFIED = re.compile(r"assumed|not stated in the files|not verified|unknown|non vérifiée|présumée", re.IGNORECASE)


def provenance(source):
    """What the PROVENANCE.md of a copy says (the curator's notes; a publisher's own download has none).

    Returns {} without one, else "licence" (the text after "Licence:"), "licence_verified" (False when the
    text says the licence is assumed or not verified), "repository", "commit" and "commit_date" when stated.
    For a source given as the xlsx itself, the notes are those of its folder.
    """
    path = Path(source.path)
    if path.is_file() and path.suffix.lower() in XLSX_SUFFIXES:
        notes = path.parent / "PROVENANCE.md"
        text = notes.read_text(encoding="utf-8", errors="replace") if notes.is_file() else ""
    else:
        try:
            name = source.find("PROVENANCE.md", required=False)
        except ImportFailed:  # several notes: none is known to describe these files
            name = None
        text = source.read_bytes(name).decode("utf-8", errors="replace") if name else ""
    if not text:
        return {}
    found = {}
    licence = re.search(r"licen[cs]e\**\s*:\**\s*([^\n]+)", text, re.IGNORECASE)
    if licence:
        found["licence"] = licence.group(1).strip()
        found["licence_verified"] = not UNVERIFIED.search(found["licence"])
    repository = re.search(r"repository\**\s*:\**\s*`?([\w.-]+/[\w.-]+)`?", text, re.IGNORECASE)
    if repository:
        found["repository"] = repository.group(1)
    commit = re.search(r"commit[^\n]*?\b([0-9a-f]{40})\b`?\s*(?:\((\d{4}-\d\d-\d\d)\))?", text, re.IGNORECASE)
    if commit:
        found["commit"], found["commit_date"] = commit.group(1), commit.group(2) or ""
    return found


def licence_and_origin(notes, default):
    """(licence, licence URL, sentence on the copy's origin) from the PROVENANCE notes, ``default`` without them."""
    if not notes:
        return (*default, "")
    licence = notes.get("licence", "")
    if not licence or not notes.get("licence_verified"):
        name, url = LICENCE_NOT_VERIFIED, ""
    elif re.search(r"licence ouverte|etalab", licence, re.IGNORECASE):
        name, url = ETALAB
    else:
        name, url = LICENCE_NOT_VERIFIED, ""
    origin = ""
    if notes.get("repository"):
        origin = f" Copie tirée du dépôt GitHub {notes['repository']}"
        if notes.get("commit"):
            origin += f" (commit {notes['commit'][:12]}" + (f", {notes['commit_date']}" if notes["commit_date"] else "")
            origin += ")"
        origin += "."
    return name, url, origin


def check_lengths(model, row, table, line):
    """Stop (``table.fail(line, …)``) on a text of ``row`` longer than its column (PostgreSQL would refuse it)."""
    for field in model._meta.concrete_fields:
        value = row.get(field.attname)
        if isinstance(value, str) and field.max_length and len(value) > field.max_length:
            table.fail(line, f"{field.name}: {len(value)} characters, more than the {field.max_length} it holds")


# -- the BMO workbook ------------------------------------------------------------------------------------

# Columns by meaning: field -> folded header (a pattern for the bassin columns, whose name carries the vintage).
COLUMNS = {
    "year": "annee",
    "bmo_code": "code metier bmo",
    "bmo_label": "nom metier bmo",
    "family_code": "famille met",
    "family_label": "lbl fam met",
    "region_code": "reg",
    "region_name": "nom reg",
    "department_code": "dept",
    "department_name": "nomdept",
    "basin_code": re.compile(r"be\d\d"),
    "basin_name": re.compile(r"nombe\d\d"),
    "projects": "met",
    "difficult": "xmet",
    "seasonal": "smet",
}
COLUMN_NAMES = {
    "year": "annee", "bmo_code": "Code métier BMO", "bmo_label": "Nom métier BMO", "family_code": "Famille_met",
    "family_label": "Lbl_fam_met", "region_code": "REG", "region_name": "NOM_REG", "department_code": "Dept",
    "department_name": "NomDept", "basin_code": "BE<yy>", "basin_name": "NOMBE<yy>", "projects": "met",
    "difficult": "xmet", "seasonal": "smet",
}  # fmt: skip
METHOD_URL = re.compile(r"https?://\S+")


class BmoImporter(Importer):
    """One survey year from the official workbook (folder holding it, the xlsx itself, or a zip)."""

    dataset_slug = "bmo"
    pattern = "Base_open_data_BMO_*.xlsx"

    def run(self, dry_run=False):
        check_workbook_path(self.path)
        return super().run(dry_run=dry_run)

    def parse(self, source):
        name, data = workbook_source(source, self.pattern)
        workbook = Workbook(name, data)
        try:
            data_sheet, header_line, columns = self._data_sheet(workbook)
            rows, year, vintage = self._records(data_sheet, header_line, columns)
            description = self._description(workbook, year)
            properties = workbook.properties
        finally:
            workbook.close()
        created = properties.created
        author, saver = properties.creator, properties.lastModifiedBy
        if author and saver and author != saver:
            self.warnings.append(
                f"{name}: written by {author} ({created and created.date()}) but last saved by {saver} "
                f"({properties.modified and properties.modified.date()}): a copy re-saved after publication?"
            )
        licence, licence_url, origin = licence_and_origin(provenance(source), ETALAB)
        self.dataset_slug = f"bmo-{year}"
        meta = {
            "name": "Enquête Besoins en main-d'œuvre (BMO)",
            "publisher": "France Travail",
            "version": str(year),
            "published_on": created.date() if created else None,
            "licence": licence,
            "licence_url": licence_url,
            "source_url": "https://www.data.gouv.fr/fr/datasets/enquete-besoins-en-main-doeuvre-bmo/",
            "description": (
                f"Projets de recrutement des employeurs pour {year}, dont projets jugés difficiles et projets "
                f"saisonniers, par métier BMO (codes FAP 2021) et bassin d'emploi ({vintage}). Les valeurs "
                "masquées par le secret statistique (*) sont inconnues ; les effectifs sont des estimations "
                f"arrondies. Fichier {name}."
                + (f" Méthode : {description['method_url']}" if description else "")
                + origin
            ),
            "is_demo": False,
        }
        table = Table(BmoRecord, ("year", "bmo_code", "basin_code", "department_code"), rows, Q(year=year))
        table.label = f"BMO records {year}"
        return meta, [table]

    # -- sheets ------------------------------------------------------------------------------------------

    def _data_sheet(self, workbook):
        """The sheet whose header holds every column of the BMO layout, and where each column is."""
        found, closest = [], None
        for sheet in workbook.sheets:
            for line, values in sheet.rows():
                header = [fold(v) for v in values]
                missing = [COLUMN_NAMES[f] for f, name in COLUMNS.items() if not any(_matches(name, c) for c in header)]
                if not missing:
                    found.append((sheet, line, self._columns(sheet, line, header)))
                    break
                if len(missing) < len(COLUMNS) // 2 and (closest is None or len(missing) < len(closest[2])):
                    closest = (sheet, line, missing)
                if line >= 5:
                    break
        if len(found) == 1:
            return found[0]
        if found:
            sheets = ", ".join(repr(s.title) for s, _, _ in found)
            raise ImportFailed(f"unknown layout: several sheets with the BMO columns ({sheets})", file=workbook.name)
        if closest:
            sheet, line, missing = closest
            sheet.fail(line, f"unknown layout: no sheet with the BMO columns; this header lacks {', '.join(missing)}")
        sheets = ", ".join(repr(s.title) for s in workbook.sheets)
        raise ImportFailed(
            f"unknown layout: no sheet with the BMO columns ({', '.join(COLUMN_NAMES.values())}); sheets: {sheets}",
            file=workbook.name,
        )

    def _columns(self, sheet, line, header):
        columns = {}
        for field, name in COLUMNS.items():
            positions = [i for i, cell in enumerate(header) if _matches(name, cell)]
            if len(positions) > 1:
                sheet.fail(line, f"two columns named {header[positions[0]]!r}")
            columns[field] = positions[0]
        columns["_vintage"] = header[columns["basin_code"]].upper()
        return columns

    def _records(self, sheet, header_line, columns):
        rows, seen, exceeding = {}, {}, []
        year = None
        width = max(columns[field] for field in COLUMNS) + 1
        labels = {"bmo_code": {}, "basin_code": {}, "region_code": {}, "family_code": {}}
        for line, values in sheet.rows():
            if line <= header_line or not any(v not in (None, "") for v in values):
                continue
            values = tuple(values) + (None,) * (width - len(values))
            cell = {field: values[i] for field, i in columns.items() if field in COLUMNS}
            row_year = self._year(sheet, line, cell["year"])
            if year is None:
                year = row_year
            elif row_year != year:
                sheet.fail(line, f"year {row_year} in a file of year {year}")
            record = self._record(sheet, line, cell)
            key = (year, record.pop("bmo_code"), record.pop("basin_code"), record.pop("department_code"))
            if key in rows:
                sheet.fail(line, f"duplicate row for métier {key[1]}, bassin {key[2]}, department {key[3]} "
                                 f"(first at line {seen[key]})")  # fmt: skip
            seen[key] = line
            rows[key] = record
            self._same_label(sheet, line, labels["bmo_code"], key[1], record["bmo_label"], "métier BMO")
            self._same_label(sheet, line, labels["basin_code"], key[2], record["basin_name"], "bassin")
            self._same_label(sheet, line, labels["region_code"], record["region_code"], record["region_name"], "region")
            self._same_label(sheet, line, labels["family_code"], record["family_code"], record["family_label"],
                             "family")  # fmt: skip
            for field in ("difficult", "seasonal"):
                if None not in (record[field], record["projects"]) and record[field] > record["projects"]:
                    exceeding.append(f"line {line}: {field} ({record[field]}) exceeds projects ({record['projects']})")
        if exceeding:
            more = f" (and {len(exceeding) - 5} more)" if len(exceeding) > 5 else ""
            self.warnings.append(f"{sheet.where}: {'; '.join(exceeding[:5])}{more}")
        if year is None:
            sheet.fail(header_line + 1, "the sheet has no data row; is the file truncated?")
        vintage = columns["_vintage"]
        if vintage[2:] != str(year)[2:]:
            self.warnings.append(f"{sheet.where}: bassin column {vintage} in a file of year {year}")
        return rows, year, vintage

    def _year(self, sheet, line, value):
        text = clean(value)
        if not re.fullmatch(r"(19|20)\d\d", text):
            sheet.fail(line, f"bad value {text!r} in column annee (expected a year)")
        return int(text)

    def _record(self, sheet, line, cell):
        bmo_code = clean(cell["bmo_code"]).upper()
        if not BMO_CODE.fullmatch(bmo_code):
            sheet.fail(line, f"bad value {bmo_code!r} in column Code métier BMO (expected a FAP 2021 code like A0X40)")
        family = clean(cell["family_code"]).upper()
        if not re.fullmatch(r"[A-Z]", family):
            sheet.fail(line, f"bad value {family!r} in column Famille_met (expected one letter)")
        region = code_text(cell["region_code"], 2)
        if region not in REGION_CODES:
            sheet.fail(line, f"unknown region code {region!r} in column REG")
        department = code_text(cell["department_code"], 2).upper()
        if not DEPARTMENT.fullmatch(department):
            sheet.fail(line, f"bad value {department!r} in column Dept (expected a department code)")
        basin = code_text(cell["basin_code"])
        if not BASIN_CODE.fullmatch(basin):
            sheet.fail(line, f"bad value {basin!r} in bassin column (expected a bassin code like 5301)")
        basin = str(int(basin))
        if basin.zfill(4)[:2] != region:
            sheet.fail(line, f"unknown bassin {basin} for region {region} (a bassin code starts with its region)")
        record = {
            "bmo_code": bmo_code,
            "basin_code": basin,
            "department_code": department,
            "bmo_label": clean(cell["bmo_label"]),
            "family_code": family,
            "family_label": clean(cell["family_label"]),
            "region_code": region,
            "region_name": clean(cell["region_name"]),
            "department_name": clean(cell["department_name"]),
            "basin_name": clean(cell["basin_name"]),
            "projects": whole_number(sheet, line, "met", cell["projects"]),
            "difficult": whole_number(sheet, line, "xmet", cell["difficult"]),
            "seasonal": whole_number(sheet, line, "smet", cell["seasonal"]),
        }
        for field in ("bmo_label", "basin_name", "region_name"):
            if not record[field]:
                sheet.fail(line, f"empty {field.replace('_', ' ')}")
        check_lengths(BmoRecord, record, sheet, line)
        return record

    def _same_label(self, sheet, line, labels, code, label, what):
        first = labels.setdefault(code, (label, line))
        if first[0] != label:
            sheet.fail(line, f"{what} {code} is named {label!r} here but {first[0]!r} at line {first[1]}")

    def _description(self, workbook, year):
        """The variables sheet, when present: its year must be the data's; it gives the method page."""
        for sheet in workbook.sheets:
            if "description" not in fold(sheet.title) and "variables" not in fold(sheet.title):
                continue
            result = {"method_url": ""}
            for line, values in sheet.rows():
                cells = [clean(v) for v in values if v not in (None, "")]
                if len(cells) >= 2 and fold(cells[0]) == "annee" and cells[1] != str(year):
                    sheet.fail(line, f"the variables sheet says year {cells[1]} but the data are of {year}")
                for text in cells:
                    match = METHOD_URL.search(text)
                    if match and not result["method_url"]:
                        result["method_url"] = match.group(0)
            return result
        return None
