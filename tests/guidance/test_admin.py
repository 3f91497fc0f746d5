"""The back office of the directory (/gestion/), scoped by hent.staff.roles."""

import html
import time

import pytest
from django.contrib.auth import get_user_model

from hent.guidance.models import Structure
from tests import importing


@pytest.fixture
def staff(db, directory):
    from hent.staff.decorators import VERIFIED_AT_KEY, VERIFIED_USER_KEY
    from hent.staff.models import StaffProfile

    def sign_in(client, role, structure=None):
        user = get_user_model().objects.create_user(
            username=f"{role}-{time.monotonic_ns()}", password="x" * 20, is_staff=True, is_superuser=False
        )
        StaffProfile.objects.create(user=user, role=role, structure=structure)
        client.force_login(user)
        session = client.session
        session[VERIFIED_USER_KEY] = user.pk
        session[VERIFIED_AT_KEY] = int(time.time())
        session.save()
        return user

    return sign_in


def form_data(structure, **changes):
    data = {
        "name": structure.name, "kind": structure.kind, "slug": structure.slug, "is_active": "on",
        "address": structure.address, "address_extra": structure.address_extra, "postcode": structure.postcode,
        "commune": structure.commune, "commune_code": structure.commune_code, "department": structure.department,
        "latitude": structure.latitude, "longitude": structure.longitude, "phone": structure.phone,
        "email": structure.email, "website": structure.website, "publics": structure.publics,
        "services": structure.services, "access_note": structure.access_note,
        "opening_hours-TOTAL_FORMS": "0", "opening_hours-INITIAL_FORMS": "0",
        "outreach_sessions-TOTAL_FORMS": "0", "outreach_sessions-INITIAL_FORMS": "0",
    }  # fmt: skip
    data.update(changes)
    return data


def test_a_manager_sees_and_edits_only_their_structure(client, staff):
    mine = Structure.objects.get(source_key="uai:0351839J")
    other = Structure.objects.get(source_key="safir:29019")
    staff(client, "manager", mine)
    listing = client.get("/gestion/guidance/structure/")
    assert listing.status_code == 200
    body = html.unescape(listing.content.decode())
    assert mine.name in body and other.name not in body
    assert client.get(f"/gestion/guidance/structure/{other.pk}/change/").status_code in (302, 403)
    response = client.post(f"/gestion/guidance/structure/{other.pk}/change/", form_data(other, phone="06"))
    assert response.status_code in (302, 403)
    other.refresh_from_db()
    assert other.phone == ""
    assert client.get("/gestion/guidance/structure/add/").status_code == 403


def test_staff_edits_are_remembered_stamped_and_survive_reimport(client, staff, directory):
    cio = Structure.objects.get(source_key="uai:0351839J")
    before = cio.updated_at
    staff(client, "manager", cio)
    response = client.post(
        f"/gestion/guidance/structure/{cio.pk}/change/",
        form_data(cio, phone="02 23 00 00 00", publics=["lyceens", "parents"], **{
            "opening_hours-TOTAL_FORMS": "1", "opening_hours-0-weekday": "2",
            "opening_hours-0-opens": "09:00", "opening_hours-0-closes": "12:30",
        }),
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    cio.refresh_from_db()
    assert cio.phone == "02 23 00 00 00"
    assert set(cio.edited_fields) == {"phone", "publics"}
    assert cio.updated_at > before
    assert cio.opening_hours.count() == 1
    importing.run("import_structures", directory)
    cio.refresh_from_db()
    assert cio.phone == "02 23 00 00 00" and cio.publics == ["lyceens", "parents"]
    assert cio.opening_hours.count() == 1
    page = html.unescape(client.get(cio.get_absolute_url()).content.decode())
    assert "02 23 00 00 00" in page and "complétée par l'équipe" in page


def test_an_editor_adds_a_structure_that_appears_publicly(client, staff):
    staff(client, "editor")
    data = form_data(
        Structure(name="Mission locale du bassin rennais", kind="mission_locale", slug="mission-locale-rennes",
                  commune="Rennes", postcode="35000", commune_code="35238", department="35",
                  latitude=48.11, longitude=-1.67, publics=["jeunes_16_25"]),
    )  # fmt: skip
    response = client.post("/gestion/guidance/structure/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    results = client.get("/structures/", {"lieu": "Rennes", "type": "mission_locale"}).content.decode()
    assert "/structures/mission-locale-rennes/" in results
    page = html.unescape(client.get("/structures/mission-locale-rennes/").content.decode())
    assert "saisie par l'équipe" in page


def test_an_adviser_has_no_access_to_the_directory_back_office(client, staff):
    cio = Structure.objects.get(source_key="uai:0351839J")
    staff(client, "adviser", cio)
    assert client.get(f"/gestion/guidance/structure/{cio.pk}/change/").status_code in (302, 403)
    response = client.post(f"/gestion/guidance/structure/{cio.pk}/change/", form_data(cio, phone="06"))
    assert response.status_code in (302, 403)
    cio.refresh_from_db()
    assert cio.phone != "06"


def test_without_second_factor_the_back_office_refuses(client, directory):
    from hent.staff.models import StaffProfile

    user = get_user_model().objects.create_user(username="ed", password="x" * 20, is_staff=True)
    StaffProfile.objects.create(user=user, role="editor")
    client.force_login(user)
    response = client.get("/gestion/guidance/structure/")
    assert response.status_code == 302 and "/gestion/guidance/structure/" not in response["Location"].split("?")[0]
