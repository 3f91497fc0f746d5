"""The role helpers every staff page and API relies on."""

import pytest
from django.contrib.auth.models import AnonymousUser

from hent.staff.models import Role
from hent.staff.roles import can_edit_structure, is_adviser_of, role_of, structures_for

pytestmark = pytest.mark.django_db


def all_structures():
    from hent.guidance.models import Structure

    return Structure.objects.all()


def test_adviser_of_a_cannot_see_structure_b(structures, adviser_a):
    a, b = structures
    assert list(structures_for(adviser_a, all_structures())) == [a]
    assert is_adviser_of(adviser_a, a.pk)
    assert is_adviser_of(adviser_a, a)
    assert not is_adviser_of(adviser_a, b.pk)
    assert not is_adviser_of(adviser_a, str(b.pk))
    assert not can_edit_structure(adviser_a, a)
    assert not can_edit_structure(adviser_a, b)


def test_manager_edits_only_their_structure(structures, make_staff):
    a, b = structures
    manager = make_staff("marc", Role.MANAGER, a)
    assert role_of(manager) == "manager"
    assert list(structures_for(manager, all_structures())) == [a]
    assert can_edit_structure(manager, a) and can_edit_structure(manager, a.pk)
    assert not can_edit_structure(manager, b)
    assert is_adviser_of(manager, a.pk) and not is_adviser_of(manager, b.pk)


@pytest.mark.parametrize("role", [Role.EDITOR, Role.ADMIN])
def test_region_roles_see_and_edit_every_structure(structures, make_staff, role):
    user = make_staff("region", role)
    assert set(structures_for(user, all_structures())) == set(structures)
    assert all(can_edit_structure(user, s) for s in structures)
    assert not any(is_adviser_of(user, s.pk) for s in structures)


def test_public_and_roleless_accounts_see_nothing(structures, django_user_model):
    plain = django_user_model.objects.create_user(username="plain", password="x")
    for user in (AnonymousUser(), plain, None):
        assert role_of(user) is None
        assert not structures_for(user, all_structures()).exists()
        assert not can_edit_structure(user, structures[0])
        assert not is_adviser_of(user, structures[0].pk)


def test_inactive_staff_has_no_role(structures, adviser_a):
    adviser_a.is_active = False
    assert role_of(adviser_a) is None
    assert not structures_for(adviser_a, all_structures()).exists()
    assert not is_adviser_of(adviser_a, structures[0].pk)


def test_adviser_whose_structure_was_removed_sees_nothing(structures, adviser_a):
    structures[0].delete()
    adviser_a.refresh_from_db()
    adviser_a.staff_profile.refresh_from_db()
    assert role_of(adviser_a) == "adviser"
    assert not structures_for(adviser_a, all_structures()).exists()


def test_structures_for_filters_other_models_on_their_structure(structures, adviser_a):
    """Querysets of models with a `structure` key (conversations, requests) are filtered on that key."""
    from hent.staff.models import StaffProfile

    visible = structures_for(adviser_a, StaffProfile.objects.all())
    assert list(visible.values_list("user__username", flat=True)) == ["alice"]


def test_superuser_without_profile_is_administrator(structures, django_user_model):
    root = django_user_model.objects.create_superuser(username="root", password="x", email="r@example.org")
    assert role_of(root) == "admin"
    assert structures_for(root, all_structures()).count() == 2


def test_admin_form_explains_which_roles_take_a_structure(client, make_staff, structures, django_user_model):
    from .conftest import sign_in

    sign_in(client, make_staff("ada", Role.ADMIN))
    user = django_user_model.objects.create_user(username="newbie", password="x")
    for role, structure, message in (
        ("adviser", "", "rattaché à une structure"),
        ("editor", str(structures[0].pk), "pas de structure"),
    ):
        response = client.post(
            "/gestion/staff/staffprofile/add/", {"user": user.pk, "role": role, "structure": structure}
        )
        assert response.status_code == 200 and message in response.content.decode()
    response = client.post(
        "/gestion/staff/staffprofile/add/", {"user": user.pk, "role": "adviser", "structure": structures[0].pk}
    )
    assert response.status_code == 302
    assert is_adviser_of(user, structures[0].pk)
