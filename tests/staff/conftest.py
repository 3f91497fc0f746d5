import pytest
from django.contrib.auth import get_user_model

from hent.staff import services, totp
from hent.staff.models import Role, StaffProfile

PASSWORD = "une phrase de passe solide 42"


@pytest.fixture(autouse=True)
def _plain_settings(settings):
    settings.HENT_STAFF_LOCKOUT_FAILURES = 5
    settings.HENT_STAFF_LOCKOUT_CLIENT_FAILURES = 20
    settings.HENT_STAFF_LOCKOUT_WINDOW_SECONDS = 900
    settings.HENT_STAFF_LOCKOUT_SECONDS = 900
    # A fast hasher: these tests sign in hundreds of times (production keeps Django's default).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def structures(db):
    from hent.guidance.models import Structure

    a = Structure.objects.create(slug="cio-rennes", kind="cio", name="CIO de Rennes", department="35")
    b = Structure.objects.create(slug="mission-locale-brest", kind="mission_locale", name="ML Brest", department="29")
    return a, b


@pytest.fixture
def make_staff(db):
    """A staff account with a password and, unless enrolled=False, a confirmed second factor."""

    def make(username, role=Role.ADVISER, structure=None, enrolled=True, email=None):
        user = get_user_model().objects.create_user(
            username=username,
            password=PASSWORD,
            email=email or f"{username}@example.org",
            is_staff=role != Role.ADVISER,
            is_superuser=role == Role.ADMIN,
        )
        profile = StaffProfile.objects.create(user=user, role=role, structure=structure)
        if enrolled:
            services.start_enrolment(profile)
            profile.totp_confirmed_at = profile.created_at
            profile.save()
        return user

    return make


def secret_of(user):
    return StaffProfile.objects.get(user=user).totp_secret


def current_code(user):
    return totp.code_at(secret_of(user), totp.current_step())


def fresh_code(user):
    """A code the server has not accepted yet (the current step's, else the next one's)."""
    profile = StaffProfile.objects.get(user=user)
    step = totp.current_step()
    if profile.totp_last_step is not None and profile.totp_last_step >= step:
        step = profile.totp_last_step + 1
    return totp.code_at(profile.totp_secret, step)


def next_code(user):
    """The next step's code: accepted (±1 step) even when the current one was just used."""
    return totp.code_at(secret_of(user), totp.current_step() + 1)


def sign_in(client, user, password=PASSWORD, next_url=None):
    """Both factors, as a person would; returns the last response."""
    data = {"username": user.get_username(), "password": password}
    if next_url:
        data["next"] = next_url
    response = client.post("/equipe/connexion/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.post("/equipe/connexion/code/", {"code": fresh_code(user)})


@pytest.fixture
def adviser_a(make_staff, structures):
    return make_staff("alice", Role.ADVISER, structures[0])


@pytest.fixture
def adviser_b(make_staff, structures):
    return make_staff("bruno", Role.ADVISER, structures[1])
