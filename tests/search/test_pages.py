import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db


def test_results_page_works_without_javascript(client, imported_demo):
    page = client.get("/recherche/", {"q": "infirmiere liberale"}).content.decode()
    assert 'href="/metiers/J1506/"' in page
    assert "Trouvé grâce au nom « Infirmier libéral / Infirmière libérale »" in page
    assert 'role="status"' in page


def test_results_page_without_result_suggests_and_proposes_browsing(client, imported_demo):
    page = client.get("/recherche/", {"q": "mitorn"}).content.decode()
    assert "Aucun métier ne correspond" in page
    assert "Vouliez-vous dire :" in page and '<a href="?q=mitron">mitron</a>' in page
    assert 'href="/metiers/"' in page and 'href="/metiers/centres-interet/"' in page


def test_empty_search_page_explains(client, db):
    assert "dans la case de recherche" in client.get("/recherche/").content.decode()


def test_api_search_contract(client, imported_demo):
    data = client.get("/api/v1/occupations/search", {"q": "boulangère", "limit": 3}).json()
    assert data["query"] == "boulangère"
    top = data["results"][0]
    assert (top["code"], top["title"], top["matched_title"]) == (
        "D1102",
        "Boulanger / Boulangère",
        "Boulanger / Boulangère",
    )
    assert 0 < top["score"] <= 1 and len(data["results"]) <= 3
    assert top["url"] == "http://testserver/metiers/D1102/"


@pytest.mark.parametrize(("limit", "status"), [("0", 400), ("51", 400), ("x", 400), ("50", 200)])
def test_api_search_limit(client, imported_demo, limit, status):
    assert client.get("/api/v1/occupations/search", {"q": "a", "limit": limit}).status_code == status


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.text(max_size=300))
def test_any_query_gives_a_page_and_a_json_list(client, imported_demo, q):
    assert client.get("/recherche/", {"q": q}).status_code == 200
    response = client.get("/api/v1/occupations/search", {"q": q})
    assert response.status_code == 200 and isinstance(response.json()["results"], list)


def test_staff_page_of_searches_without_result_is_for_staff_only(
    client, admin_client, admin_user, pass_second_factor, imported_demo
):
    """Staff with a password but without the second factor are sent to the staff login too."""
    client.get("/recherche/", {"q": "zzqxj"})
    client.get("/recherche/", {"q": "zzqxj"})
    url = "/gestion/search/searchmiss/"
    assert client.get(url).status_code == 302  # to the login page
    assert admin_client.get(url).status_code == 302
    page = pass_second_factor(admin_client, admin_user).get(url).content.decode()
    assert "zzqxj" in page and ">2<" in page
