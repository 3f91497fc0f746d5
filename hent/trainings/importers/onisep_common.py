"""What the ONISEP (Idéo) importers share.

* Finding the files. ONISEP's downloads are named after the dataset id ("5fe07a9ecc960.zip") or after the
  export ("Onisep_Ideo_Fiches_Formations_25062024.xml"), and the copies people pass around get renamed
  ("….xml.xml"). So a file is recognised by what it holds (root element, record element, first record's
  fields, or a JSON array's keys), not by its name. PATH may be a folder, a zip, or one file (see ``Source``).
* Reading records. ``Record`` wraps one XML element or one JSON object with typed readers that stop with the
  file, the line and the problem (a missing element, a bad date, an identifier of the wrong shape…).
* Provenance. The files carry little of it; what they do not say comes from a PROVENANCE.md beside them when
  there is one, and the licence is stated as not verified unless that file names one.
"""

from __future__ import annotations

import datetime
import glob
import json
import re
from pathlib import PurePosixPath

from hent.core.html import sanitize
from hent.core.importing import Importer, ImportFailed, licence_of, too_long

PUBLISHER = "ONISEP"
PORTAL_URL = "https://opendata.onisep.fr/"

FOR_RE = re.compile(r"FOR\.\d+")
MET_RE = re.compile(r"MET\.\d+")
ENS_RE = re.compile(r"ENS\.\d+")
ROME_RE = re.compile(r"[A-N]\d{4}")
EXAMPLES = {FOR_RE: "FOR.1234", MET_RE: "MET.12", ENS_RE: "ENS.1234"}

# What each kind of file is, for messages.
KINDS = {
    "fiches-formations": "Idéo-Fiches formations (XML: <formations> of <formation>)",
    "fiches-metiers": "Idéo-Fiches métiers (XML: <metiers> of <metier>)",
    "metiers-list": "Idéo-Métiers Onisep (XML <root> of <item>, or JSON array, with libelle_metier…)",
    "lycees-specialites": "Idéo enseignements de spécialité de 1re générale (XML <root> of <item>)",
    "lycees-options": "Idéo enseignements optionnels de 2nde GT (XML <root> of <item>)",
}
LIST_FIELDS = {"libelle_metier", "lien_site_onisepfr"}
SPECIALITES_FIELD = "enseignements_de_specialite_de_classe_de_1ere_generale"
OPTIONS_FIELD = "enseignements_optionnels_et_langues_de_classe_de_2nde_gt"
SNIFF_BYTES = 256 * 1024


def classify(root, record, fields):
    """The kind of an ONISEP file from its root element, record element and first record's fields."""
    if (root, record) == ("formations", "formation"):
        return "fiches-formations"
    if (root, record) == ("metiers", "metier"):
        return "fiches-metiers"
    if fields >= LIST_FIELDS:
        return "metiers-list"
    if SPECIALITES_FIELD in fields:
        return "lycees-specialites"
    if OPTIONS_FIELD in fields:
        return "lycees-options"
    return None


def sniff(head):
    """(kind or None, format) of a file from its first bytes."""
    from lxml import etree

    text_start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text_start.startswith(b"["):
        keys = set(re.findall(r'"([^"\\]+)"\s*:', head.decode("utf-8", errors="replace").split("}", 1)[0]))
        return classify(None, None, keys), "json"
    if not text_start.startswith(b"<"):
        return None, "?"
    parser = etree.XMLPullParser(events=("start", "end"), resolve_entities=False)
    root = record = None
    fields, depth = set(), 0
    try:
        parser.feed(head)
        for event, element in parser.read_events():
            if event == "start":
                depth += 1
                if depth == 1:
                    root = element.tag
                elif depth == 2 and record is None:
                    record = element.tag
                elif depth == 3:
                    fields.add(element.tag)
            else:
                depth -= 1
                if depth == 1:  # end of the first record
                    break
    except etree.XMLSyntaxError:
        pass
    return classify(root, record, fields), "xml"


