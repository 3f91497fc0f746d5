"""My project through the test client, as a browser without JavaScript uses it."""

import logging
import re
from html import unescape

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.template import Context, RequestContext, Template
from django.test import Client, RequestFactory

from hent.projects import services
from hent.projects.models import Project, ProjectItem, ProjectNote
from tests.projects.conftest import pdf_text

pytestmark = pytest.mark.django_db


def html(response):
    """The page, with entities decoded (« n'est » is sent as « n&#x27;est »)."""
    return unescape(response.content.decode())


def add(client, kind, ref, next_url="/projet/#elements"):
    return client.post("/projet/ajouter/", {"kind": kind, "ref": ref, "next": next_url})


def key_link(page):
    match = re.search(r'href="(http://testserver/projet/ouvrir/\?cle=[A-Za-z0-9_-]{43})"', page)
    return match.group(1).removeprefix("http://testserver") if match else None


@pytest.fixture
def owner(client, world):
    """A browser that saved an occupation, and the private link it was shown (once)."""
    response = add(client, "occupation", "D1102")
    assert response.status_code == 302
    page = html(client.get("/projet/"))
    client.link = key_link(page)
    assert client.link
    client.project = Project.objects.get()
    return client


# -- starting, adding, removing --------------------------------------------------------------------------


def test_without_a_project_the_page_explains_and_offers_to_start(client, db):
    page = html(client.get("/projet/"))
    assert "<h1>Mon projet</h1>" in page and "Commencer mon projet" in page
    assert 'action="/projet/consulter/"' in page and "Sans visite pendant 12 mois" in page
    assert Project.objects.count() == 0  # reading the page creates nothing
    client.post("/projet/commencer/")
    assert Project.objects.count() == 1 and "Gardez ce lien" in html(client.get("/projet/"))


def test_first_save_creates_the_project_and_goes_back_with_a_message(client, world):
    response = add(client, "occupation", "D1102", next_url="/metiers/D1102/")
    assert response.status_code == 302 and response["Location"] == "/metiers/D1102/"
    assert Project.objects.count() == 1 and ProjectItem.objects.get().label == "Boulanger / Boulangère"
    page = html(client.get("/projet/"))
    assert "Ajouté à votre projet : Boulanger / Boulangère." in page
    assert 'href="/metiers/D1102/"' in page
    add(client, "training", "ci-1")  # the second save goes to the same project
    assert Project.objects.count() == 1 and ProjectItem.objects.count() == 2


def test_the_private_link_is_shown_once_with_advice(owner):
    page = html(owner.get("/projet/"))
    assert "Gardez ce lien" not in page and key_link(page) is None
    assert owner.project.display_code in page  # the code stays visible


def test_the_save_button_says_when_an_item_is_already_saved(owner):
    page = html(owner.get("/projet/ajouter/", {"kind": "training", "ref": "ci-1"}))
    assert "Ajouter à mon projet" in page and 'name="csrfmiddlewaretoken"' in page
    assert 'name="kind" value="training"' in page and 'name="ref" value="ci-1"' in page
    page = html(owner.get("/projet/ajouter/", {"kind": "occupation", "ref": "D1102"}))
    assert "Déjà dans votre projet" in page and "Ajouter à mon projet</button>" not in page


def test_the_save_button_include_renders_on_any_page(owner, world, django_assert_num_queries):
    request = RequestFactory().get("/metiers/D1102/")
    request.session = owner.session
    template = Template(
        '{% for kind, ref, label in items %}{% include "projects/_save_button.html" %}{% endfor %}'
    )  # as the occupation, training and establishment pages will include it
    items = [("occupation", "D1102", "Boulanger"), ("training", "ci-1", "CAP boulanger")]
    page = template.render(RequestContext(request, {"items": items}))
    assert page.count("Déjà dans votre projet") == 1 and page.count("Ajouter à mon projet") == 1
    assert 'name="next" value="/metiers/D1102/"' in page
    # A visitor without a project sees buttons only, and costs no query.
    request = RequestFactory().get("/metiers/D1102/")
    request.session = SessionStore()
    with django_assert_num_queries(0):  # (a plain Context: the site's context processors query datasets)
        page = template.render(Context({"request": request, "items": items, "csrf_token": "t"}))
    assert page.count("Ajouter à mon projet") == 2
    assert (
        Template("{% load projects %}{% has_project as mine %}{{ mine }}").render(Context({"request": request}))
        == "False"
    )


