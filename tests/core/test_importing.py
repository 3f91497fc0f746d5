import zipfile

import pytest

from hent.core.importing import (
    LICENCE_NOT_VERIFIED,
    CsvTable,
    ImportFailed,
    Source,
    check_lengths,
    dataset_meta,
    decode,
    decode_lines,
    licence_of,
)
from hent.core.models import Dataset


def test_decode_lines_reads_stray_windows_1252_lines_and_says_which():
    data = "a,b\n1,Boulangère\n".encode() + "2,Jardinière\n".encode("cp1252")
    text, fallback = decode_lines(data)
    assert "Jardinière" in text and "Boulangère" in text
    assert fallback == [3]


def test_decode_lines_strips_a_byte_order_mark():
    text, fallback = decode_lines("\ufeffa,b\n".encode())
    assert text == "a,b\n" and fallback == []


def test_csv_reads_multiline_quoted_fields_with_the_line_each_row_starts_on():
    table = CsvTable("f.csv", 'code,text\n1,"one\n\ntwo"\n2,"say ""hi"""\n', ["code", "text"])
    assert [(line, row["text"]) for line, row in table] == [(2, "one\n\ntwo"), (5, 'say "hi"')]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "line 1: the file is empty"),
        ("code;text\n1;x\n", "line 1: columns are separated by ';', expected ','"),
        ("code\ttext\n1\tx\n", "line 1: columns are separated by '\\t', expected ','"),
        ("code,other\n1,x\n", "line 1: missing column(s): text"),
        ("code,text\n1,x\n2\n", "line 3: 1 field(s) where the header has 2"),
        ('code,text\n1,x\n2,"never closed\n', "line 3: malformed CSV"),
    ],
)
def test_malformed_csv_names_file_line_and_problem(text, message):
    with pytest.raises(ImportFailed) as err:
        CsvTable("data/f.csv", text, ["code", "text"])
    assert str(err.value).startswith("data/f.csv, ") and message in str(err.value)


def test_source_reads_the_same_files_from_a_folder_or_a_zip(tmp_path):
    folder = tmp_path / "dist"
    folder.mkdir()
    (folder / "unix_x_v1_utf8.csv").write_text("a,b\n1,2\n")
    archive = tmp_path / "dist.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(folder / "unix_x_v1_utf8.csv", "RefRome/unix_x_v1_utf8.csv")
    for path in (folder, archive):
        rows = list(Source(path).read_csv("unix_x_v*.csv", ["a", "b"]))
        assert rows == [(2, {"a": "1", "b": "2"})]


def test_source_refuses_what_does_not_exist(tmp_path):
    with pytest.raises(ImportFailed, match="does not exist"):
        Source(tmp_path / "missing")


def test_a_plain_file_is_a_source_holding_only_that_file(tmp_path):
    (tmp_path / "unix_x_v1_utf8.csv").write_text("a,b\n1,2\n")
    (tmp_path / "unix_y_v1_utf8.csv").write_text("a,b\n3,4\n")
    source = Source(tmp_path / "unix_x_v1_utf8.csv")
    assert source.names == ["unix_x_v1_utf8.csv"] and source.single_file
    assert list(source.read_csv("unix_*.csv", ["a", "b"])) == [(2, {"a": "1", "b": "2"})]
    with pytest.raises(ImportFailed, match=r"unix_x_v1_utf8\.csv: no file matching unix_y"):
        source.find("unix_y_*.csv")