class OnisepImporter(Importer):
    """Base of the ONISEP importers: files are found by what they hold."""

    def __init__(self, path):
        super().__init__(path)
        self._unknown = {}

    # -- files ---------------------------------------------------------------------------------------------------

    def files(self, source):
        """{name: (kind, format)} for every XML or JSON file of the source."""
        found = {}
        for name in source.names:
            base = PurePosixPath(name).name
            if base.startswith(".") or "__MACOSX" in name or not base.lower().endswith((".xml", ".json")):
                continue
            found[name] = sniff(source.read_bytes(name)[:SNIFF_BYTES])
        return found

    def find_files(self, source, kind):
        """Names of the files of one kind; an error listing what was seen when there is none."""
        files = self.files(source)
        names = [n for n, (k, _) in files.items() if k == kind]
        if not names:
            seen = ", ".join(f"{n} ({KINDS.get(k, 'not recognised')})" for n, (k, _) in files.items())
            raise ImportFailed(f"no {KINDS[kind]} file found; files seen: {seen or 'none'}", file=str(source.path))
        return sorted(names), files

    def one_file(self, source, kind):
        names, _ = self.find_files(source, kind)
        if len(names) > 1:
            raise ImportFailed(
                f"several {KINDS[kind]} files: {', '.join(names)}; give one of them", file=str(source.path)
            )
        return names[0]

    def iter_records(self, source, name, tag):
        """Yield a ``Record`` for each <tag> element of an XML file, streaming, with its line and rank.

        The rank is in messages too: ONISEP's portal exports hold a whole file on one line."""
        for number, (line, element) in enumerate(source.iter_xml(glob.escape(PurePosixPath(name).name), tag), 1):
            yield Record(element, name, line, label=f"<{tag}> {number}")

    def read_json_array(self, source, name):
        """Yield a ``Record`` for each object of a JSON array, with the line where it starts."""
        text = source.read_text(name)
        decoder = json.JSONDecoder()
        pos = _skip_space(text, 0)
        if not text.startswith("[", pos):
            raise ImportFailed("expected a JSON array", file=name, line=_line(text, pos))
        pos = _skip_space(text, pos + 1)
        number = 0
        if text.startswith("]", pos):
            return
        while True:
            try:
                value, end = decoder.raw_decode(text, pos)
            except json.JSONDecodeError as exc:
                raise ImportFailed(
                    f"malformed JSON ({exc.msg}); is the file truncated?", file=name, line=exc.lineno
                ) from None
            number += 1
            if not isinstance(value, dict):
                raise ImportFailed(f"record {number} is not a JSON object", file=name, line=_line(text, pos))
            yield Record.from_json(value, name, _line(text, pos), number)
            pos = _skip_space(text, end)
            if text.startswith(",", pos):
                pos = _skip_space(text, pos + 1)
            elif text.startswith("]", pos):
                if text[_skip_space(text, pos + 1) :]:
                    raise ImportFailed("text after the end of the JSON array", file=name, line=_line(text, pos))
                return
            else:
                raise ImportFailed(
                    "malformed JSON (expected ',' or ']'); is the file truncated?", file=name, line=_line(text, pos)
                )

    # -- checks --------------------------------------------------------------------------------------------------

    def note_unknown(self, record, known):
        """Remember elements the importer does not know (a publisher may add some): reported once per file."""
        extra = {tag for tag in record.tags() if tag not in known}
        if extra:
            self._unknown.setdefault(record.file, set()).update(extra)

    def report_unknown(self):
        for name, tags in sorted(self._unknown.items()):
            self.warnings.append(f"{name}: element(s) not imported: {', '.join(sorted(tags))}")

    def meta(self, source, data_name, *, name, version="", published_on=None, description=""):
        """The dataset's fields; the licence is the one a PROVENANCE.md beside the data file states, if any."""
        return {
            "name": name,
            "publisher": PUBLISHER,
            "version": version,
            "published_on": published_on,
            "licence": licence_of(source.provenance(beside=data_name)),
            "licence_url": "",
            "source_url": PORTAL_URL,
            "description": description,
        }

    def fit(self, model, values, record, element=None):
        """Stop on a text longer than its column (PostgreSQL would refuse it; SQLite would not)."""
        found = too_long(model, values)
        if found:
            field, value, limit = found
            record.fail(f"{field} is {len(value)} characters long, more than {limit}", element)
        return values


