import pytest

from hent.occupations.importers.rome import parse_version, repair, split_gender


@pytest.mark.parametrize(
    ("title", "masculine", "feminine"),
    [
        ("Boulanger / Boulangère", "Boulanger", "Boulangère"),
        (
            "Conducteur / Conductrice d'engins agricoles",
            "Conducteur d'engins agricoles",
            "Conductrice d'engins agricoles",
        ),
        (
            "Technicien coupeur / Technicienne coupeuse en coiffure",
            "Technicien coupeur en coiffure",
            "Technicienne coupeuse en coiffure",
        ),
        ("Accastilleur-gréeur / Accastilleuse-gréeuse", "Accastilleur-gréeur", "Accastilleuse-gréeuse"),
        ("Vétérinaire", "Vétérinaire", "Vétérinaire"),
        ("UX - UI Designer", "UX - UI Designer", "UX - UI Designer"),
    ],
)
def test_split_gender(title, masculine, feminine):
    assert split_gender(title) == (masculine, feminine)


def test_repair_undoes_doubled_apostrophes():
    assert repair(" les règles d''hygiène ") == "les règles d'hygiène"


def test_parse_version_reads_number_date_and_demo_flag():
    meta = parse_version(
        "Numero de version : 60\n\nDate de publication : 18/09/2025\n\nTitre/commentaire :  ROME 4.0 v60"
    )
    assert meta["version"] == "60"
    assert meta["published_on"].isoformat() == "2025-09-18"
    assert meta["description"] == "ROME 4.0 v60"
    assert meta["is_demo"] is False
