"""The one base for every importer of open data.

An importer reads a publisher's own files (a folder, a zip archive, or one
file), checks them completely, then makes the database equal to them in one
transaction:

* ``Source`` opens the files and reads CSV the way publishers really write it
  (',' or ';', quoted or not, header names broken over two lines, stray
  Windows-1252 lines in a UTF-8 file or whole Windows-1252 files, multi-line
  quoted fields), notes what it repaired in the importer's warnings, and turns
  every malformation into an ``ImportFailed`` naming file, line and problem;
  ``Source.provenance`` and ``dataset_meta`` read the PROVENANCE.md of a copy;
* ``Importer.parse()`` (written per format) returns ``Table`` plans: for each
  table, the rows the files say it must hold, keyed by natural key;
* ``Importer.run()`` diffs each plan against the database, creates, updates and
  deletes what differs, records the dataset's version, and reports counts.
  Nothing is written before every file has been read and checked; any error
  rolls everything back; ``dry_run`` rolls back after counting.
"""

from __future__ import annotations

import contextlib
import csv
import fnmatch
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, models, transaction
from django.dispatch import Signal
from django.utils import timezone

from hent.core.models import Dataset

BATCH_SIZE = 2000
BOM = b"\xef\xbb\xbf"

# Sent after an import has been committed (not after a dry run): slug, report.
dataset_imported = Signal()
# Sent when a batch of imports ends (see derived_data_deferred): slugs, the datasets imported.
datasets_batch_imported = Signal()
_batch = None


@contextlib.contextmanager
def derived_data_deferred():
    """Within this block, receivers of ``dataset_imported`` that rebuild derived data (search index,
    catalogues) are told to wait: ``datasets_batch_imported`` is sent once at the end instead."""
    global _batch
    outer = _batch is None
    if outer:
        _batch = []
    try:
        yield
    finally:
        if outer:
            slugs, _batch = _batch, None
            if slugs:
                datasets_batch_imported.send(sender=None, slugs=slugs)
                refresh_planner_statistics()


BULK_CHANGES = 1000  # rows created, updated or deleted from which an import refreshes the planner's statistics


