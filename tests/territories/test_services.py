from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from hent.territories import services
from hent.territories.names import fold, name_key

pytestmark = pytest.mark.django_db


def names(results):
    return [c.name for c in results]


def test_name_keys_fold_case_accents_hyphens_and_saint():
    assert name_key("Saint-Malo") == name_key("st malo") == name_key("St-Malo") == name_key("ST. MALO") == "saint malo"
    assert name_key("Sainte-Anne-d'Auray") == name_key("ste anne d auray")
    assert fold("Île-de-Bréhat") == "ile de brehat"
    assert fold("Œuilly  ") == "oeuilly"
    assert name_key("Стамбул ☃ \x00") == ""


@pytest.mark.parametrize("typed", ["saint malo", "St-Malo", "st malo", "SAINT-MALO", "Saint Malo", " saint–malo "])
def test_find_places_understands_how_people_write_saint_malo(geo, typed):
    results = services.find_places(typed)
    assert results[0].name == "Saint-Malo" and results[0].match == "exact"
    assert set(names(results[1:])) == {"Saint-Malo-de-Phily", "Saint-Malo-de-Beignon"}


def test_find_places_ignores_accents_and_matches_prefixes(geo):
    assert names(services.find_places("vitre")) == ["Vitré"]
    assert names(services.find_places("Vitré")) == ["Vitré"]
    assert names(services.find_places("ile de b")) == ["Île-de-Bréhat"]
    assert names(services.find_places("pont labbe")) == []  # the apostrophe separates words
    assert names(services.find_places("pont l abbé")) == ["Pont-l'Abbé"]
    assert names(services.find_places("REN")) == ["Rennes"]


def test_prefixes_are_ordered_by_population(geo):
    assert names(services.find_places("saint")) == [
        "Saint-Malo",
        "Saint-Brieuc",
        "Saint-Malo-de-Phily",
        "Saint-Malo-de-Beignon",
    ]
    assert names(services.find_places("saint", limit=2)) == ["Saint-Malo", "Saint-Brieuc"]


def test_words_inside_names_and_former_communes_are_found_after_names(geo):
    assert names(services.find_places("malo"))[0] == "Saint-Malo"
    assert names(services.find_places("brieuc")) == ["Saint-Brieuc"]
    assert names(services.find_places("Étables")) == ["Binic-Étables-sur-Mer"]  # a word, then a former commune
    treboul = services.find_places("Tréboul")
    assert names(treboul) == ["Douarnenez"] and treboul[0].match == "other"


def test_find_places_by_postcode(geo):
    assert names(services.find_places("35000")) == ["Rennes"]
    assert names(services.find_places("35700")) == ["Rennes"]
    assert names(services.find_places("35 000")) == ["Rennes"]
    assert names(services.find_places("354")) == ["Saint-Malo", "Saint-Malo-de-Phily"]
    assert names(services.find_places("22")) == ["Saint-Brieuc", "Binic-Étables-sur-Mer", "Île-de-Bréhat"]
    assert names(services.find_places("29177")) == ["Douarnenez"]
    assert services.find_places("99999") == [] and services.find_places("123456") == []


def test_postcode_and_name_together(geo):
    assert names(services.find_places("35400 Saint-Malo")) == ["Saint-Malo"]
    assert names(services.find_places("Saint-Malo (35480)")) == ["Saint-Malo-de-Phily"]
    assert services.find_places("Rennes 29200") == []


def test_only_the_imported_region_is_searched(geo):
    assert services.find_places("Nantes") == [] and services.find_places("44000") == []


@pytest.mark.parametrize("typed", ["", "   ", "!!!", "'; DROP TABLE territories_commune; --", "%", "_", "\x00", "日本"])
def test_unusable_text_finds_nothing(geo, typed):
    assert services.find_places(typed) == []


@hypothesis_settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_any_text_gives_a_list_never_an_error(geo, text):
    results = services.find_places(text, limit=5)
    assert isinstance(results, list) and len(results) <= 5
    assert services.resolve_place(text) == (results[0] if results else None)


def test_resolve_place(geo):
    assert services.resolve_place("rennes").insee == "35238"
    assert services.resolve_place("29200").name == "Brest"
    assert services.resolve_place("saint").name == "Saint-Malo"  # the best, even if not the only one
    assert services.resolve_place("Paris") is None


def test_unambiguous_place(geo):
    assert services.unambiguous_place(services.find_places("saint malo")).name == "Saint-Malo"
    assert services.unambiguous_place(services.find_places("saint")) is None
    assert services.unambiguous_place(services.find_places("29200")).name == "Brest"
    assert services.unambiguous_place([]) is None


def test_distance_km():
    assert services.distance_km(48.1117, -1.6819, 48.1117, -1.6819) == 0
    rennes_brest = services.distance_km(48.1117, -1.6819, 48.4003, -4.5023)
    assert 205 < rennes_brest < 215
    assert services.distance_km(0, 0, 0, 180) == pytest.approx(20015, rel=1e-3)  # half the equator


def test_by_distance_puts_the_nearest_first_and_the_unplaced_last(geo):
    rennes = services.commune("35238")
    places = list(services.communes())
    nowhere = SimpleNamespace(name="Nowhere", latitude=None, longitude=None)
    ordered = services.by_distance([nowhere, *places], rennes)
    assert ordered[0] == (rennes, 0)
    assert [c.name for c, _ in ordered[1:3]] == ["Saint-Malo-de-Phily", "Vitré"]
    assert ordered[-1] == (nowhere, None)
    kms = [km for _, km in ordered[:-1]]
    assert kms == sorted(kms)


def test_by_distance_with_a_key_and_without_an_origin(geo):
    rennes, brest = services.commune("35238"), services.commune("29019")
    trainings = [SimpleNamespace(title="B", commune=brest), SimpleNamespace(title="R", commune=rennes)]
    assert [t.title for t, _ in services.by_distance(trainings, rennes, key=lambda t: t.commune)] == ["R", "B"]
    unplaced = services.by_distance(trainings, None, key=lambda t: t.commune)
    assert [(t.title, km) for t, km in unplaced] == [("B", None), ("R", None)]


def test_the_session_holds_only_the_insee_code(geo, client):
    request = RequestFactory().get("/")
    request.session = client.session
    assert services.current_place(request) is None
    services.remember_place(request, services.commune("35288"))
    assert dict(request.session.items()) == {services.SESSION_KEY: "35288"}
    assert services.current_place(request).name == "Saint-Malo"
    request.session[services.SESSION_KEY] = "00000"  # a commune that no longer exists
    assert services.current_place(request) is None and services.SESSION_KEY not in request.session
    assert services.current_place(RequestFactory().get("/")) is None  # no session at all


def test_region_lists(geo):
    assert services.region().name == "Bretagne" and services.region_name() == "Bretagne"
    assert [d.code for d in services.departments()] == ["22", "29", "35", "56"]
    assert services.epcis().count() == 9
    assert services.employment_zones().count() == 8
    assert services.bmo_basins().count() == 10
    assert services.communes().count() == 12
    assert services.geo_dataset().slug == "geo"


def test_region_name_before_any_import(db, settings):
    settings.HENT_REGION_NAME = "Bretagne"
    assert services.region() is None and services.region_name() == "Bretagne"
