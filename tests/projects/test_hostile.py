"""Whatever is sent, the pages answer with a page, never an error: property-based tests."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hent.projects.models import Project, ProjectNote

pytestmark = pytest.mark.django_db

CHECKS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# Text as people and robots send it: any Unicode, control characters, very long strings, SQL-ish or HTML-ish bits.
nasty = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=5000),
    st.sampled_from(["' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "\x00", "ABCD-EFGH" * 50]),
)


@pytest.fixture
def owner(world):
    client = Client()
    client.post("/projet/ajouter/", {"kind": "occupation", "ref": "D1102"})
    client.project = Project.objects.get()
    return client


@CHECKS
@given(code=nasty)
def test_code_lookup_survives_any_input(client, db, code):
    response = client.get("/projet/consulter/", {"code": code})
    assert response.status_code in (200, 400, 404, 429)


@CHECKS
@given(token=nasty)
def test_link_lookup_survives_any_input(client, db, token):
    assert client.get("/projet/ouvrir/", {"cle": token}).status_code in (404, 429)


@CHECKS
@given(kind=nasty, ref=nasty, next_url=nasty)
def test_adding_survives_any_input(world, kind, ref, next_url):
    client = Client()
    for response in (
        client.get("/projet/ajouter/", {"kind": kind, "ref": ref}),
        client.post("/projet/ajouter/", {"kind": kind, "ref": ref, "next": next_url}),
        client.post("/projet/ajouter/", {"kind": "occupation", "ref": "D1102", "next": next_url}),
    ):
        assert response.status_code in (200, 302, 400, 404, 429)
        if response.status_code == 302:
            assert response["Location"].startswith("/") and not response["Location"].startswith("//")


@CHECKS
@given(text=nasty, title=nasty, date=nasty, status=nasty, search=nasty)
def test_editing_survives_any_input(owner, text, title, date, status, search):
    steps = list(owner.project.steps.all())
    responses = [
        owner.post("/projet/notes/", {"text": text}),
        owner.post(
            "/projet/plan/", {f"etape-{s.pk}-status": status for s in steps} | {f"etape-{steps[0].pk}-date": date}
        ),
        owner.post("/projet/plan/ajouter/", {"title": title, "date": date}),
        owner.get("/projet/", {"commune": search}),
    ]
    note = ProjectNote.objects.filter(project=owner.project).first()
    if note:
        responses.append(owner.post(f"/projet/notes/{note.pk}/", {"action": text[:20], f"note-{note.pk}-text": text}))
    for response in responses:
        assert response.status_code in (200, 302, 400)
    assert owner.get("/projet/").status_code == 200
    assert owner.get("/projet/pdf/").status_code == 200
    assert owner.get("/projet/imprimer/").status_code == 200


def test_what_people_type_is_escaped_on_every_page(owner):
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    owner.post("/projet/notes/", {"text": attack})
    owner.post("/projet/plan/ajouter/", {"title": attack})
    pages = [owner.get("/projet/"), owner.get("/projet/imprimer/"),
             Client().get("/projet/consulter/", {"code": owner.project.code})]  # fmt: skip
    for response in pages:
        page = response.content.decode()
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
