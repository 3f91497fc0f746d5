"""import_lheo on small files written after the LHÉO schema (2.2 and 2.3).

offre-bretagne-2.3.xml: a formation with two actions (one with two places) and five sessions, and a
formation with the optional parts missing ("-" placeholders, no certification, a session without
numero); offre-onisep-2.2.xml: an ONISEP-style 2.2 file in ISO-8859-1 with escaped HTML and extras.
"""

import datetime
import re
import shutil
from decimal import Decimal
from functools import partial

import pytest
from django.core.management import CommandError

from hent.core.models import Dataset
from hent.trainings.importers.lheo import LheoImporter
from hent.trainings.models import (
    LheoAction,
    LheoFormation,
    LheoFormationCode,
    LheoOrganisation,
    LheoPlace,
    LheoSession,
)
from tests import importing
from tests.importing import edit, import_fails, unchanged

pytestmark = pytest.mark.django_db

FILE_23 = "offre-bretagne-2.3.xml"
FILE_22 = "offre-onisep-2.2.xml"
MODELS = (LheoOrganisation, LheoFormation, LheoFormationCode, LheoAction, LheoPlace, LheoSession, Dataset)

run = partial(importing.run, "import_lheo")
snapshot = partial(importing.snapshot, *MODELS)


def test_folder_import_counts_every_level(lheo):
    output = run(lheo)
    assert "LHEO organisations: 3 in files, 3 created" in output
    assert "LHEO formations: 3 in files, 3 created" in output
    assert "LHEO formation codes: 14 in files, 14 created" in output
    assert "LHEO actions: 4 in files, 4 created" in output
    assert "LHEO places: 5 in files, 5 created" in output
    assert "LHEO sessions: 7 in files, 7 created" in output
    assert "1 element(s) without a numero attribute: keyed by a hash of their content" in output


def test_one_file_or_a_zip_can_be_given(lheo, tmp_path):
    output = run(lheo / FILE_23)
    assert "LHEO formations: 2 in files, 2 created" in output
    archive = shutil.make_archive(str(tmp_path / "offre"), "zip", lheo)
    report = LheoImporter(archive).run()
    counts = {t.label: (t.in_files, t.created, t.deleted) for t in report.tables}
    assert counts["LHEO formations"] == (3, 1, 0)


def test_formation_fields_codes_and_organisation(lheo):
    run(lheo)
    cap = LheoFormation.objects.get(key="14_AF_0000101")
    assert (cap.title, cap.file, cap.lheo_version, cap.certifying) == ("CAP boulanger", FILE_23, "2.3", True)
    assert cap.objective == "<p>Fabriquer les pains et viennoiseries.</p>"  # escaped HTML decoded, script dropped
    assert cap.content == "Pétrissage, façonnage, cuisson.\nHygiène et sécurité alimentaire."
    assert (cap.entry_level_code, cap.exit_level_code, cap.exit_level_label) == (
        "1", "4", "niveau V (CAP, BEP, CFPA du premier degré)",
    )  # fmt: skip
    assert cap.url == "https://www.cfa-exemple.bzh/cap-boulanger"
    assert cap.contact == {"name": "Anne Le Goff", "phone": "02 99 00 00 01", "email": "anne.legoff@cfa-exemple.bzh"}
    assert cap.extras == [{"info": "carif / id-carif", "value": "AF_101"}]
    codes = set(LheoFormationCode.objects.filter(formation=cap).values_list("kind", "code", "position"))
    assert codes == {
        ("rncp", "37084", 1), ("certifinfo", "100123", 1), ("cfd", "50022137", 1), ("formacode", "42752", 1),
        ("formacode", "42788", 2), ("nsf", "221", 1), ("rome", "D1102", 1), ("rome", "D1104", 2),
    }  # fmt: skip
    org = cap.organisation
    assert (org.siret, org.name, org.legal_name, org.uai, org.activity_number) == (
        "12345678900019", "CFA Exemple", "Association CFA Exemple", "0350999Z", "53350000035",
    )  # fmt: skip
    assert (org.address, org.postcode, org.city, org.commune_code) == (
        "12 rue de la Fontaine",
        "35000",
        "Rennes",
        "35238",
    )
    assert (org.latitude, org.longitude, org.website) == (48.1113, -1.68, "www.cfa-exemple.bzh")
    assert org.contact == {"name": "Accueil", "phone": "02 99 00 00 00"}