def test_removing_an_item(owner):
    item = owner.project.items.get()
    response = owner.post(f"/projet/elements/{item.pk}/retirer/")
    assert response.status_code == 302 and response["Location"] == "/projet/#elements"
    page = html(owner.get("/projet/"))
    assert "Retiré de votre projet : Boulanger / Boulangère." in page and "Aucun métier pour l'instant." in page


def test_adding_a_commune_found_by_name(owner):
    page = html(owner.get("/projet/", {"commune": "saint malo"}))
    assert "Une commune trouvée pour « saint malo »." in page
    add(owner, "commune", "35288")
    assert owner.project.items.filter(kind="commune", ref="35288").exists()


@pytest.mark.parametrize("data", [{"kind": "occupation", "ref": "Z9999"}, {"kind": "boat", "ref": "x"}, {}])
def test_adding_something_unknown_says_so_and_creates_nothing(client, world, data):
    response = client.post("/projet/ajouter/", data)
    assert response.status_code in (400, 404) and "Élément introuvable" in html(response)
    assert Project.objects.count() == 0


def test_next_never_leads_to_another_site(client, world):
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"):
        response = add(client, "training", "ci-1", next_url=target)
        assert response["Location"] == "/projet/#elements", target


# -- notes and plan ------------------------------------------------------------------------------------


def test_notes_flow(owner):
    response = owner.post("/projet/notes/", {"text": "Appeler le CIO\nmardi"})
    assert response["Location"] == "/projet/#notes"
    note = ProjectNote.objects.get()
    page = html(owner.get("/projet/"))
    assert "Votre note est enregistrée." in page and "Appeler le CIO\nmardi</textarea>" in page
    assert "N'écrivez pas d'informations personnelles" in page
    owner.post(f"/projet/notes/{note.pk}/", {"action": "enregistrer", f"note-{note.pk}-text": "Appeler le CIO jeudi"})
    assert ProjectNote.objects.get().text == "Appeler le CIO jeudi"
    owner.post(f"/projet/notes/{note.pk}/", {"action": "supprimer"})
    assert ProjectNote.objects.count() == 0


def test_a_too_long_or_empty_note_is_refused_with_a_message_tied_to_the_field(owner):
    response = owner.post("/projet/notes/", {"text": "x" * 2001})
    page = html(response)
    assert response.status_code == 400 and "Votre note est trop longue : 2000 caractères au plus" in page
    assert 'aria-describedby="notes-warning new-note-hint new-note-error"' in page and 'id="new-note-error"' in page
    assert "x" * 2001 in page  # what was typed is not lost
    response = owner.post("/projet/notes/", {"text": "  "})
    assert response.status_code == 400 and "La note est vide" in html(response)
    assert ProjectNote.objects.count() == 0


def test_plan_flow(owner):
    steps = list(owner.project.steps.all())
    data = {f"etape-{s.pk}-status": "a-faire" for s in steps}
    data[f"etape-{steps[0].pk}-status"] = "fait"
    data[f"etape-{steps[0].pk}-date"] = "2026-03-14"
    data[f"etape-{steps[2].pk}-date"] = "20/05/2026"  # as people write it, without a date picker
    response = owner.post("/projet/plan/", data)
    assert response["Location"] == "/projet/#plan"
    first, _, third = list(owner.project.steps.all())[:3]
    assert first.done and str(first.date) == "2026-03-14" and not third.done and str(third.date) == "2026-05-20"
    page = html(owner.get("/projet/"))
    assert "Votre plan est enregistré." in page and "1 étape faite sur 5" in page
    assert "<legend>Me renseigner</legend>" in page and 'value="2026-03-14"' in page

    owner.post("/projet/plan/ajouter/", {"title": "Aller au salon Azimut", "date": "2026-01-22"})
    custom = owner.project.steps.get(key="")
    page = html(owner.get("/projet/"))
    assert "<legend>Aller au salon Azimut</legend>" in page
    assert f'formaction="/projet/plan/{custom.pk}/supprimer/"' in page
    owner.post(f"/projet/plan/{custom.pk}/supprimer/", data)
    assert owner.project.steps.count() == 5


