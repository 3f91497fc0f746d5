"""Fixtures of the contact tests: two structures open all week, advisers of each, a Region editor, and
clients logged in with the second factor verified (the staff login itself is tested in tests/staff)."""

import datetime
import secrets
import time

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from hent.guidance.models import OpeningHours, Structure
from hent.staff.decorators import VERIFIED_AT_KEY, VERIFIED_USER_KEY
from hent.staff.models import StaffProfile

PASSWORD = "une phrase de passe solide 42"


def open_all_week(structure):
    for day in range(7):
        OpeningHours.objects.create(
            structure=structure, weekday=day, opens=datetime.time(0, 0), closes=datetime.time(23, 59, 59)
        )


@pytest.fixture(autouse=True)
def _memory_layer(settings):
    """Each test gets a fresh in-memory channel layer (the Redis tests set their own)."""
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}


@pytest.fixture
def structures(db):
    a = Structure.objects.create(
        slug="cio-rennes", kind="cio", name="CIO de Rennes", department="35", commune="Rennes",
        postcode="35000", publics=["collegiens", "lyceens", "parents"], phone="02 99 00 00 00",
    )  # fmt: skip
    b = Structure.objects.create(
        slug="mission-locale-brest", kind="mission_locale", name="Mission locale de Brest", department="29",
        commune="Brest", publics=["jeunes_16_25"],
    )  # fmt: skip
    open_all_week(a)
    open_all_week(b)
    return a, b


def make_staff(username, role="adviser", structure=None):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, email=f"{username}@example.org")
    StaffProfile.objects.create(user=user, role=role, structure=structure)
    return user


@pytest.fixture
def adviser_a(structures):
    return make_staff("conseil-a", structure=structures[0])


@pytest.fixture
def adviser_b(structures):
    return make_staff("conseil-b", structure=structures[1])


@pytest.fixture
def editor(structures):
    return make_staff("redaction", role="editor")


def verified_client(user):
    """A client logged in with both factors (the session flag the staff login sets)."""
    client = Client()
    client.force_login(user)
    session = client.session
    session[VERIFIED_USER_KEY] = user.pk
    session[VERIFIED_AT_KEY] = int(time.time())
    session.save()
    return client


def client_id():
    return secrets.token_urlsafe(12)