def test_missing_optional_parts_and_placeholders(lheo):
    run(lheo)
    remise = LheoFormation.objects.get(key="14_AF_0000202")
    assert (remise.expected_results, remise.content, remise.certifying) == ("", "", False)  # "-" means empty
    assert (remise.exit_level_code, remise.url, remise.contact) == ("", "", {})
    assert not remise.codes.exists()
    org = remise.organisation
    assert (org.siret, org.legal_name, org.address, org.latitude) == ("98765432100018", "", "", None)  # spaces removed
    action = remise.actions.get()
    assert (action.alternance_details, action.conditions, action.funding_possible) == ("", "", False)
    [session] = action.sessions.all()
    assert session.key.startswith("14_AF_0000202/A1/sha1-") and session.start == datetime.date(2025, 9, 15)
    [place] = action.places.all()
    assert (place.address, place.postcode, place.commune_code, place.latitude) == (
        "Maison de quartier",
        "35700",
        "",
        None,
    )


def test_actions_modes_funding_and_places(lheo):
    run(lheo)
    apprenticeship = LheoAction.objects.get(key="14_AF_0000101/A1")
    assert (apprenticeship.apprenticeship, apprenticeship.alternance, apprenticeship.professionalisation) == (
        True, True, False,
    )  # fmt: skip
    assert apprenticeship.public_codes == ["82027", "83056"] and apprenticeship.teaching == "0"
    assert (apprenticeship.hours_total, apprenticeship.hours_centre, apprenticeship.hours_company) == (3200, 800, 2400)
    assert apprenticeship.funders == [
        {"code": "2", "label": "Collectivité territoriale - Conseil régional", "places": 12}
    ]
    assert apprenticeship.trainers == [{"siret": "12345678900019", "uai": "", "name": "CFA Exemple"}]
    assert (apprenticeship.permanent_entry, apprenticeship.entry_level_required) == (False, False)
    [place] = apprenticeship.places.all()
    assert (place.name, place.address, place.postcode, place.city) == (
        "CFA Exemple - site de Rennes", "12 rue de la Fontaine", "35000", "Rennes",
    )  # fmt: skip
    assert (place.commune_code, place.department, place.region, place.country) == ("35238", "35", "53", "FR")
    assert (place.latitude, place.longitude, place.siret, place.uai) == (48.1113, -1.68, "12345678900019", "0350999Z")
    mixed = LheoAction.objects.get(key="14_AF_0000101/A2")
    assert (mixed.apprenticeship, mixed.alternance, mixed.teaching, mixed.permanent_entry) == (False, False, "1", True)
    assert mixed.price_total == Decimal("6480.50") and mixed.conditions == ""
    assert [f["code"] for f in mixed.funders] == ["2", "4"] and mixed.funders[1]["places"] == 8
    places = list(mixed.places.values_list("position", "name", "commune_code", "latitude"))
    assert places == [(1, "Antenne de Saint-Malo", "35288", None), (2, "", "35360", 48.1236)]


def test_sessions_dates_and_registration(lheo):
    run(lheo)
    first = LheoSession.objects.get(key="14_AF_0000101/A1/S1")
    assert (first.start, first.end) == (datetime.date(2025, 9, 1), datetime.date(2027, 6, 30))
    assert (first.registration_start, first.registration_end) == (datetime.date(2025, 3, 1), datetime.date(2025, 8, 31))
    assert (first.registration_address, first.registration_postcode, first.registration_commune_code) == (
        "12 rue de la Fontaine", "35000", "35238",
    )  # fmt: skip
    assert (first.registration_details, first.recruitment) == ("Sur dossier puis entretien", "1")
    assert LheoSession.objects.get(key="14_AF_0000101/A1/S2").recruitment == "2"
    month = LheoSession.objects.get(key="14_AF_0000101/A2/S2")
    assert (month.start, month.start_raw, month.end, month.end_raw) == (
        datetime.date(2026, 3, 1), "20260300", datetime.date(2027, 1, 1), "20270000",
    )  # fmt: skip
    unknown = LheoSession.objects.get(key="14_AF_0000101/A2/S3")
    assert (unknown.start, unknown.end, unknown.start_raw, unknown.end_raw) == (None, None, "00000000", "99999999")