def test_a_wrong_date_is_refused_with_a_message_and_nothing_changes(owner):
    steps = list(owner.project.steps.all())
    data = {f"etape-{s.pk}-status": "fait" for s in steps}
    data[f"etape-{steps[1].pk}-date"] = "31/02/2026"
    response = owner.post("/projet/plan/", data)
    page = html(response)
    assert response.status_code == 400 and "Cette date n'est pas valide" in page
    assert f'aria-invalid="true" aria-describedby="etape-{steps[1].pk}-date-error"' in page
    assert not owner.project.steps.filter(done=True).exists()
    data[f"etape-{steps[1].pk}-date"] = "1900-01-01"
    assert "Choisissez une date entre 2000 et 2100." in html(owner.post("/projet/plan/", data))


# -- reading with the code, opening with the link --------------------------------------------------------


def test_the_code_shows_the_project_read_only(owner, world):
    owner.post("/projet/notes/", {"text": "Mon idée"})
    adviser = Client()
    response = adviser.get("/projet/consulter/", {"code": owner.project.display_code.lower()})
    page = html(response)
    assert response.status_code == 200 and "Boulanger / Boulangère" in page and "Mon idée" in page
    assert "vous ne pouvez pas le modifier" in page
    assert 'method="post"' not in page and "Retirer" not in page and "/projet/ouvrir/" not in page
    # The adviser's browser holds no project: every change is refused, and nothing changes.
    item, note = owner.project.items.get(), owner.project.notes.get()
    for url, data in [
        (f"/projet/elements/{item.pk}/retirer/", {}),
        (f"/projet/notes/{note.pk}/", {"action": "supprimer"}),
        ("/projet/notes/", {"text": "intrus"}),
        ("/projet/supprimer/", {}),
        ("/projet/nouveau-lien/", {}),
    ]:
        response = adviser.post(url, data)
        assert response.status_code == 302 and response["Location"] == "/projet/", url
    assert owner.project.items.count() == 1 and owner.project.notes.count() == 1
    assert Project.objects.filter(pk=owner.project.pk).exists()
    assert "pas ouvert dans ce navigateur" in html(adviser.get("/projet/"))


def test_the_private_link_opens_the_project_for_editing_in_another_browser(owner):
    other_device = Client()
    response = other_device.get(owner.link)
    page = html(response)
    assert (
        response.status_code == 200 and "Boulanger / Boulangère" in page and "Ajoutez cette page à vos favoris" in page
    )
    assert "Gardez ce lien" not in page  # not a new link: the one used
    add(other_device, "training", "ci-1")
    assert owner.project.items.count() == 2
    assert "CAP boulanger" in html(owner.get("/projet/"))  # the first browser sees the change


def test_the_token_stays_out_of_the_access_log_and_out_of_referers(owner, caplog):
    with caplog.at_level(logging.INFO, logger="hent.access"):
        response = Client().get(owner.link)
    token = owner.link.split("cle=")[1]
    assert response.status_code == 200
    assert caplog.records and not any(token in r.getMessage() for r in caplog.records)
    assert response["Referrer-Policy"] == "strict-origin" and response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex, nofollow">' in html(response)
    # The forms of the page post to addresses without the token.
    actions = re.findall(r'action="([^"]+)"', html(response))
    assert actions and not any(token in a for a in actions)


def test_wrong_codes_and_unknown_links_give_the_same_neutral_page(owner):
    stranger = Client()
    wrong_code = stranger.get(
        "/projet/consulter/", {"code": "ABCD-EFGH" if owner.project.code != "ABCDEFGH" else "ZZZZ-ZZZZ"}
    )
    unknown_link = stranger.get("/projet/ouvrir/", {"cle": "A" * 43})
    malformed_link = stranger.get("/projet/ouvrir/", {"cle": "x"})
    assert wrong_code.status_code == unknown_link.status_code == malformed_link.status_code == 404
    assert html(wrong_code) == html(unknown_link) == html(malformed_link)
    assert "Aucun projet ne correspond à ce lien ou à ce code." in html(wrong_code)


