import pytest

from hent.territories import services as territories

pytestmark = pytest.mark.django_db


def page(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def test_occupation_page_lists_trainings_by_level_with_sources(client, world):
    html = page(client, "/metiers/D1102/")
    assert "Les formations qui y mènent" in html
    assert 'href="/formations/ci-1/"' in html and "CAP, BEP (niveau 3)" in html
    assert "Lien avec le métier : Certif Info" in html
    assert "Enseignée dans la région" in html  # InserJeunes says so


def test_occupation_split_from_a_rome_v3_fiche_says_so(client, world):
    html = page(client, "/metiers/M1855/")
    assert 'href="/formations/ci-2/"' in html and "via l'ancienne fiche ROME" in html


def test_training_page(client, world):
    html = page(client, "/formations/ci-1/")
    assert "<h1" in html and "CAP boulanger" in html and "On y apprend le pain." in html
    assert 'href="/metiers/D1102/"' in html and "(selon Certif Info)" in html and "(selon ONISEP)" in html
    assert "Bretagne, apprentissage, sortants 2022-2023" in html
    assert "722" in html and "55 %" in html and "69 %" in html  # InserJeunes figures of the file
    assert "12 %" not in html  # another region's figures are not shown


def test_training_page_lists_places_nearest_first_from_the_chosen_commune(client, world):
    session = client.session
    session[territories.SESSION_KEY] = "35288"  # Saint-Malo
    session.save()
    html = page(client, "/formations/ci-2/")
    assert 'href="/etablissements/0350001A/"' in html and "à 67 km" in html


def test_establishment_page(client, world):
    html = page(client, "/etablissements/0350003C/")
    assert "CFA de la boulangerie - Saint-Malo" in html
    assert "approximative : placée au centre de la commune" in html
    assert "71 %" in html and "68 %" in html


@pytest.mark.parametrize("url", ["/formations/nope/", "/etablissements/0000000X/"])
def test_unknown_training_or_establishment_is_404(client, world, url):
    assert client.get(url).status_code == 404


def test_training_search_by_text_level_and_mode(client, world):
    html = page(client, "/formations/", q="boulanger")
    assert 'href="/formations/ci-1/"' in html and "1 formation trouvée" in html
    html = page(client, "/formations/", q="informatique", niveau="5", modalite="apprentissage")
    assert 'href="/formations/ci-2/"' in html and 'href="/formations/rncp-200/"' not in html
    html = page(client, "/formations/", metier="M1805")
    assert 'href="/formations/ci-2/"' in html and 'href="/formations/rncp-200/"' in html


def test_training_search_within_a_radius(client, world):
    session = client.session
    session[territories.SESSION_KEY] = "35238"  # Rennes
    session.save()
    assert 'href="/formations/ci-2/"' in page(client, "/formations/", q="informatique", rayon="10")
    session[territories.SESSION_KEY] = "35288"  # Saint-Malo, 67 km away
    session.save()
    assert "Aucune formation ne correspond" in page(client, "/formations/", q="informatique", rayon="30")


def test_training_search_form_errors_are_explained(client, world):
    html = page(client, "/formations/", niveau="42")
    assert 'class="error"' in html and "42" in html


def test_map_page_places_establishments_on_an_svg_of_the_region(client, world):
    html = page(client, "/formations/ci-2/carte/")
    assert '<svg viewBox="0 0 1000' in html and 'aria-labelledby="map-caption"' in html
    assert '<a href="/etablissements/0350001A/" aria-label="Lycée Bréquigny"><circle class="map__point"' in html
    assert "La même chose en liste" in html


def test_training_search_by_epci(client, world):
    from hent.territories.models import Commune, Epci

    epci = Epci.objects.create(siren="243500139", name="Rennes Métropole", nature="METRO")
    Commune.objects.filter(insee="35238").update(epci=epci)
    assert 'href="/formations/ci-2/"' in page(client, "/formations/", epci="243500139")