def refresh_planner_statistics():
    """PostgreSQL plans queries from table statistics that a bulk import leaves stale: refresh them once the
    import (or the batch of imports) is done, rather than whenever autovacuum comes by."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def batch_running():
    return _batch is not None


def in_batch(slug):
    """True (and the slug noted) when a batch defers derived data; receivers then return at once."""
    if _batch is None:
        return False
    _batch.append(slug)
    return True


class ImportFailed(Exception):
    """A problem in the input files, stated for the operator: file, line, what is wrong."""

    def __init__(self, message, file=None, line=None):
        self.message, self.file, self.line = message, file, line
        super().__init__(str(self))

    def __str__(self):
        where = ", ".join(p for p in (self.file, f"line {self.line}" if self.line else None) if p)
        return f"{where}: {self.message}" if where else self.message


PROVENANCE = "PROVENANCE.md"
LICENCE_NOT_VERIFIED = "licence non vérifiée"
ETALAB = "Licence Ouverte / Open Licence 2.0 (Etalab)"
ETALAB_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
SEPARATORS = (";", ",", "\t", "|")


class Source:
    """A publisher's distribution: a folder of files, a zip archive, or one plain file (a source holding only it).

    ``names`` lists its files (paths inside the folder or archive). What ``read_text`` and ``read_csv`` notice
    in passing (lines read as Windows-1252) goes to ``warnings``, the importer's list when it opens the source.
    """

    def __init__(self, path, warnings=None):
        self.path = Path(path)
        self.warnings = [] if warnings is None else warnings
        if not self.path.exists():
            raise ImportFailed(f"{self.path} does not exist")
        self._zip = None
        self._folder = self.path
        self.single_file = self.path.is_file() and not zipfile.is_zipfile(self.path)
        if self.single_file:
            self._folder = self.path.parent
            self.names = [self.path.name]
        elif self.path.is_file():
            self._zip = zipfile.ZipFile(self.path)
            self.names = [n for n in self._zip.namelist() if not n.endswith("/")]
        else:
            self.names = sorted(str(p.relative_to(self.path)) for p in self.path.rglob("*") if p.is_file())

    def _matching(self, pattern):
        return [n for n in self.names if fnmatch.fnmatch(n.rsplit("/", 1)[-1], pattern)]

    def find_all(self, pattern):
        """Every file whose name (without folders) matches a glob pattern, sorted."""
        return sorted(self._matching(pattern))

    def find(self, pattern, required=True):
        """The one file whose name (without folders) matches a glob pattern."""
        matches = self._matching(pattern)
        if len(matches) > 1:
            raise ImportFailed(f"several files match {pattern}: {', '.join(matches)}", file=str(self.path))
        if not matches:
            if required:
                raise ImportFailed(f"no file matching {pattern}", file=str(self.path))
            return None
        return matches[0]

    def open(self, name):
        """A binary stream of one file, for readers that stream (XML of 15 MB and more)."""
        return self._zip.open(name) if self._zip is not None else open(self._folder / name, "rb")

    def read_bytes(self, name):
        if self._zip is not None:
            return self._zip.read(name)
        return (self._folder / name).read_bytes()

    def read_text(self, name, windows_1252="lines"):
        """The text of a file, NFC-normalised; see ``decode`` for files that are not UTF-8."""
        return self._decode(name, windows_1252)[0]

    def _decode(self, name, windows_1252):
        text, fallback = decode(self.read_bytes(name), name, windows_1252)
        if fallback:
            self.warnings.append(
                f"{name}: {len(fallback)} line(s) not in UTF-8, read as Windows-1252 (first: line {fallback[0]})"
            )
        return text, fallback

    def iter_xml(self, pattern, tag):
        """Yield (line, element) for every <tag> element of an XML file, streaming (files of 15 MB and more).

        Each element is cleared after use. A malformed document stops with file and line.
        """
        from lxml import etree

        name = self.find(pattern)
        stream = self.open(name)
        try:
            for _event, element in etree.iterparse(
                stream, events=("end",), tag=tag, recover=False, resolve_entities=False
            ):
                yield element.sourceline, element
                element.clear(keep_tail=True)
                while element.getprevious() is not None:
                    del element.getparent()[0]
        except etree.XMLSyntaxError as exc:
            raise ImportFailed(
                f"malformed XML ({exc.msg}); is the file truncated?", file=name, line=exc.lineno
            ) from None
        finally:
            stream.close()

    def read_csv(self, pattern, columns, delimiter=",", *, required=True, **options):
        """Rows of the one CSV file matching ``pattern`` as ``(line_number, dict)``, after checking its shape.

        ``columns`` are the columns the importer needs; others are allowed (a publisher may add some), missing
        ones are an error. ``required=False``: None when no file matches. Options: see ``csv_file``.
        """
        name = self.find(pattern, required=required)
        return None if name is None else self.csv_file(name, columns, delimiter, **options)

    def csv_file(self, name, columns, delimiter=",", *, windows_1252="lines", quoted=True, rename=None):
        """The CSV file ``name`` (one of ``names``) as a ``CsvTable``.

        ``windows_1252``: see ``decode``; ``quoted=False`` for files that are not quoted (a '"' is then an
        ordinary character); ``rename``: see ``CsvTable``.
        """
        text, fallback = self._decode(name, windows_1252)
        table = CsvTable(name, text, columns, delimiter, quoted=quoted, rename=rename)
        table.fallback_lines = fallback
        return table

    def provenance(self, beside=None):
        """Fields of the PROVENANCE.md that describes the files ("- **Licence**: …"), keys lower-cased; {} if none.

        The one beside the file ``beside`` when it is given, else the first of the source; for a source given
        as one file, the one in that file's folder.
        """
        if self.single_file:
            path = self._folder / PROVENANCE
            text = decode(path.read_bytes(), PROVENANCE)[0] if path.is_file() else ""
        else:
            names = self.find_all(PROVENANCE)
            if beside is not None:
                names = [n for n in names if n.rpartition("/")[0] == beside.rpartition("/")[0]]
            text = self.read_text(names[0]) if names else ""
        fields = {}
        for line in text.splitlines():
            match = re.match(r"\s*[-*]\s*\*\*([^*]+)\*\*\s*:\s*(.*)", line)
            if match:
                fields.setdefault(match[1].strip().lower(), match[2].strip())
        return fields


def licence_of(provenance):
    """The licence a PROVENANCE.md states, or "licence non vérifiée" when it states none or says it is not verified."""
    stated = provenance.get("licence", "")
    if not stated or re.search(r"not (stated|verified)|non (précisée|vérifiée)|unknown", stated, re.IGNORECASE):
        return LICENCE_NOT_VERIFIED
    return stated[:200]


def dataset_meta(source, *, name, publisher, version, published_on=None, description="", official_url="", licence=None):
    """Dataset fields: what the importer knows, corrected by the PROVENANCE.md of a copy when there is one.

    ``licence`` is (name, url) of the files as their publisher distributes them (by default Licence Ouverte
    2.0); a copy described by a PROVENANCE.md gets the licence it states (see ``licence_of``), and its origin
    (repository, path, commit) goes into the description. A PROVENANCE "Publisher" is not used: the importers
    name the publisher in French.
    """
    provenance = source.provenance()
    meta = {
        "name": name,
        "publisher": publisher,
        "version": version[:100],
        "published_on": published_on,
        "licence": licence[0] if licence else ETALAB,
        "licence_url": licence[1] if licence else ETALAB_URL,
        "source_url": official_url,
        "description": description,
        "is_demo": False,
    }
    if provenance:
        meta.update(licence=licence_of(provenance), licence_url="")
        origin = []
        repo = provenance.get("source repo", "").split(" ")[0]
        if repo:
            meta["source_url"] = repo if repo.startswith("http") else f"https://{repo}"
            origin.append(f"Copie tirée du dépôt {repo}")
        path = provenance.get("source path", "").split(" (")[0]
        if path:
            origin.append(f"fichier {path}")
        commit = re.search(r"[0-9a-f]{40}", provenance.get("commit", ""))
        if commit:
            day = re.search(r"\d{4}-\d{2}-\d{2}", provenance["commit"][commit.end() :])
            origin.append(f"commit {commit[0][:12]}" + (f" du {day[0]}" if day else ""))
        if origin:
            meta["description"] = (description + " " if description else "") + ", ".join(origin) + "."
    return meta


def decode(data, name, windows_1252="lines"):
    """Text of a file (NFC-normalised), and the numbers of the lines read as Windows-1252.

    UTF-8 when the file is UTF-8 (a byte-order mark is dropped). Otherwise, with ``windows_1252="lines"``,
    only the lines that are not UTF-8 are read as Windows-1252 (a known quirk of official files: see
    ``decode_lines``); with ``windows_1252="file"`` (publishers that export some files in Windows-1252), the
    whole file is, unless some of its lines are UTF-8 with accents (a file edited with two tools): then line
    by line. A byte that is not Windows-1252 either stops with the line.
    """
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        text, fallback = data.decode("utf-8"), []
    except UnicodeDecodeError:
        if windows_1252 == "lines" or any(not line.isascii() and _is_utf8(line) for line in data.split(b"\n")):
            text, fallback = decode_lines(data)
        else:
            try:
                text, fallback = data.decode("cp1252"), []
            except UnicodeDecodeError as exc:
                raise ImportFailed(
                    f"byte {data[exc.start]:#04x} is neither UTF-8 nor Windows-1252",
                    file=name,
                    line=data.count(b"\n", 0, exc.start) + 1,
                ) from None
    return unicodedata.normalize("NFC", text), fallback


def _is_utf8(raw):
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_lines(data):
    """Decode UTF-8 text in which some lines may be Windows-1252 (a known quirk of official files).

    Returns the text and the numbers of the lines that needed the fallback.
    """
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    lines, fallback = [], []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))
            fallback.append(number)
    return "\n".join(lines), fallback


def fold_space(text):
    """White space folded: line breaks, tabs and runs of spaces become one space; ends trimmed."""
    return " ".join(text.split())


def physical_lines(text):
    """The lines of a text, split at LF only: a CR inside a quoted field does not start a line, so that the
    line numbers reported are those an editor shows."""
    lines = text.split("\n")
    for line in lines[:-1]:
        yield line + "\n"
    if lines[-1]:
        yield lines[-1]


class CsvTable:
    """A parsed CSV file whose every row has as many fields as its header.

    Header names are compared with their white space folded (some publishers break long names over two
    lines). ``rename``, when given, turns the header's cells into the column names instead (for headers
    that need interpreting, such as blank names). A header that is in fact separated by another character
    is named as such. Line numbers are those an editor shows (multi-line quoted fields included).
    """

    def __init__(self, name, text, columns, delimiter=",", *, quoted=True, rename=None):
        self.name = name
        self.fallback_lines = []
        first_line = text.split("\n", 1)[0]
        if len(columns) > 1 and delimiter not in first_line:
            for other in SEPARATORS:
                if other != delimiter and other in first_line:
                    self._wrong_delimiter(other, delimiter)
        quoting = csv.QUOTE_MINIMAL if quoted else csv.QUOTE_NONE
        reader = csv.reader(physical_lines(text), delimiter=delimiter, strict=True, quoting=quoting)
        try:
            header = next(reader)
        except StopIteration:
            raise ImportFailed("the file is empty", file=name, line=1) from None
        except csv.Error as exc:
            self._glued(first_line, columns, delimiter)
            raise ImportFailed(f"unreadable header ({exc})", file=name, line=1) from None
        header = rename(header) if rename else [fold_space(h) for h in header]
        missing = [c for c in columns if c not in header]
        if missing:
            self._glued(first_line, missing, delimiter)
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

    def _glued(self, first_line, missing, delimiter):
        """Stop if the columns not found are there, separated by another character."""
        for other in SEPARATORS:
            if other != delimiter and set(missing) & {fold_space(h.strip('"')) for h in first_line.split(other)}:
                self._wrong_delimiter(other, delimiter)

    def _wrong_delimiter(self, other, delimiter):
        raise ImportFailed(f"columns are separated by {other!r}, expected {delimiter!r}", file=self.name, line=1)

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)

    def fail(self, line, message):
        raise ImportFailed(message, file=self.name, line=line)

    def unique(self, rows, line, key):
        """Stop if ``key`` is already in ``rows`` (the rows read so far)."""
        if key in rows:
            self.fail(line, f"duplicate row for {key!r}")


_MAX_LENGTHS = {}


def too_long(model, row):
    """The first (field, value, max_length) of ``row`` whose text is longer than the model's column; else None.

    PostgreSQL refuses such a value (SQLite stores it): the importers stop on it, saying where.
    """
    if model not in _MAX_LENGTHS:
        _MAX_LENGTHS[model] = {
            f.attname: f.max_length
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField) and f.max_length
        }
    limits = _MAX_LENGTHS[model]
    for name, value in row.items():
        if isinstance(value, str) and name in limits and len(value) > limits[name]:
            return name, value, limits[name]
    return None


def check_lengths(model, row, fail):
    """Stop (through ``fail(message)``) on a text longer than its column."""
    found = too_long(model, row)
    if found:
        name, value, limit = found
        fail(f"{name}: {len(value)} characters, more than the {limit} this field holds ({value[:40]!r}…)")


@dataclass
class Table:
    """What one table must hold after the import: rows keyed by natural key.

    ``rows`` maps a key tuple (values of ``key``) to a dict of the other fields.
    ``scope`` limits the existing rows compared (and possibly deleted) to a
    subset, for tables that several sources feed.
    """

    model: type[models.Model]
    key: tuple[str, ...]
    rows: dict
    scope: models.Q | None = None
    delete: bool = True
    label: str = ""

    def __post_init__(self):
        self.label = self.label or self.model._meta.verbose_name_plural


@dataclass
class Counts:
    label: str
    in_files: int
    created: int = 0
    updated: int = 0
    deleted: int = 0

    @property
    def changes(self):
        return self.created + self.updated + self.deleted


@dataclass
class Report:
    dataset: str
    version: str
    tables: list[Counts] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def changes(self):
        return sum(t.changes for t in self.tables)

    def lines(self):
        head = f"{self.dataset} {self.version}" + (" (dry run: nothing was written)" if self.dry_run else "")
        yield head
        for t in self.tables:
            yield (f"  {t.label}: {t.in_files} in files, {t.created} created, {t.updated} updated, {t.deleted} deleted")
        total_c = sum(t.created for t in self.tables)
        total_u = sum(t.updated for t in self.tables)
        total_d = sum(t.deleted for t in self.tables)
        yield f"  total: {total_c} created, {total_u} updated, {total_d} deleted"
        for w in self.warnings:
            yield f"  warning: {w}"


class _DryRun(Exception):
    pass


class Importer:
    """Base class: subclasses set ``dataset`` defaults and implement ``parse()``."""

    dataset_slug = ""

    def __init__(self, path):
        self.path = path
        self.warnings = []

    def parse(self, source):
        """Read and check every file; return (dataset fields dict, list of Table). No writes."""
        raise NotImplementedError

    def run(self, dry_run=False):
        source = Source(self.path, warnings=self.warnings)
        meta, tables = self.parse(source)
        report = Report(dataset=meta.get("name", self.dataset_slug), version=meta.get("version", ""), dry_run=dry_run)
        report.warnings = self.warnings
        try:
            with transaction.atomic():
                report.tables = apply_tables(tables)
                record_dataset(self.dataset_slug, meta, report)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            return report
        dataset_imported.send(sender=type(self), slug=self.dataset_slug, report=report)
        return report


def record_dataset(slug, meta, report):
    counts = {t.label: t.in_files for t in report.tables}
    dataset = Dataset.objects.filter(slug=slug).first()
    fields = dict(meta, row_counts=counts)
    if dataset is None:
        Dataset.objects.create(slug=slug, imported_at=timezone.now(), **fields)
        return
    changed = [k for k, v in fields.items() if getattr(dataset, k) != v]
    if changed or report.changes:
        for k in changed:
            setattr(dataset, k, fields[k])
        dataset.imported_at = timezone.now()
        dataset.save()


def apply_tables(tables):
    """Create and update in the given order (parents first), delete in reverse order."""
    plans = [_diff(t) for t in tables]
    for table, plan in zip(tables, plans, strict=True):
        model = table.model
        if plan["create"]:
            model.objects.bulk_create(plan["create"], batch_size=BATCH_SIZE)
        if plan["update"]:
            model.objects.bulk_update(plan["update"], plan["fields"], batch_size=BATCH_SIZE)
    for table, plan in reversed(list(zip(tables, plans, strict=True))):
        pks = plan["delete"]
        for start in range(0, len(pks), BATCH_SIZE):
            table.model.objects.filter(pk__in=pks[start : start + BATCH_SIZE]).delete()
    return [
        Counts(t.label, len(t.rows), len(p["create"]), len(p["update"]), len(p["delete"]))
        for t, p in zip(tables, plans, strict=True)
    ]


def _diff(table):
    model, key = table.model, table.key
    pk_name = model._meta.pk.attname
    sample = next(iter(table.rows.values()), {})
    value_fields = list(sample)
    qs = model.objects.all()
    if table.scope is not None:
        qs = qs.filter(table.scope)
    existing = {}
    for row in qs.values(pk_name, *{*key, *value_fields}):
        existing[tuple(row[k] for k in key)] = row
    create, update, delete = [], [], []
    for k, values in table.rows.items():
        current = existing.pop(k, None)
        fields = {**dict(zip(key, k, strict=True)), **values}
        if current is None:
            create.append(model(**fields))
        elif any(current[f] != v for f, v in values.items()):
            update.append(model(**{**fields, pk_name: current[pk_name]}))
    if table.delete:
        delete = [row[pk_name] for row in existing.values()]
    return {"create": create, "update": update, "delete": delete, "fields": value_fields}