def test_lheo_22_in_iso_8859_1_with_extras(lheo):
    run(lheo)
    bts = LheoFormation.objects.get(key="9436_18706")
    assert (bts.lheo_version, bts.exit_level_code, bts.exit_level_label) == ("2.2", "6", "niveau III (BTS, DUT)")
    assert bts.content == "<ul><li>Gestion de clientèles</li></ul>"
    assert bts.organisation.city == "QUIMPERLÉ" and bts.organisation.legal_name == ""
    codes = dict(LheoFormationCode.objects.filter(formation=bts).values_list("kind", "code"))
    assert codes == {"rncp": "474", "certifinfo": "19004", "cfd": "32031213", "formacode": "34582", "nsf": "312",
                     "rome": "D1402"}  # fmt: skip
    place = LheoPlace.objects.get(action__formation=bts)
    assert place.name == "Lycée Exemple de Kerbrest" and place.extras == [
        {"info": "ETAB ONISEP / ETA_ID LIEU ONISEP", "value": "16"}
    ]
    session = LheoSession.objects.get(action__formation=bts)
    assert session.key == "9436_18706/9436_18706/9436_18706"  # the same numero at each level stays unique
    assert session.registration_address == "Lycée Exemple de Kerbrest, Kerbrest"


def test_dataset_is_recorded(lheo):
    run(lheo)
    dataset = Dataset.objects.get(slug="lheo")
    assert dataset.version == "LHÉO 2.2, 2.3, export du 2025-10-02"
    assert dataset.published_on == datetime.date(2025, 10, 2)
    assert dataset.licence == "licence non vérifiée" and dataset.publisher == "Carif-Oref"
    (lheo / "PROVENANCE.md").write_text("- **Publisher**: Carif-Oref de Bretagne (GREF Bretagne)\n")
    run(lheo)
    assert Dataset.objects.get(slug="lheo").publisher == "Carif-Oref de Bretagne (GREF Bretagne)"


def test_second_import_and_dry_run_change_nothing(lheo):
    importing.assert_dry_run_writes_nothing(run, lheo, snapshot)
    importing.assert_reimport_changes_nothing(run, lheo, snapshot)


def test_reimport_updates_and_deletes(lheo):
    run(lheo)
    file = lheo / FILE_23
    edit(file, "CAP boulanger</intitule", "CAP boulanger (en apprentissage)</intitule")
    text = file.read_text(encoding="utf-8")
    text = re.sub(r'<session numero="S2">\s*<periode>\s*<debut>20260901</debut>.*?</session>\n', "", text, flags=re.S)
    file.write_text(text, encoding="utf-8")
    (lheo / FILE_22).unlink()
    output = run(lheo)
    assert "LHEO formations: 2 in files, 0 created, 1 updated, 1 deleted" in output
    assert "LHEO sessions: 5 in files, 0 created, 0 updated, 2 deleted" in output
    assert "LHEO organisations: 2 in files, 0 created, 0 updated, 1 deleted" in output
    assert LheoFormation.objects.get(key="14_AF_0000101").title == "CAP boulanger (en apprentissage)"
    assert not LheoSession.objects.filter(key="14_AF_0000101/A1/S2").exists()


def test_entirely_remote_action_needs_no_place(lheo):
    file = lheo / FILE_23
    text = file.read_text(encoding="utf-8")
    block = text[text.index("<lieu-de-formation>\n<coordonnees>\n<adresse>\n<ligne>Maison") :]
    block = block[: block.index("</lieu-de-formation>\n") + len("</lieu-de-formation>\n")]
    text = text.replace(block, "").replace(
        "<modalites-enseignement>0</modalites-enseignement>\n<conditions-specifiques>-</conditions-specifiques>\n"
        "<prise-en-charge-frais-possible>0",
        "<modalites-enseignement>2</modalites-enseignement>\n<conditions-specifiques>-</conditions-specifiques>\n"
        "<prise-en-charge-frais-possible>0",
    )
    file.write_text(text, encoding="utf-8")
    run(lheo)
    remote = LheoAction.objects.get(key="14_AF_0000202/A1")
    assert remote.teaching == "2" and not remote.places.exists()


