import datetime
import html
import re

import pytest
from django.utils import timezone

from hent.guidance.models import OpeningHours, OutreachSession, Structure


def text(response):
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def names(response):
    return re.findall(r'<h3><a href="/structures/([^/]+)/">', response.content.decode())


def test_search_from_a_commune_lists_nearest_first_with_distance(client, directory):
    response = client.get("/structures/", {"lieu": "Rennes"})
    assert response.status_code == 200
    found = names(response)
    # From Rennes: its CIO and agencies, then Vitré, Saint-Malo, Saint-Brieuc, Brest.
    assert found[:3] == ["centre-dinformation-et-dorientation-rennes", "france-travail-rennes-centre",
                         "france-travail-rennes-est"]  # fmt: skip
    assert "8 structures trouvées" in text(response)
    assert "à 0,7 km" in text(response)
    assert "Page 1 sur 1" not in text(response)


def test_search_by_postcode_and_filters(client, directory):
    response = client.get("/structures/", {"lieu": "35400", "type": "cio"})
    assert names(response) == [
        "centre-dinformation-et-dorientation-de-saint-malo",
        "centre-dinformation-et-dorientation-rennes",
        "centre-dinformation-et-dorientation-de-vitre",
    ]
    response = client.get("/structures/", {"lieu": "Brest", "public": "demandeurs_emploi"})
    assert names(response)[0] == "france-travail-brest-europe"
    assert not any(n.startswith("centre-") for n in names(response))


def test_an_ambiguous_place_offers_the_communes(client, directory):
    # "saint malo" designates Saint-Malo for sure (the only exact name): results at once.
    response = client.get("/structures/", {"lieu": "saint malo", "type": "cio"})
    assert names(response)[0] == "centre-dinformation-et-dorientation-de-saint-malo"
    # "saint" designates several communes: a choice, each link keeping the filters.
    response = client.get("/structures/", {"lieu": "saint", "type": "cio"})
    assert "Plusieurs communes correspondent" in text(response)
    assert names(response) == []
    assert 'href="?type=cio&amp;insee=35288"' in response.content.decode()


def test_the_visits_commune_is_used_when_nothing_is_typed(client, directory):
    client.post("/territoires/lieu/choisir/", {"insee": "29019", "next": "/"})
    response = client.get("/structures/")
    assert names(response)[0] == "france-travail-brest-europe"
    assert "reprise de votre visite" in text(response)


def test_pagination_keeps_the_place_and_filters(client, directory, monkeypatch):
    from hent.guidance import views

    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    first = client.get("/structures/", {"lieu": "Rennes", "type": "france_travail"})
    body = first.content.decode()
    assert "Page 1 sur 2" in text(first)
    assert "type=france_travail&amp;insee=35238&amp;page=2" in body
    second = client.get("/structures/", {"insee": "35238", "type": "france_travail", "page": "2"})
    assert len(names(first)) == 3 and len(names(second)) == 2
    assert not set(names(first)) & set(names(second))
    assert names(second)[-1] == "france-travail-brest-europe"  # the farthest, last


@pytest.mark.parametrize(
    "query",
    [
        {"lieu": "<script>alert(1)</script>"},
        {"lieu": "\x00\x1f" + "a" * 5000},
        {"lieu": "Rennes", "type": "'; DROP TABLE x;--", "public": "<b>"},
        {"insee": "../../etc"},
        {"insee": "35238", "page": "-1"},
        {"insee": "35238", "page": "99999999999999999999"},
        {"lieu": "Rennes", "type": ["cio", "apec"]},
    ],
)
def test_hostile_query_strings_give_a_page_not_an_error(client, directory, query):
    response = client.get("/structures/", query)
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_an_unknown_filter_is_ignored_with_a_message(client, directory):
    response = client.get("/structures/", {"lieu": "Rennes", "type": "nope"})
    assert "n'existe pas" in text(response)
    assert len(names(response)) == 8


def test_a_kind_with_no_structure_says_so_and_names_where_to_look(client, directory):
    response = client.get("/structures/", {"lieu": "Rennes", "type": "mission_locale"})
    body = text(response)
    assert "ne contient encore aucune structure de type « Mission locale »" in body
    assert "Union nationale des Missions locales" in body
    assert "Un annuaire encore incomplet" in body


def test_unknown_commune(client, directory):
    response = client.get("/structures/", {"lieu": "Zzyzx"})
    assert "Aucune commune ne correspond" in text(response)


