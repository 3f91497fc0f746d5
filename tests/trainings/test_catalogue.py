import pytest

from hent.trainings import catalogue
from hent.trainings import models as m

pytestmark = pytest.mark.django_db


def links(slug):
    return set(m.TrainingOccupation.objects.filter(training=slug).values_list("occupation", "source", "source_code"))


def test_sources_describing_one_diploma_are_merged(world):
    cap = m.Training.objects.get(slug="ci-1")
    assert cap.sources == "certifinfo onisep rncp"  # Certif Info, its ONISEP fiche, its older RNCP record
    assert (cap.title, cap.level, cap.duration, cap.cfd) == ("CAP boulanger", 3, "2 ans", "50022137")
    assert cap.description == "<p>On y apprend le pain.</p>"
    assert not m.Training.objects.filter(slug__in=["rncp-90", "onisep-FOR.1"]).exists()


def test_a_diploma_only_the_rncp_knows_gets_its_own_page_and_inactive_ones_do_not(world):
    title = m.Training.objects.get(slug="rncp-200")
    assert title.sources == "rncp" and title.type_label == "Titre professionnel"
    assert not m.Training.objects.filter(slug="rncp-300").exists()


def test_occupation_links_keep_their_source_and_resolve_rome_v3_codes(world):
    assert links("ci-1") == {("D1102", "certifinfo", "D1102"), ("D1104", "onisep", "D1104")}
    # M1805 is a ROME v3 code: it leads to M1805 itself and to M1855, which ROME 4.0 derived from it.
    assert links("ci-2") == {("M1805", "certifinfo", "M1805"), ("M1855", "certifinfo", "M1805")}


def test_access_modes_say_unknown_when_the_source_is_silent(world):
    cap = m.Training.objects.get(slug="ci-1")
    assert (cap.initial, cap.apprenticeship, cap.continuing, cap.vae, cap.individual) == (True, True, False, True, None)


def test_preparatory_courses_are_kept_but_not_active(world):
    assert m.Training.objects.get(slug="ci-3").active is False


def test_establishments_are_placed_exactly_or_at_their_commune_and_say_which(world):
    positions = dict(m.Establishment.objects.values_list("code", "position"))
    assert positions == {"0350001A": "exact", "0350002B": "commune", "0350003C": "commune"}
    cartier = m.Establishment.objects.get(code="0350002B")  # postcode + "SAINT MALO CEDEX"
    assert (cartier.commune_code, cartier.latitude, cartier.position_source) == (
        "35288",
        48.6493,
        "centre de la commune",
    )
    cfa = m.Establishment.objects.get(code="0350003C")  # only a name: "… - Saint-Malo"
    assert cfa.commune_code == "35288"


def test_where_taught_and_taught_in_region(world):
    place = m.TrainingPlace.objects.get()
    assert (place.training_id, place.establishment_id, place.source) == ("ci-2", "0350001A", "parcoursup")
    taught = set(m.Training.objects.filter(taught_in_region=True).values_list("slug", flat=True))
    assert taught == {"ci-1", "ci-2"}  # ci-1 through InserJeunes' regional figures, ci-2 through its place


def test_rebuild_is_stable(world):
    before = sorted(m.Training.objects.values_list("slug", "title", "sources"))
    catalogue.rebuild()
    assert sorted(m.Training.objects.values_list("slug", "title", "sources")) == before


def test_label_matcher_needs_a_close_title():
    matcher = catalogue.LabelMatcher([{"slug": "a", "title": "BTS services informatiques aux organisations"}])
    assert matcher.match("BTS - Services - Services informatiques aux organisations") == "a"
    assert matcher.match("BTS - Production - Fonderie") is None


def test_regional_lheo_offers_say_where_a_certification_is_taught(world, lheo):
    from hent.trainings.importers.lheo import LheoImporter

    m.CertifInfo.objects.create(
        code=4, title="Titre de boulanger", type_label="Titre", type_code="1", state_code="0", state_label="Publié",
        rncp="37084", rome_codes="D1102",
    )  # fmt: skip
    LheoImporter(lheo / "offre-bretagne-2.3.xml").run()
    catalogue.rebuild()
    places = m.TrainingPlace.objects.filter(training="ci-4", establishment="0350999Z")
    assert ("lheo", "apprentissage") in set(places.values_list("source", "mode"))
    site = places.first().establishment
    assert (site.commune_code, site.position, site.position_source) == ("35238", "exact", "offre de formation (LHEO)")
    assert m.Training.objects.get(slug="ci-4").taught_in_region


def test_the_rebuild_stores_the_lowest_level_leading_to_each_occupation(world):
    levels = dict(m.OccupationLevel.objects.values_list("occupation", "level"))
    # The CAP leads to D1102 and (per ONISEP) D1104; the BTS to M1805 and to M1855, split from it. The
    # preparatory course for J1501 is not an active training, so J1501 has no level.
    assert levels == {"D1102": 3, "D1104": 3, "M1805": 5, "M1855": 5}
    m.Training.objects.filter(slug="ci-1").update(level=4)
    catalogue.fill_occupation_levels()
    assert dict(m.OccupationLevel.objects.values_list("occupation", "level"))["D1102"] == 4
