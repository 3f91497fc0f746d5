import pytest

from hent.territories import services as territories

pytestmark = pytest.mark.django_db


def html(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def test_occupation_page_shows_the_regional_market_with_sources(client, labour):
    page = html(client, "/metiers/D1102/")
    section = page.split('id="emploi"')[1].split("</section>")[0]
    assert "L'emploi en Bretagne" in page
    assert "Famille « Boulangers, pâtissiers » (S0X42)" in section
    assert "toute la famille de métiers, pas seulement ce métier" in section
    assert ">120<" in section and "-20 %" in section and "au moins" in section
    assert "1558 €" in section and "22 % sont des femmes et 78 % des hommes" in section
    assert "Les femmes y sont encore peu nombreuses" in section
    assert "Boulangerie et boulangerie-pâtisserie" in section
    assert "Source :" in section


def test_occupation_page_uses_the_visitors_bassin(client, labour):
    session = client.session
    session[territories.SESSION_KEY] = "35238"
    session.save()
    assert "dans le bassin d'emploi de Rennes" in html(client, "/metiers/D1102/")


@pytest.mark.parametrize("url", ["/territoires/", "/territoires/departement/35/", "/territoires/bassin/5314/",
                                 "/territoires/epci/243500139/"])  # fmt: skip
def test_territory_pages(client, labour, url):
    page = html(client, url)
    assert "Les métiers qui recrutent le plus" in page and '<table class="bar-chart">' in page
    assert "Source :" in page


def test_region_page_total_is_the_sum_of_published_values(client, labour):
    page = html(client, "/territoires/")
    assert '<span class="figure__value">500</span>' in page and "1 valeur est masquée" in page


@pytest.mark.parametrize(
    "url", ["/territoires/bassin/0000/", "/territoires/departement/99/", "/territoires/epci/000000000/"]
)
def test_unknown_territories_are_404(client, labour, url):
    assert client.get(url).status_code == 404


def test_who_hires_near_me(client, labour):
    assert client.get("/territoires/qui-recrute/")["Location"].startswith("/territoires/lieu/")
    session = client.session
    session[territories.SESSION_KEY] = "35238"
    session.save()
    assert client.get("/territoires/qui-recrute/")["Location"] == "/territoires/bassin/5314/"


def test_gender_and_hiring_filters_on_lists_and_search(client, labour):
    page = html(client, "/metiers/domaines/J15/", mixite="peu_d_hommes")
    assert 'href="/metiers/J1506/"' in page and 'href="/metiers/J1501/"' not in page
    page = html(client, "/recherche/", q="boulanger", recrute="on")
    assert 'href="/metiers/D1102/"' in page
    page = html(client, "/recherche/", q="boulanger", mixite="mixte")
    assert "Aucun métier trouvé ne correspond à ces filtres" in page


def test_api(client, labour):
    data = client.get("/api/v1/occupations/D1102/market", {"lieu": "Rennes"}).json()
    assert data["bmo_families"][0]["by_year"]["2025"]["projects"] == 120
    assert data["bmo_families"][0]["in_visitor_basin"]["projects"] == 120
    assert data["share_women"] == {"percent": 22, "period": "2017-2019", "scope": "France"}
    region = client.get("/api/v1/territories/region").json()
    assert region["total"]["projects"] == 500
    assert client.get("/api/v1/territories/bassins/0000").status_code == 404
