import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db


def test_home_speaks_to_each_public_and_leads_to_the_main_tasks(client, imported_demo):
    page = client.get("/").content.decode()
    for public in ("Collégien", "Lycéen", "Étudiant", "changer de métier", "Parent", "orientation"):
        assert public in page
    assert "Bientôt" not in page  # every task the home page names is there now
    for task in ("/metiers/", "/formations/", "/territoires/qui-recrute/", "/decouvrir/", "/changer-de-metier/"):
        assert f'href="{task}"' in page
    for task in ("/projet/", "/contact/", "/structures/"):
        assert f'href="{task}"' in page


def test_base_layout_is_accessible_by_construction(client, imported_demo):
    page = client.get("/").content.decode()
    assert '<html lang="fr">' in page
    assert page.index('class="skip-link" href="#contenu"') < page.index("<header")
    assert 'id="contenu"' in page and 'role="search"' in page
    assert '<label for="site-search">' in page
    for link in ("/sources/", "/accessibilite/", "/donnees-personnelles/"):
        assert f'href="{link}"' in page


def test_sources_page_lists_what_was_imported(client, imported_demo):
    page = client.get("/sources/").content.decode()
    assert "ROME 4.0 (données de démonstration)" in page
    assert "0-demo" in page and "1 septembre 2025" in page and "Licence Ouverte" in page


def test_security_headers(client, db):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_static_pages(client, db):
    assert "non conforme" in client.get("/accessibilite/").content.decode()
    assert "pas de traceurs" in client.get("/donnees-personnelles/").content.decode().lower()


def test_search_page_without_query_explains_what_to_do(client, db):
    response = client.get("/recherche/")
    assert response.status_code == 200 and "dans la case de recherche" in response.content.decode()


def test_search_page_finds_by_job_title(client, imported_demo):
    page = client.get("/recherche/", {"q": "web"}).content.decode()
    assert 'href="/metiers/M1805/"' in page and "Développeur / Développeuse web" in page


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.text(max_size=300))
def test_search_page_survives_any_input(client, db, q):
    response = client.get("/recherche/", {"q": q})
    assert response.status_code == 200