def test_windows_1252_without_declaration_is_read_and_reported(lheo):
    file = lheo / FILE_23
    text = file.read_text(encoding="utf-8").replace('<?xml version="1.0" encoding="UTF-8"?>\n', "")
    file.write_bytes(text.encode("cp1252"))
    output = run(lheo)
    assert f"{FILE_23}: not UTF-8 and no encoding declared, read as Windows-1252" in output
    assert LheoFormation.objects.get(key="14_AF_0000202").title == "Remise à niveau en français"


def test_windows_1252_found_after_some_formations_restarts_the_file_cleanly(lheo):
    file = lheo / FILE_23
    text = file.read_text(encoding="utf-8").replace('<?xml version="1.0" encoding="UTF-8"?>\n', "")
    first = text.index('<formation numero="14_AF_0000101"')
    second = text.index('<formation numero="14_AF_0000202"')
    end = text.index("</offres>")
    ascii_formation = text[second:end].replace("à", "a").replace("ç", "c").replace("é", "e")
    text = text[:first] + ascii_formation + text[first:second] + text[end:]  # an ASCII formation first
    file.write_bytes(text.encode("cp1252"))
    output = run(lheo)
    assert "read as Windows-1252" in output and "LHEO formations: 3 in files, 3 created" in output
    assert LheoFormation.objects.get(key="14_AF_0000101").content.startswith("Pétrissage, façonnage")


def _remove_place(text):
    block = text[text.index("<lieu-de-formation>\n<coordonnees>\n<adresse>\n<ligne>Maison") :]
    return text.replace(block[: block.index("</lieu-de-formation>\n") + len("</lieu-de-formation>\n")], "")


MALFORMED = {
    "truncated XML": (None, "line 120: malformed XML"),
    "session date is not a date": (
        ("<debut>20251103</debut>", "<debut>20251345</debut>"),
        "line 152: session 14_AF_0000101/A2/S1: <debut> '20251345' is not a date",
    ),
    "action without place": (_remove_place, "line 245: action 14_AF_0000202/A1: no <lieu-de-formation>"),
    "session ends before it starts": (
        ("<fin>20260626</fin>", "<fin>20250626</fin>"),
        "line 151: session 14_AF_0000101/A2/S1: ends (20250626) before it starts (20251103)",
    ),
    "missing title": (
        ("<intitule-formation>Remise à niveau en français</intitule-formation>\n", ""),
        "line 231: formation 14_AF_0000202: no <intitule-formation> (title)",
    ),
    "bad SIRET": (
        ("987 654 321 00018", "987 654 321"),
        "responsible organisation's SIRET '987654321' is not 14 digits",
    ),
    "bad INSEE code": (("35288", "3528"), "line 134: action 14_AF_0000101/A2: <code-INSEE-commune> '3528' is not"),
    "unknown funder": (
        ("<code-financeur>4<", "<code-financeur>44<"),
        "line 193: action 14_AF_0000101/A2: <code-financeur>",
    ),
    "bad boolean": (("<certifiante>1<", "<certifiante>oui<"), "line 17: formation 14_AF_0000101: <certifiante> 'oui'"),
    "duplicate numero": (
        ('<session numero="S2">', '<session numero="S1">'),
        "line 89: session 14_AF_0000101/A1/S1: duplicate numero",
    ),
    "not LHEO": (("<lheo xmlns", "<catalogue xmlns"), "not an LHÉO file: the root element is <catalogue>"),
}


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(lheo, case):
    run(lheo)
    change, message = MALFORMED[case]
    file = lheo / FILE_23
    with unchanged(snapshot):
        if case == "truncated XML":
            lines = file.read_text(encoding="utf-8").split("\n")
            file.write_text("\n".join(lines[:120]), encoding="utf-8")
        elif case == "not LHEO":
            edit(file, *change)
            edit(file, "</lheo>", "</catalogue>")
        elif callable(change):
            file.write_text(change(file.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            edit(file, *change)
        import_fails(run, lheo, FILE_23, message)


def test_a_path_without_xml_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match=r"no \.xml file"):
        run(tmp_path)