def test_source_lists_its_files(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.csv", "a.csv", "sub/c.csv", "notes.txt"):
        (tmp_path / name).write_text("x\n")
    source = Source(tmp_path)
    assert source.names == ["a.csv", "b.csv", "notes.txt", "sub/c.csv"]
    assert source.find_all("*.csv") == ["a.csv", "b.csv", "sub/c.csv"] and source.find_all("*.xml") == []
    assert source.read_csv("d*.csv", ["x"], required=False) is None


def test_source_requires_exactly_one_matching_file(tmp_path):
    (tmp_path / "unix_x_v1_utf8.csv").write_text("a\n")
    (tmp_path / "unix_x_v2_utf8.csv").write_text("a\n")
    with pytest.raises(ImportFailed, match="several files match"):
        Source(tmp_path).find("unix_x_v*.csv")
    with pytest.raises(ImportFailed, match="no file matching unix_y"):
        Source(tmp_path).find("unix_y_v*.csv")


def test_xml_elements_stream_with_their_line(tmp_path):
    (tmp_path / "f.xml").write_text("<root>\n<item><id>1</id></item>\n<item><id>2</id></item>\n</root>\n")
    found = [(line, el.findtext("id")) for line, el in Source(tmp_path).iter_xml("f.xml", "item")]
    assert found == [(2, "1"), (3, "2")]


def test_truncated_xml_names_file_and_line(tmp_path):
    (tmp_path / "f.xml").write_text("<root>\n<item><id>1</id></item>\n<item><id>2")
    with pytest.raises(ImportFailed, match=r"f\.xml, line 3: malformed XML"):
        list(Source(tmp_path).iter_xml("f.xml", "item"))


def test_source_reports_the_lines_read_as_windows_1252(tmp_path):
    (tmp_path / "f.csv").write_bytes("a;b\n1;Boulangère\n".encode() + "2;Jardinière\n".encode("cp1252"))
    warnings = []
    table = Source(tmp_path, warnings=warnings).read_csv("f.csv", ["a", "b"], ";")
    assert table.fallback_lines == [3] and table.rows[1][1]["b"] == "Jardinière"
    assert warnings == ["f.csv: 1 line(s) not in UTF-8, read as Windows-1252 (first: line 3)"]


def test_a_file_in_windows_1252_can_be_read_as_a_whole():
    data = "a;b\n1;Boulangère\n".encode("cp1252")
    assert decode(data, "f.csv") == ("a;b\n1;Boulangère\n", [2])  # by default, line by line
    assert decode(data, "f.csv", windows_1252="file") == ("a;b\n1;Boulangère\n", [])
    mixed = "a;b\n1;Boulangère\n".encode() + "2;Jardinière\n".encode("cp1252")
    assert decode(mixed, "f.csv", windows_1252="file")[1] == [3]  # UTF-8 lines too: line by line
    with pytest.raises(ImportFailed, match=r"f\.csv, line 2: byte 0x81 is neither UTF-8 nor Windows-1252"):
        decode(b"a;b\n1;\x81\xe8\n", "f.csv", windows_1252="file")


def test_decoded_text_is_nfc():
    text, _ = decode("a\nche\u0300vre\n".encode(), "f.csv")
    assert text == "a\nch\u00e8vre\n"


def test_csv_line_numbers_are_those_of_an_editor_when_quoted_fields_hold_cr():
    table = CsvTable("f.csv", 'code;text\n1;"one\rtwo"\n2;three\n', ["code", "text"], ";")
    assert [(line, row["text"]) for line, row in table] == [(2, "one\rtwo"), (3, "three")]


def test_csv_header_names_are_compared_with_white_space_folded():
    table = CsvTable("f.csv", 'code;"Date de\n  décision "\n1;x\n', ["code", "Date de décision"], ";")
    assert table.header == ["code", "Date de décision"]
    assert table.rows == [(3, {"code": "1", "Date de décision": "x"})]


def test_unquoted_csv_keeps_quotes_as_characters():
    table = CsvTable("f.csv", 'code;text\n1;"Titre" enregistré\n', ["code", "text"], ";", quoted=False)
    assert table.rows == [(2, {"code": "1", "text": '"Titre" enregistré'})]


def test_a_header_can_be_renamed():
    table = CsvTable("f.csv", "A;;B\n1;2;3\n", ["a", "b"], ";", rename=lambda cells: ["a", "blank", "b"])
    assert table.rows == [(2, {"a": "1", "blank": "2", "b": "3"})]


@pytest.mark.parametrize(
    ("text", "delimiter", "other"),
    [
        ("code,text\n1,x\n", ";", ","),
        ("code;text\n1;x\n", ",", ";"),
        ('"code, id";text;other\n1;x;y\n', ",", ";"),  # the expected separator inside a name: glued columns
        ('"code";text,other\n1;x,y\n', ",", ";"),  # unreadable with the expected separator
    ],
)
def test_a_wrong_delimiter_is_named_whichever_it_is(text, delimiter, other):
    with pytest.raises(ImportFailed, match=f"line 1: columns are separated by '{other}', expected '{delimiter}'"):
        CsvTable("f.csv", text, ["code", "text"], delimiter)


def test_duplicate_keys_are_named():
    table = CsvTable("f.csv", "code\n1\n1\n", ["code"])
    rows = {}
    with pytest.raises(ImportFailed, match=r"f\.csv, line 3: duplicate row for \('1',\)"):
        for line, row in table:
            table.unique(rows, line, (row["code"],))
            rows[(row["code"],)] = {}
    assert rows == {("1",): {}}


def test_provenance_fields_and_licence(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "f.csv").write_text("a\n")
    (tmp_path / "data" / "PROVENANCE.md").write_text(
        "# Copy\n\n- **Source repo**: github.com/example/copy\n* **Licence**: Licence Ouverte 2.0\n"
    )
    assert Source(tmp_path).provenance() == {"source repo": "github.com/example/copy", "licence": "Licence Ouverte 2.0"}
    assert Source(tmp_path).provenance(beside="data/f.csv")["licence"] == "Licence Ouverte 2.0"
    assert Source(tmp_path).provenance(beside="f.csv") == {}  # none beside a file of another folder
    assert Source(tmp_path / "data" / "f.csv").provenance()["licence"] == "Licence Ouverte 2.0"  # its folder's
    assert licence_of({"licence": "Licence Ouverte 2.0"}) == "Licence Ouverte 2.0"
    for stated in ("", "not stated; not verified here", "inconnue, non vérifiée", "unknown"):
        assert licence_of({"licence": stated}) == LICENCE_NOT_VERIFIED


def test_dataset_meta_takes_the_origin_and_licence_of_a_copy(tmp_path):
    (tmp_path / "f.csv").write_text("a\n")
    official = dataset_meta(Source(tmp_path), name="N", publisher="P", version="1", official_url="https://x.fr")
    assert official["licence"].startswith("Licence Ouverte") and official["source_url"] == "https://x.fr"
    (tmp_path / "PROVENANCE.md").write_text(
        "- **Source repo**: github.com/example/copy (a fork)\n- **Source path**: data/f.csv (renamed)\n"
        "- **Commit**: 0123456789abcdef0123456789abcdef01234567 (2023-06-11)\n- **Licence**: not verified\n"
    )
    copy = dataset_meta(Source(tmp_path), name="N", publisher="P", version="1", description="Des lignes.")
    assert (copy["licence"], copy["licence_url"], copy["source_url"]) == (
        LICENCE_NOT_VERIFIED,
        "",
        "https://github.com/example/copy",
    )
    assert copy["description"] == (
        "Des lignes. Copie tirée du dépôt github.com/example/copy, fichier data/f.csv, "
        "commit 0123456789ab du 2023-06-11."
    )


def test_check_lengths_names_the_field_too_long_for_its_column():
    messages = []
    check_lengths(Dataset, {"slug": "x" * 61, "name": "ok", "row_counts": {}}, messages.append)
    assert messages == [f"slug: 61 characters, more than the 60 this field holds ({'x' * 40!r}…)"]
    check_lengths(Dataset, {"slug": "x" * 60}, messages.append)
    assert len(messages) == 1


@pytest.mark.django_db(transaction=True)
def test_a_bulk_import_leaves_fresh_planner_statistics_on_postgresql():
    from django.db import connection

    from hent.core.importing import refresh_planner_statistics

    if connection.vendor != "postgresql":
        pytest.skip("planner statistics (ANALYZE) are PostgreSQL's; SQLite has none to refresh")
    refresh_planner_statistics()
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'occupations_occupation'")
        assert cursor.fetchone()[0] is not None