def test_structure_page(client, directory):
    cio = Structure.objects.get(source_key="uai:0351839J")
    OpeningHours.objects.create(structure=cio, weekday=0, opens="09:00", closes="17:00")
    OutreachSession.objects.create(
        structure=cio, place_name="Bibliothèque des Champs Libres", commune="Rennes",
        starts_at=timezone.now() + datetime.timedelta(days=3),
        ends_at=timezone.now() + datetime.timedelta(days=3, hours=2),
    )  # fmt: skip
    OutreachSession.objects.create(
        structure=cio, place_name="Salon passé", starts_at=timezone.now() - datetime.timedelta(days=3),
        ends_at=timezone.now() - datetime.timedelta(days=3, hours=-2),
    )  # fmt: skip
    response = client.get(cio.get_absolute_url())
    body = text(response)
    assert response.status_code == 200
    assert "psychologues de l'Éducation nationale" in body  # the type explained
    assert "1 Quai Dujardin" in body and "02 99 25 18 30" in body and "cio.rennes@ac-rennes.fr" in body
    assert "Lycéens" in body and "Parents" in body
    assert "Lundi 09h00–17h00" in body and "Dimanche fermé" in body
    assert ("Ouvert maintenant" in body) or ("Fermé" in body)
    assert "Bibliothèque des Champs Libres" in body and "Salon passé" not in body
    assert "Mis à jour le 8 juin 2023" in body and "Annuaire de l'éducation" in body
    assert 'href="/contact/"' in response.content.decode()


def test_structure_page_without_hours_says_so(client, directory):
    response = client.get("/structures/france-travail-brest-europe/")
    assert "Horaires non renseignés" in text(response)


def test_hidden_and_unknown_structures_are_not_found(client, directory):
    Structure.objects.filter(source_key="safir:29019").update(is_active=False)
    assert client.get("/structures/france-travail-brest-europe/").status_code == 404
    assert client.get("/structures/nope/").status_code == 404
    assert "france-travail-brest-europe" not in names(client.get("/structures/", {"lieu": "Brest"}))


def test_guide_says_who_goes_where_and_links_to_the_filtered_search(client, directory):
    response = client.get("/structures/guide/")
    body = text(response)
    assert "Je suis collégien, lycéen, ou parent d'élève" in body
    assert "Mission locale" in body and "Cap emploi" in body and "Apec" in body
    assert 'href="/structures/?type=cio"' in response.content.decode()
    assert 'href="/structures/?type=mission_locale"' not in response.content.decode()  # none in the directory
    assert "Pas encore dans l'annuaire" in body


def test_api_nearest_with_distance_and_source(client, directory):
    response = client.get("/api/v1/structures", {"near": "35238", "kind": "cio", "limit": "2"})
    assert response.status_code == 200
    data = response.json()
    assert data["near"]["name"] == "Rennes"
    assert [r["slug"] for r in data["results"]] == [
        "centre-dinformation-et-dorientation-rennes", "centre-dinformation-et-dorientation-de-vitre",
    ]  # fmt: skip
    first = data["results"][0]
    assert first["distance_km"] == pytest.approx(0.7, abs=0.2)
    assert "Éducation nationale" in first["source"]
    assert data["sources"][0]["version"] == "2023-06-08"
    by_postcode = client.get("/api/v1/structures", {"near": "29200", "public": "demandeurs_emploi"}).json()
    assert by_postcode["results"][0]["slug"] == "france-travail-brest-europe"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({}, "'near' is required"),
        ({"near": "99999"}, "not a known"),
        ({"near": "<x>"}, "not a known"),
        ({"near": "35238", "kind": "zz"}, "'kind' must be one of"),
        ({"near": "35238", "public": "zz"}, "'public' must be one of"),
        ({"near": "35238", "limit": "0"}, "'limit' must be between"),
        ({"near": "35238", "limit": "x"}, "'limit' must be a whole number"),
    ],
)
def test_api_bad_parameters_give_400(client, directory, query, message):
    response = client.get("/api/v1/structures", query)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_openapi_paths_describe_the_endpoint():
    from hent.guidance.api import OPENAPI_PATHS

    assert "/structures" in OPENAPI_PATHS
    assert {p["name"] for p in OPENAPI_PATHS["/structures"]["get"]["parameters"]} == {"near", "kind", "public", "limit"}


def test_kinds_present_in_part_of_the_region_say_where_they_are_missing(client, directory):
    body = text(client.get("/structures/", {"lieu": "Rennes"}))
    # The fixture's CIO are all in Ille-et-Vilaine; its agencies cover 22, 29 and 35 but not the Morbihan.
    assert "Centre d'information et d'orientation (CIO) : aucun pour l'instant dans ces départements : " in body
    assert "Côtes-d'Armor, Finistère, Morbihan — l'annuaire des CIO de l'Onisep" in body
    assert "France Travail : aucun pour l'instant dans ces départements : Morbihan" in body


def test_upcoming_outreach_sessions_are_listed_on_the_directory(client, directory):
    cio = Structure.objects.get(source_key="uai:0350065F")
    start = timezone.now() + datetime.timedelta(days=10)
    OutreachSession.objects.create(
        structure=cio, place_name="Médiathèque La Grande Passerelle", commune="Saint-Malo",
        starts_at=start, ends_at=start + datetime.timedelta(hours=3),
    )  # fmt: skip
    body = text(client.get("/structures/"))
    assert "Prochaines permanences hors les murs" in body
    assert "Médiathèque La Grande Passerelle , Saint-Malo — Centre d'information et d'orientation de Saint-Malo" in body
