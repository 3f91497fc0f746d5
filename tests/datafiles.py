"""Writing the importers' test inputs at run time, in a publisher's format, from values written for the tests.

    write_csv(folder / "f.csv", ["Code", "Libellé"], rows, delimiter=";", encoding="cp1252", eol="\\r\\n")

A row is a sequence of values, or a dict by column name (absent columns are empty). A value is written as
``str(value)``; ``None`` is an empty field. Quoting follows the file's habit (``quote``): "minimal" quotes only
the fields that need it (delimiter, quote, line break), "text" quotes every string but not numbers, "all" quotes
every value, "none" none (a quote is then a character like another); a ``Bare`` value is never quoted (R's NA,
the DARES' nd) and a ``Quoted`` one always is.

``fixture(build, name)`` makes a pytest fixture of a builder: the folder ``build`` writes in the test's tmp_path.
"""

from xml.sax.saxutils import escape

import pytest


class Bare(str):
    """A field written as it is, never quoted."""


class Quoted(str):
    """A field always quoted, whatever the file's habit."""


NA = Bare("NA")


def field(value, delimiter=";", quote="minimal"):
    if value is None:
        return ""
    text = str(value)
    if isinstance(value, Bare) or (quote == "none" and not isinstance(value, Quoted)):
        return text
    needed = any(c in text for c in (delimiter, '"', "\n", "\r"))
    wanted = quote == "all" or (quote == "text" and isinstance(value, str)) or isinstance(value, Quoted)
    return '"' + text.replace('"', '""') + '"' if needed or wanted else text


def line(values, delimiter=";", quote="minimal"):
    return delimiter.join(field(v, delimiter, quote) for v in values)


def table(header, rows, delimiter=";", quote="minimal"):
    """The lines of a CSV file: ``header`` (None: no header line), then ``rows``."""
    lines = [] if header is None else [line(header, delimiter, quote)]
    for row in rows:
        values = [row.get(name) for name in header] if isinstance(row, dict) else row
        lines.append(line(values, delimiter, quote))
    return lines


def write(path, content, encoding="utf-8", eol="\n", bom=False, final_eol=True):
    """Write ``content`` (text, or a list of lines) with the given line ends, encoding and BOM; returns ``path``.
    A line given as bytes is written as it is (a line in another encoding than the file's)."""
    if isinstance(content, str):
        content, final_eol = [content], False
    lines = [line if isinstance(line, bytes) else line.replace("\n", eol).encode(encoding) for line in content]
    data = eol.encode(encoding).join([*lines, b""] if final_eol else lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xef\xbb\xbf" + data if bom else data)
    return path


def write_csv(path, header, rows, delimiter=";", quote="minimal", **options):
    """A CSV file (see ``table``), written as ``write`` does; returns ``path``."""
    return write(path, table(header, rows, delimiter, quote), **options)


def flat_xml(records, root="root", item="item"):
    """ONISEP's one-line lists: <root><item><name>value</name>…</item>…</root>, an empty value as <name/>."""
    items = (
        "".join(f"<{k}>{escape(str(v))}</{k}>" if v not in (None, "") else f"<{k}/>" for k, v in record.items())
        for record in records
    )
    return f"<{root}>" + "".join(f"<{item}>{body}</{item}>" for body in items) + f"</{root}>\n"


def fixture(build, name):
    """A pytest fixture: the folder ``name`` of the test's tmp_path, written by ``build(folder)``; a test may alter
    it. In a conftest.py: ``bcn = fixture(sources.bcn, "bcn")``."""

    @pytest.fixture
    def files(tmp_path):
        return build(tmp_path / name)

    files.__doc__ = build.__doc__
    return files