class Record:
    """One record (an XML element, or a JSON object read as {field: text}) with readers that fail precisely."""

    def __init__(self, element, file, line, label=None):
        self.element, self.file, self.line = element, file, line
        self.label = label  # for messages: "<item> 12", "record 12" (JSON)
        self.values = None

    @classmethod
    def from_json(cls, obj, file, line, number):
        record = cls(None, file, line, label=f"record {number}")
        record.values = obj
        return record

    def tags(self):
        if self.values is not None:
            return list(self.values)
        return [child.tag for child in self.element if isinstance(child.tag, str)]

    def fail(self, message, element=None):
        line = element.sourceline if element is not None and element.sourceline else self.line
        if self.label:
            message = f"{self.label}: {message}"
        raise ImportFailed(message, file=self.file, line=line)

    # -- elements ------------------------------------------------------------------------------------------------

    def child(self, tag, element=None):
        """The required child element <tag> (of ``element``, default the record)."""
        parent = self.element if element is None else element
        found = parent.find(tag)
        if found is None:
            where = f"<{parent.tag}>" if element is not None else f"<{self.element.tag}>"
            self.fail(f"missing element <{tag}> in {where}", element)
        return found

    def children(self, path, tag):
        """The <tag> elements under the required element ``path``."""
        return [c for c in self.child(path) if c.tag == tag]

    def text(self, tag, element=None, required=False, what=None):
        """Stripped text of a required element (or JSON field); ``required`` also forbids an empty value."""
        if self.values is not None:
            if tag not in self.values:
                self.fail(f"missing field {tag!r}")
            value = self.values[tag]
            if value is None:
                value = ""
            elif isinstance(value, bool) or not isinstance(value, str | int):
                self.fail(f"{tag} is not a text or an integer: {value!r}")
            value = str(value).strip()
        else:
            found = self.child(tag, element)
            if len(found):
                self.fail(f"<{tag}> should hold text, not elements", found)
            value = (found.text or "").strip()
        if required and not value:
            self.fail(f"{what or tag} is empty", element)
        return value

    def optional_text(self, tag, element=None):
        """Text of an element that may be absent (e.g. in a nested block): "" then."""
        parent = self.element if element is None else element
        found = parent.find(tag)
        return (found.text or "").strip() if found is not None else ""

    def html(self, tag, element=None):
        """Sanitised HTML (ONISEP publishes markup in CDATA sections, sometimes escaped)."""
        return sanitize(self.text(tag, element), unescape=True)

    def identifier(self, tag, pattern, what, element=None):
        """A required identifier that must match ``pattern`` (one of the *_RE above)."""
        value = self.text(tag, element, required=True, what=what)
        if not pattern.fullmatch(value):
            self.fail(f"{what} {value!r} is not an identifier like {EXAMPLES[pattern]}", self._at(tag, element))
        return value

    def date(self, tag, element=None):
        """A dd/mm/yyyy date; empty: None."""
        value = self.text(tag, element)
        if not value:
            return None
        try:
            return datetime.datetime.strptime(value, "%d/%m/%Y").date()
        except ValueError:
            self.fail(f"{tag} {value!r} is not a date (dd/mm/yyyy)", self._at(tag, element))

    def year(self, tag, element=None):
        """A four-digit year; empty (or JSON null): None, never 0."""
        value = self.text(tag, element)
        if not value:
            return None
        if not re.fullmatch(r"(19|20)\d\d", value):
            self.fail(f"{tag} {value!r} is not a year", self._at(tag, element))
        return int(value)

    def _at(self, tag, element=None):
        if self.values is not None:
            return None
        return (self.element if element is None else element).find(tag)


def date_in_name(name):
    """The export date in a file name: "…_25062024.xml" (ddmmyyyy) or "…_2024-06-25…"; else None."""
    base = PurePosixPath(name).name
    for pattern, order in (
        (r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)", "ymd"),
        (r"(?<!\d)(\d{2})(\d{2})(\d{4})(?!\d)", "dmy"),
    ):
        for match in re.finditer(pattern, base):
            parts = dict(zip(order, map(int, match.groups()), strict=True))
            try:
                return datetime.date(parts["y"], parts["m"], parts["d"])
            except ValueError:
                continue
    return None


def first_iso_date(text):
    match = re.search(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)", text or "")
    if not match:
        return None
    try:
        return datetime.date(*map(int, match.groups()))
    except ValueError:
        return None


def _skip_space(text, pos):
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _line(text, pos):
    return text.count("\n", 0, pos) + 1
