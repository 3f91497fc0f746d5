import zipfile

import pytest

from hent.core.importing import CsvTable, ImportFailed, Source, decode_lines


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


def test_source_refuses_what_is_neither_a_folder_nor_a_zip(tmp_path):
    bogus = tmp_path / "file.txt"
    bogus.write_text("hello")
    with pytest.raises(ImportFailed, match="expected a folder or a zip archive"):
        Source(bogus)
    with pytest.raises(ImportFailed, match="does not exist"):
        Source(tmp_path / "missing")


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
