"""The one base for every importer of open data.

An importer reads a publisher's own files (a folder or a zip archive), checks
them completely, then makes the database equal to them in one transaction:

* ``Source`` opens the files and reads CSV the way publishers really write it
  (stray Windows-1252 lines in a UTF-8 file, multi-line quoted fields), and
  turns every malformation into an ``ImportFailed`` naming file, line and problem;
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
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.db import models, transaction
from django.dispatch import Signal
from django.utils import timezone

from hent.core.models import Dataset

BATCH_SIZE = 2000

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


class Source:
    """A publisher's distribution: a folder of files or a zip archive."""

    def __init__(self, path):
        self.path = Path(path)
        if not self.path.exists():
            raise ImportFailed(f"{self.path} does not exist")
        if self.path.is_file():
            if not zipfile.is_zipfile(self.path):
                raise ImportFailed("expected a folder or a zip archive", file=str(self.path))
            self._zip = zipfile.ZipFile(self.path)
            self._names = [n for n in self._zip.namelist() if not n.endswith("/")]
        else:
            self._zip = None
            self._names = sorted(str(p.relative_to(self.path)) for p in self.path.rglob("*") if p.is_file())

    def find(self, pattern, required=True):
        """The one file whose name (without folders) matches a glob pattern."""
        matches = [n for n in self._names if fnmatch.fnmatch(n.rsplit("/", 1)[-1], pattern)]
        if len(matches) > 1:
            raise ImportFailed(f"several files match {pattern}: {', '.join(matches)}", file=str(self.path))
        if not matches:
            if required:
                raise ImportFailed(f"no file matching {pattern}", file=str(self.path))
            return None
        return matches[0]

    def read_bytes(self, name):
        if self._zip is not None:
            return self._zip.read(name)
        return (self.path / name).read_bytes()

    def read_text(self, name):
        return decode_lines(self.read_bytes(name))[0]

    def iter_xml(self, pattern, tag):
        """Yield (line, element) for every <tag> element of an XML file, streaming (files of 15 MB and more).

        Each element is cleared after use. A malformed document stops with file and line.
        """
        from lxml import etree

        name = self.find(pattern)
        stream = self._zip.open(name) if self._zip is not None else open(self.path / name, "rb")  # noqa: SIM115
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

    def read_csv(self, pattern, columns, delimiter=","):
        """Rows of a CSV file as ``(line_number, dict)``, after checking its shape.

        ``columns`` are the columns the importer needs; others are allowed (a
        publisher may add some), missing ones are an error.
        """
        name = self.find(pattern)
        text, fallback_lines = decode_lines(self.read_bytes(name))
        table = CsvTable(name, text, columns, delimiter)
        table.fallback_lines = fallback_lines
        return table


def decode_lines(data):
    """Decode UTF-8 text in which some lines may be Windows-1252 (a known quirk of official files).

    Returns the text and the numbers of the lines that needed the fallback.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
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


class CsvTable:
    """A parsed CSV file whose every row has as many fields as its header."""

    def __init__(self, name, text, columns, delimiter=","):
        self.name = name
        self.fallback_lines = []
        first_line = text.split("\n", 1)[0]
        if len(columns) > 1 and delimiter not in first_line:
            for other in (";", "\t", "|"):
                if other in first_line:
                    raise ImportFailed(f"columns are separated by {other!r}, expected {delimiter!r}", file=name, line=1)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise ImportFailed("the file is empty", file=name, line=1) from None
        except csv.Error as exc:
            raise ImportFailed(f"unreadable header ({exc})", file=name, line=1) from None
        header = [h.strip() for h in header]
        missing = [c for c in columns if c not in header]
        if missing:
            raise ImportFailed(f"missing column(s): {', '.join(missing)}", file=name, line=1)
        self.header = header
        self.rows = []
        line = 1
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

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)

    def fail(self, line, message):
        raise ImportFailed(message, file=self.name, line=line)


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
        source = Source(self.path)
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