def test_a_deleted_project_cannot_be_opened_or_read(owner):
    code = owner.project.display_code
    page = html(owner.get("/projet/supprimer/"))
    assert "Supprimer mon projet ?" in page and 'method="post"' in page and "Oui, supprimer mon projet" in page
    assert Project.objects.count() == 1  # the confirmation page deletes nothing
    response = owner.post("/projet/supprimer/")
    assert response["Location"] == "/projet/"
    assert Project.objects.count() == 0 and ProjectItem.objects.count() == 0
    page = html(owner.get("/projet/"))
    assert "Votre projet est supprimé" in page and "Commencer mon projet" in page
    assert Client().get(owner.link).status_code == 404
    assert Client().get("/projet/consulter/", {"code": code}).status_code == 404


def test_opening_another_projects_link_asks_first(owner, world):
    someone_else = Client()
    add(someone_else, "training", "ci-1")
    their_link = key_link(html(someone_else.get("/projet/")))
    response = owner.get(their_link)
    page = html(response)
    assert "Ouvrir un autre projet ?" in page and 'method="post"' in page
    assert services.session_project_id(owner) == owner.project.pk  # nothing replaced yet
    response = owner.post("/projet/ouvrir/", {"cle": their_link.split("cle=")[1]})
    assert response.status_code == 302
    assert "CAP boulanger" in html(owner.get(response["Location"]))
    assert owner.session[services.SESSION_KEY] != owner.project.pk


def test_another_projects_items_notes_and_steps_cannot_be_changed(owner, world):
    intruder = Client()
    add(intruder, "training", "ci-1")
    item = owner.project.items.get()
    note = ProjectNote.objects.create(project=owner.project, text="à moi")
    step = owner.project.steps.first()
    custom = owner.project.steps.create(title="perso", position=9)
    intruder.post(f"/projet/elements/{item.pk}/retirer/")
    intruder.post(f"/projet/notes/{note.pk}/", {"action": "supprimer"})
    intruder.post(f"/projet/notes/{note.pk}/", {"action": "enregistrer", f"note-{note.pk}-text": "piraté"})
    intruder.post("/projet/plan/", {f"etape-{step.pk}-status": "fait"})
    intruder.post(f"/projet/plan/{custom.pk}/supprimer/")
    assert owner.project.items.count() == 1 and ProjectNote.objects.get(pk=note.pk).text == "à moi"
    assert not owner.project.steps.get(pk=step.pk).done and owner.project.steps.filter(pk=custom.pk).exists()


def test_closing_forgets_the_project_in_this_browser_only(owner):
    owner.post("/projet/fermer/")
    assert "Commencer mon projet" in html(owner.get("/projet/"))
    assert Project.objects.count() == 1
    assert "Boulanger / Boulangère" in html(owner.get(owner.link))  # the link opens it again


def test_the_project_is_kept_for_the_visit_only(owner):
    assert owner.session.get_expire_at_browser_close()


# -- rate limit ----------------------------------------------------------------------------------------


def test_failed_lookups_are_rate_limited_per_address(owner, settings):
    settings.HENT_PROJECT_LOOKUP_LIMIT = 5
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    codes = [
        c for c in ("ABCDEFGH", "BCDEFGHJ", "CDEFGHJK", "DEFGHJKM", "EFGHJKMN", "FGHJKMNP") if c != owner.project.code
    ]
    for code in codes[:3]:
        assert attacker.get("/projet/consulter/", {"code": code}).status_code == 404
    for _ in range(2):
        assert attacker.get("/projet/ouvrir/", {"cle": "B" * 43}).status_code == 404
    # Limit reached: even the right code and the right link are refused from this address, for now.
    response = attacker.get("/projet/consulter/", {"code": owner.project.code})
    assert response.status_code == 429 and "Trop d'essais" in html(response)
    assert attacker.get(owner.link).status_code == 429
    # Another address is not affected, and successes are not counted.
    adviser = Client(REMOTE_ADDR="198.51.100.2")
    for _ in range(10):
        assert adviser.get("/projet/consulter/", {"code": owner.project.code}).status_code == 200


