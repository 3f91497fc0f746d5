import pytest

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def test_occupation_page_shows_what_a_person_needs(client, imported_demo):
    page = text(client.get("/metiers/D1102/"))
    assert "<h1" in page and "Boulanger / Boulangère" in page
    assert "Fabrique le pain et les viennoiseries" in page  # definition
    assert "Respecte les règles d&#x27;hygiène" in page  # repaired apostrophe, escaped
    assert "CAP Boulanger" in page  # access
    assert page.index("L&#x27;essentiel du métier") < page.index("Autres savoir-faire")  # core skills first
    assert "Pétrir une pâte" in page and "Faire preuve de rigueur" in page  # skill, soft skill
    assert "Règles d&#x27;hygiène alimentaire" in page  # knowledge
    assert "Travail de nuit" in page  # work context
    assert 'href="/metiers/D1104/"' in page  # career move, linked
    assert "Mitron / Mitronne" in page and "peu utilisé" in page  # other titles
    assert "Je suis passionné·e par la cuisine" in page  # centre d'intérêt
    assert "Réaliste" in page  # RIASEC explained
    assert "Artisanat alimentaire" in page and "Industries alimentaires" in page  # sectors, NAF
    assert "Source :" in page and "version 0-demo" in page and "septembre 2025" in page


def test_demo_data_is_announced_on_every_page(client, imported_demo):
    for url in ("/", "/metiers/", "/metiers/D1102/"):
        assert "Données de démonstration." in text(client.get(url))


def test_an_occupation_page_reads_the_datasets_once(client, imported_demo):
    """A page cites several datasets (ROME, labour sources, the demonstration banner): one read of the table."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/metiers/D1102/").status_code == 200
    assert sum('"core_dataset"' in q["sql"] for q in queries.captured_queries) == 1
    assert len(queries.captured_queries) <= 20


def test_tags_explain_regulated_and_transition_jobs(client, imported_demo):
    page = text(client.get("/metiers/J1506/"))
    assert "Métier réglementé" in page and "Transition numérique" in page


def test_unknown_occupation_is_a_404_page(client, imported_demo):
    response = client.get("/metiers/Z9999/")
    assert response.status_code == 404
    assert "Page introuvable" in text(response) and 'lang="fr"' in text(response)


def test_lowercase_code_redirects_to_the_canonical_page(client, imported_demo):
    response = client.get("/metiers/d1102/")
    assert response.status_code == 301 and response["Location"] == "/metiers/D1102/"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/metiers/", ["Commerce et alimentation (démo)", 'href="/metiers/domaines/D11/"']),
        ("/metiers/grands-domaines/D/", ["Métiers de bouche", 'href="/metiers/D1104/"']),
        ("/metiers/domaines/D11/", ["2 métiers dans ce domaine", 'href="/metiers/D1102/"']),
        ("/metiers/centres-interet/", ["J&#x27;ai envie de travailler dehors", 'href="/metiers/centres-interet/1/"']),
        ("/metiers/centres-interet/2/", ["Aider, soigner, accompagner", 'href="/metiers/J1501/"', "Soins"]),
        ("/metiers/themes/", ["Métiers de l&#x27;environnement", 'href="/metiers/themes/002/"']),
        ("/metiers/themes/002/", ['href="/metiers/J1506/"']),
        ("/metiers/secteurs/", ['href="/metiers/secteurs/30/"']),
        (
            "/metiers/secteurs/20/",
            ["Hôpital", 'href="/metiers/J1501/"', "Dans tout le secteur", 'href="/metiers/M1805/"'],
        ),
    ],
)
def test_browse_pages(client, imported_demo, url, expected):
    response = client.get(url)
    assert response.status_code == 200
    for fragment in expected:
        assert fragment in text(response)


@pytest.mark.parametrize(
    "url",
    ["/metiers/grands-domaines/Z/", "/metiers/domaines/Z99/", "/metiers/centres-interet/999/", "/metiers/themes/999/"],
)
def test_unknown_browse_items_are_404(client, imported_demo, url):
    assert client.get(url).status_code == 404


def test_pages_work_before_any_import(client, db):
    for url in ("/", "/metiers/", "/metiers/centres-interet/", "/metiers/themes/", "/metiers/secteurs/", "/sources/"):
        assert client.get(url).status_code == 200
    assert client.get("/metiers/D1102/").status_code == 404


def test_post_is_refused_on_read_only_pages(client, imported_demo):
    assert client.post("/metiers/D1102/").status_code == 405