def test_the_rate_limit_stores_no_address(owner, settings):
    from django.core.cache import cache

    Client(REMOTE_ADDR="203.0.113.77").get("/projet/consulter/", {"code": "ABCD-EFGH"})
    stored = list(cache._cache.keys())  # the local-memory cache of the tests
    assert stored and not any("203.0.113.77" in key for key in stored)


def test_project_creations_are_rate_limited_per_address(client, world, settings):
    settings.HENT_PROJECT_CREATION_LIMIT = 2
    for _ in range(2):
        Client(REMOTE_ADDR="203.0.113.9").post("/projet/commencer/")
    response = Client(REMOTE_ADDR="203.0.113.9").post("/projet/ajouter/", {"kind": "occupation", "ref": "D1102"})
    assert response.status_code == 429 and Project.objects.count() == 2


# -- print and PDF -----------------------------------------------------------------------------------------


def test_printable_page(owner):
    owner.post("/projet/notes/", {"text": "Salon le 22 janvier"})
    page = html(owner.get("/projet/imprimer/"))
    assert "Boulanger / Boulangère" in page and "http://testserver/metiers/D1102/" in page
    assert "Salon le 22 janvier" in page and "<caption>Les étapes du plan et où elles en sont</caption>" in page
    assert 'href="/static/projects/print.css" media="print"' in page
    assert "utilisez la commande Imprimer de votre navigateur" in page


def test_pdf_export_contains_the_items_plan_and_notes(owner):
    add(owner, "training", "ci-1")
    add(owner, "establishment", "0350001A")
    owner.post("/projet/notes/", {"text": "Portes ouvertes samedi"})
    response = owner.get("/projet/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    text = pdf_text(response.content)
    expected = [
        "Boulanger / Boulangère",
        "CAP boulanger",
        "Lycée Bréquigny",
        "Me renseigner",
        "Portes ouvertes samedi",
        owner.project.display_code,
        "http://testserver/metiers/D1102/",
        "Sans visite pendant 12 mois",
    ]
    for fragment in expected:
        assert fragment in text, fragment
    # The read-only PDF, by code, is the same project.
    response = Client().get("/projet/consulter/pdf/", {"code": owner.project.code})
    assert "CAP boulanger" in pdf_text(response.content)


def test_pdf_of_text_outside_the_pdf_fonts_replaces_what_cannot_be_drawn(owner):
    owner.post("/projet/notes/", {"text": "Super 😀 métier — l’œil 中文"})
    text = pdf_text(owner.get("/projet/pdf/").content)
    assert "Super ? métier — l’œil ??" in text


def test_print_and_pdf_need_the_project_open(client, db):
    assert client.get("/projet/imprimer/")["Location"] == "/projet/"
    assert client.get("/projet/pdf/")["Location"] == "/projet/"


# -- requests a browser should not make, but someone may -------------------------------------------------------


def test_posts_need_the_csrf_token(world):
    browser = Client(enforce_csrf_checks=True)
    assert browser.post("/projet/ajouter/", {"kind": "occupation", "ref": "D1102"}).status_code == 403
    assert Project.objects.count() == 0


def test_get_on_a_post_address_goes_to_the_project_page(owner):
    for url in (
        "/projet/notes/",
        "/projet/plan/",
        "/projet/fermer/",
        "/projet/commencer/",
        "/projet/elements/1/retirer/",
    ):
        response = owner.get(url)
        assert response.status_code == 302 and response["Location"] == "/projet/", url
    assert Project.objects.count() == 1 and owner.project.items.count() == 1


def test_code_form_errors_are_clear(client, db):
    response = client.get("/projet/consulter/", {"code": "1234"})
    page = html(response)
    assert response.status_code == 400 and "Ce code n'a pas la bonne forme" in page
    assert 'aria-describedby="project-code-hint project-code-error"' in page and 'aria-invalid="true"' in page
    assert "Lire un projet avec son code" in html(client.get("/projet/consulter/"))
